import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role } from '@app/common/auth/role';
import { PageResponse } from '@app/common/pagination/page';
import { ChatStatus, type User } from '@app/modules/users/entities/user.entity';
import { leaveMessageOfferedAt, REOPEN_WINDOW_MS } from '../chat-rules';
import { ChatMessage, ChatSender } from '../entities/chat-message.entity';
import { ChatEventType, ChatSessionEvent } from '../entities/chat-session-event.entity';
import { ChatSession, ChatSessionState } from '../entities/chat-session.entity';

export class ChatPersonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'First name' }) name: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ type: String, nullable: true, description: 'Their photo (avatar), if they uploaded one' })
  avatarUrl: string | null;
}

export class ChatMessageResponse {
  @ApiProperty({ description: 'Orders the session’s messages; ask for messages after it to catch up' }) id: number;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ enum: ChatSender, enumName: 'ChatSender' }) sender: ChatSender;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) senderId: string | null;
  @ApiProperty({ type: String, nullable: true }) senderName: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ChatEventResponse {
  @ApiProperty({ enum: ChatEventType, enumName: 'ChatEventType' }) type: ChatEventType;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) fromAgentId: string | null;
  @ApiProperty({ type: String, nullable: true }) toAgentId: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ChatSessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ChatSessionState, enumName: 'ChatSessionState' }) state: ChatSessionState;
  @ApiProperty({ type: ChatPersonResponse }) requester: ChatPersonResponse;
  @ApiProperty({ type: ChatPersonResponse, nullable: true }) agent: ChatPersonResponse | null;
  @ApiProperty({ format: 'date-time', description: 'When the chat (last) entered the queue' }) queuedAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastMessageAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'While waiting: from this time the widget offers to leave a message instead',
  })
  leaveMessageOfferedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Closed: the requester may reopen it until this time',
  })
  reopenableUntil: string | null;
  @ApiProperty() leftMessage: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The ticket a left message became' })
  ticketNumber: string | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 }) rating: number | null;
  @ApiProperty({ type: String, nullable: true }) ratingComment: string | null;
  @ApiProperty({ description: 'Messages from the other side I have not read' }) unread: number;
  @ApiProperty({ type: ChatMessageResponse, nullable: true }) lastMessage: ChatMessageResponse | null;
}

export class RequesterTicketResponse {
  @ApiProperty({ example: 'CC-1042' }) number: string;
  @ApiProperty() subject: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ChatRequesterContextResponse {
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ format: 'date-time' }) memberSince: string;
  @ApiProperty({ description: 'Earlier chats of this requester' }) previousChats: number;
  @ApiProperty({ description: 'Booking requests waiting for an answer' }) pendingBookings: number;
  @ApiProperty({ description: 'Confirmed bookings that have not ended' }) upcomingBookings: number;
  @ApiProperty({ type: [RequesterTicketResponse], description: 'Newest support tickets' })
  recentTickets: RequesterTicketResponse[];
}

export class ChatSessionDetailResponse extends ChatSessionResponse {
  @ApiProperty({ type: [ChatEventResponse] }) events: ChatEventResponse[];
  @ApiPropertyOptional({ type: ChatRequesterContextResponse, description: 'For support staff only' })
  requesterContext?: ChatRequesterContextResponse;
}

export class ChatSessionPageResponse extends PageResponse {
  @ApiProperty({ type: [ChatSessionResponse] }) items: ChatSessionResponse[];
}

export class ChatMessagesResponse {
  @ApiProperty({ type: [ChatMessageResponse] }) items: ChatMessageResponse[];
}

export class ChatNotificationsResponse {
  @ApiProperty({ description: 'Chats waiting in the queue' }) waiting: number;
  @ApiProperty({ description: 'Unread requester messages in my active chats' }) unread: number;
  @ApiProperty({
    type: [ChatSessionResponse],
    description: 'The queue (oldest first) and my chats with unread messages',
  })
  sessions: ChatSessionResponse[];
}

export class ChatAgentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ enum: ChatStatus, enumName: 'ChatStatus' }) status: ChatStatus;
  @ApiProperty() activeChats: number;
  @ApiProperty({ description: 'Online (available or busy) with fewer active chats than the capacity' })
  canTakeTransfer: boolean;
}

export class ChatAgentsResponse {
  @ApiProperty({ description: 'Active chats one agent may have at most' }) capacity: number;
  @ApiProperty({ type: [ChatAgentResponse] }) items: ChatAgentResponse[];
}

export class CannedReplyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
}

export class CannedRepliesResponse {
  @ApiProperty({ type: [CannedReplyResponse] }) items: CannedReplyResponse[];
}

export const toChatPerson = (user: User): ChatPersonResponse => ({
  id: user.id,
  name: user.firstName,
  role: user.role,
  avatarUrl: user.avatarUrl ?? null,
});

export function toChatMessageResponse(message: ChatMessage, people: ReadonlyMap<string, User>): ChatMessageResponse {
  return {
    id: Number(message.id),
    sessionId: message.sessionId,
    sender: message.sender,
    senderId: message.senderId,
    senderName: message.senderId ? (people.get(message.senderId)?.firstName ?? null) : null,
    text: message.text,
    createdAt: message.createdAt.toISOString(),
  };
}

export const toChatEventResponse = (event: ChatSessionEvent): ChatEventResponse => ({
  type: event.type,
  actorId: event.actorId,
  fromAgentId: event.fromAgentId,
  toAgentId: event.toAgentId,
  note: event.note,
  createdAt: event.createdAt.toISOString(),
});

export interface ChatSessionView {
  session: ChatSession;
  people: ReadonlyMap<string, User>;
  unread: number;
  lastMessage: ChatMessage | null;
  noAgentMinutes: number;
}

export function toChatSessionResponse({ session, people, unread, lastMessage, noAgentMinutes }: ChatSessionView) {
  const requester = people.get(session.requesterId);
  const agent = session.agentId ? people.get(session.agentId) : undefined;
  const response: ChatSessionResponse = {
    id: session.id,
    state: session.state,
    requester: requester
      ? toChatPerson(requester)
      : { id: session.requesterId, name: 'Former user', role: Role.Parent, avatarUrl: null },
    agent: agent ? toChatPerson(agent) : null,
    queuedAt: session.queuedAt.toISOString(),
    createdAt: session.createdAt.toISOString(),
    closedAt: session.closedAt?.toISOString() ?? null,
    lastMessageAt: session.lastMessageAt?.toISOString() ?? null,
    leaveMessageOfferedAt:
      session.state === ChatSessionState.Waiting
        ? leaveMessageOfferedAt(session.queuedAt, noAgentMinutes).toISOString()
        : null,
    reopenableUntil:
      session.state === ChatSessionState.Closed && session.closedAt && !session.leftMessage
        ? new Date(session.closedAt.getTime() + REOPEN_WINDOW_MS).toISOString()
        : null,
    leftMessage: session.leftMessage,
    ticketNumber: session.ticketNumber,
    rating: session.rating,
    ratingComment: session.ratingComment,
    unread,
    lastMessage: lastMessage ? toChatMessageResponse(lastMessage, people) : null,
  };
  return response;
}
