import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsShortText } from '@app/common/validation/validators';
import { AvailabilityType } from '../entities/availability-block.entity';
import { MAX_EXCEPTION_DATES } from '../recurrence';
import { IsInstant } from './instant.validator';

export const BLOCK_TITLE_MAX_LENGTH = 100;
export const BLOCK_DESCRIPTION_MAX_LENGTH = 1000;

/**
 * A block as the childminder defines it. Used whole by POST and by PUT (PUT replaces the block).
 * Times are instants; without an offset they are read as Europe/London wall-clock times.
 */
export class AvailabilityBlockDto {
  @ApiProperty({
    example: '2026-03-02T08:00:00Z',
    description:
      'Start of the (first) occurrence: ISO 8601 with Z or an offset; without one, a Europe/London wall-clock time',
  })
  @IsInstant()
  startsAt: string;

  @ApiProperty({
    example: '2026-03-02T18:00:00Z',
    description: 'End of the (first) occurrence; after startsAt, at most 24 hours later',
  })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ enum: AvailabilityType, enumName: 'AvailabilityType' })
  @IsEnum(AvailabilityType, { message: 'type must be one of: available, unavailable' })
  type: AvailabilityType;

  @ApiProperty({ maxLength: BLOCK_TITLE_MAX_LENGTH, example: 'Weekday care' })
  @IsShortText(BLOCK_TITLE_MAX_LENGTH)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BLOCK_DESCRIPTION_MAX_LENGTH })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsOptional()
  @IsString()
  @MaxLength(BLOCK_DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    example: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    description:
      'RFC 5545 RRULE (without DTSTART/TZID/BYHOUR/BYMINUTE): DAILY, WEEKLY, MONTHLY or YEARLY, ending within 5 years if it ends. ' +
      'Occurrences keep the local time of startsAt in Europe/London across clock changes. Null or absent: a one-off block.',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsOptional()
  @IsString()
  @MaxLength(500)
  recurrence?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['2026-12-25'],
    description: `Local dates (YYYY-MM-DD) whose occurrence is skipped; at most ${MAX_EXCEPTION_DATES}`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EXCEPTION_DATES)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each value in exceptionDates must be a date YYYY-MM-DD' })
  exceptionDates?: string[];
}

/** `?from=&to=`: either may be a date-time or a UK date. */
export class TimeRangeQuery {
  @ApiPropertyOptional({
    example: '2026-03-01',
    description: 'Start of the range (inclusive); a date means UK midnight',
  })
  @IsOptional()
  @IsInstant({ dateOnly: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'End of the range (exclusive); a date means UK midnight' })
  @IsOptional()
  @IsInstant({ dateOnly: true })
  to?: string;
}
