import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import { Role } from '@app/common/auth/role';
import { Conversation } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';
import { PersonSummary } from '../messaging.repository';

/** One message of a conversation (named apart from the auth module's `MessageResponse` in the OpenAPI document). */
export class ConversationMessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ format: 'uuid' }) senderId: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time', description: 'Millisecond precision' }) createdAt: string;
}

export class OtherPartyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Sarah Jones' }) name: string;
  @ApiProperty({ enum: Role }) role: Role;
}

export class ConversationSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: OtherPartyResponse }) otherParty: OtherPartyResponse;
  @ApiProperty({ type: ConversationMessageResponse, nullable: true }) lastMessage: ConversationMessageResponse | null;
  @ApiProperty({ description: 'Messages from the other party I have not read' }) unreadCount: number;
  @ApiProperty({ description: 'Blocked by either side: nobody can send' }) blocked: boolean;
  @ApiProperty({ description: 'I blocked it (and may unblock it)' }) blockedByMe: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastMessageAt: string | null;
}

export class ConversationPageResponse extends PageResponse {
  @ApiProperty({ type: [ConversationSummaryResponse] }) items: ConversationSummaryResponse[];
  @ApiProperty({ description: 'Unread messages across all my conversations' }) unreadTotal: number;
}

export class ThreadResponse {
  @ApiProperty({ type: ConversationSummaryResponse }) conversation: ConversationSummaryResponse;
  @ApiProperty({ type: [ConversationMessageResponse], description: 'Newest first' })
  items: ConversationMessageResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for older messages; null at the start' })
  nextCursor: string | null;
}

export class SentMessageResponse {
  @ApiProperty({ type: ConversationMessageResponse }) message: ConversationMessageResponse;
  @ApiProperty({ type: ConversationSummaryResponse }) conversation: ConversationSummaryResponse;
}

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class AdminConversationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ParticipantResponse }) parent: ParticipantResponse;
  @ApiProperty({ type: ParticipantResponse }) childminder: ParticipantResponse;
  @ApiProperty() messageCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastMessageAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) blockedById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AdminConversationPageResponse extends PageResponse {
  @ApiProperty({ type: [AdminConversationResponse] }) items: AdminConversationResponse[];
}

export class AdminMessageResponse extends ConversationMessageResponse {
  @ApiProperty() senderName: string;
}

export class AdminThreadResponse {
  @ApiProperty({ type: AdminConversationResponse }) conversation: AdminConversationResponse;
  @ApiProperty({ type: [AdminMessageResponse], description: 'Newest first' }) items: AdminMessageResponse[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}

export class AdminSearchPageResponse extends PageResponse {
  @ApiProperty({ type: [AdminMessageResponse] }) items: AdminMessageResponse[];
}

export class BlockStateResponse {
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty() blocked: boolean;
  @ApiProperty() blockedByMe: boolean;
}

const unknownPerson = (id: string): PersonSummary => ({ id, name: 'Deleted user', email: '', role: Role.Parent });

export const toMessageResponse = (m: Message): ConversationMessageResponse => ({
  id: m.id,
  conversationId: m.conversationId,
  senderId: m.senderId,
  text: m.text,
  createdAt: m.createdAt.toISOString(),
});

export function toConversationSummary(
  conversation: Conversation,
  viewerId: string,
  people: Map<string, PersonSummary>,
  lastMessage: Message | undefined,
  unreadCount: number,
): ConversationSummaryResponse {
  const otherId = conversation.parentId === viewerId ? conversation.childminderId : conversation.parentId;
  const other = people.get(otherId) ?? unknownPerson(otherId);
  return {
    id: conversation.id,
    otherParty: { id: other.id, name: other.name, role: other.role },
    lastMessage: lastMessage ? toMessageResponse(lastMessage) : null,
    unreadCount,
    blocked: conversation.blockedById !== null,
    blockedByMe: conversation.blockedById === viewerId,
    lastMessageAt: conversation.lastMessageAt?.toISOString() ?? null,
  };
}

export function toAdminConversation(
  conversation: Conversation,
  people: Map<string, PersonSummary>,
  messageCount: number,
): AdminConversationResponse {
  const person = (id: string) => {
    const p = people.get(id) ?? unknownPerson(id);
    return { id: p.id, name: p.name, email: p.email };
  };
  return {
    id: conversation.id,
    parent: person(conversation.parentId),
    childminder: person(conversation.childminderId),
    messageCount,
    lastMessageAt: conversation.lastMessageAt?.toISOString() ?? null,
    blockedById: conversation.blockedById,
    createdAt: conversation.createdAt.toISOString(),
  };
}

export const toAdminMessage = (m: Message, people: Map<string, PersonSummary>): AdminMessageResponse => ({
  ...toMessageResponse(m),
  senderName: people.get(m.senderId)?.name ?? 'Deleted user',
});
