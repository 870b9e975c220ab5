import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { PageQuery } from '@app/common/pagination/page';
import { IsShortText } from '@app/common/validation/validators';
import { CANNED_REPLY_TEXT_MAX_LENGTH, CANNED_REPLY_TITLE_MAX_LENGTH } from '../entities/chat-canned-reply.entity';
import { CHAT_MESSAGE_MAX_LENGTH } from '../entities/chat-message.entity';
import { CHAT_RATING_COMMENT_MAX_LENGTH, ChatSessionState } from '../entities/chat-session.entity';

export class ChatSessionIdParams {
  @ApiProperty({ format: 'uuid', description: 'The chat session' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class CreateChatSessionDto {
  @ApiPropertyOptional({ maxLength: CHAT_MESSAGE_MAX_LENGTH, description: 'The first message, if any' })
  @IsOptional()
  @IsShortText(CHAT_MESSAGE_MAX_LENGTH)
  message?: string;
}

/** `?state=&mine=&page=&pageSize=`: open chats first, newest first. */
export class ListChatSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ChatSessionState, enumName: 'ChatSessionState' })
  @IsOptional()
  @IsEnum(ChatSessionState, { message: 'state must be one of: waiting, active, closed' })
  state?: ChatSessionState;

  @ApiPropertyOptional({ description: 'Staff: only the chats assigned to me (and, unless state is given, the queue)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;
}

export enum ChatSessionAction {
  /** Requester or assigned agent (or an admin) ends the chat. */
  Close = 'close',
  /** The requester reopens their closed chat (within 24 hours). */
  Reopen = 'reopen',
  /** The requester stops waiting and leaves a message for support (it becomes a ticket). */
  LeaveMessage = 'leave_message',
  /** The requester rates the closed chat. */
  Rate = 'rate',
}

export class UpdateChatSessionDto {
  @ApiProperty({ enum: ChatSessionAction, enumName: 'ChatSessionAction' })
  @IsEnum(ChatSessionAction, { message: 'action must be one of: close, reopen, leave_message, rate' })
  action: ChatSessionAction;

  @ApiPropertyOptional({ maxLength: CHAT_MESSAGE_MAX_LENGTH, description: 'leave_message: the message for support' })
  @IsOptional()
  @IsShortText(CHAT_MESSAGE_MAX_LENGTH)
  message?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'rate: 1 (poor) to 5 (excellent)' })
  @IsOptional()
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  @Min(1, { message: 'rating must be a whole number from 1 to 5' })
  @Max(5, { message: 'rating must be a whole number from 1 to 5' })
  rating?: number;

  @ApiPropertyOptional({ maxLength: CHAT_RATING_COMMENT_MAX_LENGTH, description: 'rate: an optional comment' })
  @IsOptional()
  @IsShortText(CHAT_RATING_COMMENT_MAX_LENGTH)
  comment?: string;
}

export class ListChatMessagesQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId: string;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'Only messages after this message id (what a reconnecting client missed)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 200;
}

export class SendChatMessageDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId: string;

  @ApiProperty({ maxLength: CHAT_MESSAGE_MAX_LENGTH })
  @IsShortText(CHAT_MESSAGE_MAX_LENGTH)
  text: string;
}

export class TransferChatDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId: string;

  @ApiProperty({ format: 'uuid', description: 'An online support agent or admin with free capacity' })
  @IsUUID('all', { message: 'agentId must be a UUID' })
  agentId: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'A note for the new agent' })
  @IsOptional()
  @IsShortText(500)
  note?: string;
}

export class CannedReplyDto {
  @ApiProperty({ maxLength: CANNED_REPLY_TITLE_MAX_LENGTH })
  @IsShortText(CANNED_REPLY_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({ maxLength: CANNED_REPLY_TEXT_MAX_LENGTH })
  @IsShortText(CANNED_REPLY_TEXT_MAX_LENGTH)
  text: string;
}

export class UpdateCannedRepliesDto {
  @ApiProperty({ type: [CannedReplyDto], maxItems: 50, description: 'The whole list, in order' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CannedReplyDto)
  replies: CannedReplyDto[];
}
