import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsShortText } from '@app/common/validation/validators';
import { IsInstant } from '@app/modules/availability/dto/instant.validator';
import { MAX_CHILDREN_PER_BOOKING, MAX_WEEKS } from '../booking-rules';

export const BOOKING_NOTES_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 500;

const trimToNull = Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

/** What a parent asks for; also the body of the quote (a dry run of the same checks). */
export class CreateBookingDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The childminder profile id (as in search results and /api/childminders/:id)',
  })
  @IsUUID('all', { message: 'childminderId must be a UUID' })
  childminderId: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_CHILDREN_PER_BOOKING })
  @IsArray()
  @ArrayMinSize(1, { message: 'childIds must name at least one child' })
  @ArrayMaxSize(MAX_CHILDREN_PER_BOOKING)
  @ArrayUnique({ message: 'childIds must not repeat a child' })
  @IsUUID('all', { each: true, message: 'each value in childIds must be a UUID' })
  childIds: string[];

  @ApiProperty({
    example: '2026-03-03T09:00:00Z',
    description:
      'Start of the (first) session: ISO 8601 with Z or an offset; without one, a Europe/London wall-clock time',
  })
  @IsInstant()
  startsAt: string;

  @ApiProperty({
    example: '2026-03-03T12:00:00Z',
    description: 'End of the (first) session: 30 minutes to 12 hours after the start',
  })
  @IsInstant()
  endsAt: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_WEEKS,
    default: 1,
    description: 'Repeat the session weekly, same local time, for this many weeks (1: a single session)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_WEEKS)
  weeks?: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BOOKING_NOTES_MAX_LENGTH })
  @trimToNull
  @IsOptional()
  @IsString()
  @MaxLength(BOOKING_NOTES_MAX_LENGTH)
  notes?: string | null;
}

/** A parent changes a pending request: absent fields stay as they are; new times are checked again. */
export class UpdateBookingDto {
  @ApiPropertyOptional({ example: '2026-03-03T09:30:00Z' })
  @ValidateIf((_, value) => value !== undefined)
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ example: '2026-03-03T12:30:00Z' })
  @ValidateIf((_, value) => value !== undefined)
  @IsInstant()
  endsAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_WEEKS })
  @ValidateIf((_, value) => value !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_WEEKS)
  weeks?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: BOOKING_NOTES_MAX_LENGTH,
    description: 'null or blank clears',
  })
  @trimToNull
  @IsOptional()
  @IsString()
  @MaxLength(BOOKING_NOTES_MAX_LENGTH)
  notes?: string | null;
}

/** Why a booking is cancelled: shown to the other side and kept on the booking. */
/**
 * `DELETE …/bookings/:id`: the reason is optional, in a JSON body or as `?reason=` (many clients
 * send no body with DELETE). Given in both places, the body wins.
 */
export class CancelBookingDto {
  @ApiPropertyOptional({ minLength: 3, maxLength: REASON_MAX_LENGTH, example: 'We are moving house that week' })
  @IsOptional()
  @IsShortText(REASON_MAX_LENGTH, 3)
  reason?: string;
}

export class CancelBookingQuery extends CancelBookingDto {}

/** The reason a cancellation gives, from the body or the query; null when it gives none. */
export const cancellationReason = (body: CancelBookingDto | undefined, query: CancelBookingQuery): string | null =>
  body?.reason ?? query.reason ?? null;

export enum ChildminderBookingAction {
  Confirm = 'confirm',
  Reject = 'reject',
  Cancel = 'cancel',
}

/** The childminder answers a request (confirm or reject) or cancels a confirmed booking. */
export class RespondToBookingDto {
  @ApiProperty({ enum: ChildminderBookingAction, enumName: 'ChildminderBookingAction' })
  @IsEnum(ChildminderBookingAction, { message: 'action must be one of: confirm, reject, cancel' })
  action: ChildminderBookingAction;

  @ApiPropertyOptional({
    minLength: 3,
    maxLength: REASON_MAX_LENGTH,
    description: 'Required to reject or cancel; shown to the parent',
  })
  @ValidateIf((dto: RespondToBookingDto) => dto.action !== ChildminderBookingAction.Confirm || dto.reason !== undefined)
  @IsShortText(REASON_MAX_LENGTH, 3)
  reason?: string;
}

/** An admin acts on a booking: the childminder's actions on their behalf, and/or a change of notes. */
export class AdminUpdateBookingDto {
  @ApiPropertyOptional({ enum: ChildminderBookingAction, enumName: 'ChildminderBookingAction' })
  @IsOptional()
  @IsIn(Object.values(ChildminderBookingAction), { message: 'action must be one of: confirm, reject, cancel' })
  action?: ChildminderBookingAction;

  @ApiPropertyOptional({ minLength: 3, maxLength: REASON_MAX_LENGTH, description: 'Required to reject or cancel' })
  @ValidateIf(
    (dto: AdminUpdateBookingDto) =>
      (dto.action !== undefined && dto.action !== ChildminderBookingAction.Confirm) || dto.reason !== undefined,
  )
  @IsShortText(REASON_MAX_LENGTH, 3)
  reason?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BOOKING_NOTES_MAX_LENGTH })
  @trimToNull
  @IsOptional()
  @IsString()
  @MaxLength(BOOKING_NOTES_MAX_LENGTH)
  notes?: string | null;
}
