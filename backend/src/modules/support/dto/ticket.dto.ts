import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Role } from '@app/common/auth/role';
import { PageQuery } from '@app/common/pagination/page';
import { IsNormalisedEmail, IsShortText } from '@app/common/validation/validators';
import { REPLY_MAX_LENGTH } from '../entities/support-ticket-reply.entity';
import { TicketCategory, TicketPriority, TicketStatus } from '../entities/support-ticket.entity';
import { MAX_TAGS, ukDayBoundary } from '../ticket-rules';

export const TICKET_BODY_MAX_LENGTH = 10000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const UK_DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A range edge: a date-time, or a UK calendar date (YYYY-MM-DD) meaning the start (`from`) or the
 * end (`to`) of that day in Europe/London, so that a range of days is right across the clock change.
 * Anything else is left for @IsDate to reject.
 */
const rangeEdge = (edge: 'start' | 'end') =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    return UK_DATE.test(value) ? ukDayBoundary(value, edge) : new Date(value);
  });
const RANGE_EDGE_DOC = 'a date-time, or a UK date (YYYY-MM-DD) meaning';

export class TicketIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

/** A parent or childminder asks for help. */
export class CreateTicketDto {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'I cannot see my booking' })
  @IsShortText(200, 3)
  subject: string;

  @ApiProperty({ minLength: 10, maxLength: TICKET_BODY_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @MinLength(10, { message: 'Tell us a little more (at least 10 characters)' })
  @MaxLength(TICKET_BODY_MAX_LENGTH)
  body: string;

  @ApiProperty({ enum: TicketCategory })
  @IsEnum(TicketCategory, { message: `category must be one of: ${Object.values(TicketCategory).join(', ')}` })
  category: TicketCategory;
}

/** An agent or admin raises a ticket on someone's behalf: an account, or a name and an email. */
export class StaffCreateTicketDto extends CreateTicketDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The requester’s account' })
  @IsOptional()
  @IsUUID('all', { message: 'requesterId must be a UUID' })
  requesterId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Without requesterId: who asked' })
  @IsOptional()
  @IsShortText(200)
  requesterName?: string;

  @ApiPropertyOptional({ description: 'Without requesterId: where to answer' })
  @IsOptional()
  @IsNormalisedEmail()
  requesterEmail?: string;

  @ApiPropertyOptional({ enum: TicketPriority, description: 'Safeguarding is always urgent' })
  @IsOptional()
  @IsEnum(TicketPriority)
  priority?: TicketPriority;
}

/** The public contact form. `website` is a honeypot: people leave it empty. */
export class ContactDto {
  @ApiProperty({ maxLength: 200 })
  @IsShortText(200)
  name: string;

  @ApiProperty({ format: 'email' })
  @IsNormalisedEmail()
  email: string;

  @ApiProperty({ minLength: 3, maxLength: 200 })
  @IsShortText(200, 3)
  subject: string;

  @ApiProperty({ minLength: 10, maxLength: TICKET_BODY_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @MinLength(10, { message: 'Tell us a little more (at least 10 characters)' })
  @MaxLength(TICKET_BODY_MAX_LENGTH)
  message: string;

  @ApiProperty({ enum: TicketCategory })
  @IsEnum(TicketCategory, { message: `category must be one of: ${Object.values(TicketCategory).join(', ')}` })
  category: TicketCategory;

  @ApiPropertyOptional({ description: 'Leave empty (hidden from people; bots fill it in)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  website?: string;
}

/** A requester may only close their own ticket; agents change the rest. */
export class UpdateOwnTicketDto {
  @ApiProperty({ enum: [TicketStatus.Closed], description: 'Close my ticket (it becomes read-only)' })
  @IsIn([TicketStatus.Closed], { message: 'You can only close your ticket' })
  status: TicketStatus.Closed;
}

/** What an agent or admin changes on a ticket; `note` adds an internal note at the same time. */
export class UpdateTicketDto {
  @ApiPropertyOptional({ enum: TicketStatus })
  @IsOptional()
  @IsEnum(TicketStatus)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TicketPriority })
  @IsOptional()
  @IsEnum(TicketPriority)
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TicketCategory })
  @IsOptional()
  @IsEnum(TicketCategory)
  category?: TicketCategory;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null unassigns' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'assigneeId must be a UUID or null' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS, example: ['billing', 'refund'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @Matches(/^\s*[A-Za-z0-9][A-Za-z0-9-]{0,29}\s*$/, {
    each: true,
    message: 'each tag is 1 to 30 letters, digits or hyphens',
  })
  tags?: string[];

  @ApiPropertyOptional({ maxLength: REPLY_MAX_LENGTH, description: 'An internal note to add' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(REPLY_MAX_LENGTH)
  note?: string;
}

export class CreateReplyDto {
  @ApiProperty({ minLength: 1, maxLength: REPLY_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Write a reply' })
  @MaxLength(REPLY_MAX_LENGTH)
  body: string;

  @ApiPropertyOptional({ description: 'Agents only: a note the requester never sees', default: false })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class MyTicketsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TicketStatus })
  @IsOptional()
  @IsEnum(TicketStatus)
  status?: TicketStatus;
}

/** The requester roles tickets can be filtered by; `visitor` is someone without an account. */
export const REQUESTER_ROLES = [Role.Parent, Role.Childminder, 'visitor'] as const;
export type RequesterRoleFilter = (typeof REQUESTER_ROLES)[number];

/** The inbox's filters. */
export class TicketFilterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TicketStatus })
  @IsOptional()
  @IsEnum(TicketStatus)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TicketPriority })
  @IsOptional()
  @IsEnum(TicketPriority)
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TicketCategory })
  @IsOptional()
  @IsEnum(TicketCategory)
  category?: TicketCategory;

  @ApiPropertyOptional({ description: 'An agent’s id, `me`, or `none` for unassigned tickets' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-fA-F-]{36})$/, { message: 'assignee must be a user id, me or none' })
  assignee?: string;

  @ApiPropertyOptional({ enum: REQUESTER_ROLES })
  @IsOptional()
  @IsIn(REQUESTER_ROLES)
  requesterRole?: RequesterRoleFilter;

  @ApiPropertyOptional({
    type: String,
    example: '2026-12-01',
    description: `Created at or after: ${RANGE_EDGE_DOC} the start of that UK day`,
  })
  @IsOptional()
  @rangeEdge('start')
  @IsDate({ message: 'from must be a date-time or a date (YYYY-MM-DD)' })
  from?: Date;

  @ApiPropertyOptional({
    type: String,
    example: '2026-12-31',
    description: `Created at or before: ${RANGE_EDGE_DOC} the end of that UK day`,
  })
  @IsOptional()
  @rangeEdge('end')
  @IsDate({ message: 'to must be a date-time or a date (YYYY-MM-DD)' })
  to?: Date;
}

export class TicketSearchQuery extends TicketFilterQuery {
  @ApiProperty({
    minLength: 3,
    maxLength: 200,
    description: 'Words to find in subjects, bodies and replies (each 3+ characters, prefix match), or a ticket number',
  })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  q: string;
}

export class TicketStatsQuery {
  @ApiPropertyOptional({
    type: String,
    example: '2026-11-01',
    description: `Start of the range (default: 30 days before its end): ${RANGE_EDGE_DOC} the start of that UK day`,
  })
  @IsOptional()
  @rangeEdge('start')
  @IsDate({ message: 'from must be a date-time or a date (YYYY-MM-DD)' })
  from?: Date;

  @ApiPropertyOptional({
    type: String,
    example: '2026-11-30',
    description: `End of the range (default: now): ${RANGE_EDGE_DOC} the end of that UK day`,
  })
  @IsOptional()
  @rangeEdge('end')
  @IsDate({ message: 'to must be a date-time or a date (YYYY-MM-DD)' })
  to?: Date;
}
