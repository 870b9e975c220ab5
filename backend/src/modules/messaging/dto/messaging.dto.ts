import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '@app/common/pagination/page';
import { MESSAGE_MAX_LENGTH } from '../entities/message.entity';

export const THREAD_DEFAULT_LIMIT = 30;
export const THREAD_MAX_LIMIT = 100;

/** `?conversationId=&cursor=&limit=` of a thread. */
export class ThreadQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'conversationId must be a UUID' })
  conversationId: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page: the next page holds older messages' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not one this API returned' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: THREAD_MAX_LIMIT, default: THREAD_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(THREAD_MAX_LIMIT)
  limit: number = THREAD_DEFAULT_LIMIT;
}

/** Either start (or continue) the conversation with `recipientId`, or write into `conversationId`. */
export class SendMessageDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The other person (a parent writes to a childminder)' })
  @IsOptional()
  @IsUUID('all', { message: 'recipientId must be a UUID' })
  recipientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An existing conversation of mine' })
  @IsOptional()
  @IsUUID('all', { message: 'conversationId must be a UUID' })
  conversationId?: string;

  @ApiProperty({ minLength: 1, maxLength: MESSAGE_MAX_LENGTH, example: 'Hello, do you have space on Tuesdays?' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(MESSAGE_MAX_LENGTH)
  text: string;
}

export class ConversationIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'conversationId must be a UUID' })
  conversationId: string;
}

export class AdminConversationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only conversations this user takes part in' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'With a message at or after this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be a date-time' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'With a message at or before this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be a date-time' })
  to?: Date;
}

export class AdminThreadQuery extends ThreadQuery {}

export class AdminSearchQuery extends PageQuery {
  @ApiProperty({
    minLength: 3,
    maxLength: 200,
    description: 'Words to find (each at least 3 characters, prefix match)',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  q: string;
}
