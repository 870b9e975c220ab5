import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import { UK_ZONE } from '@app/modules/children/child-age';
import { AvailabilityBlock, AvailabilitySource, AvailabilityType } from '../entities/availability-block.entity';
import { Occurrence } from '../recurrence';

export class AvailabilityBlockResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AvailabilityType, enumName: 'AvailabilityType' }) type: AvailabilityType;
  @ApiProperty() title: string;
  @ApiProperty({
    enum: AvailabilitySource,
    enumName: 'AvailabilitySource',
    description: 'own, or google: busy time read from Google Calendar (read-only)',
  })
  source: AvailabilitySource;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ format: 'date-time', description: 'Start of the first occurrence' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'End of the first occurrence' }) endsAt: string;
  @ApiProperty({ type: String, nullable: true, example: 'FREQ=WEEKLY;BYDAY=MO' }) recurrence: string | null;
  @ApiProperty({ type: [String], example: ['2026-12-25'] }) exceptionDates: string[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'End of the last occurrence; null while the series repeats for ever',
  })
  lastEndsAt: string | null;
  @ApiProperty({ example: UK_ZONE, description: 'The zone recurrences are computed in' }) timeZone: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AvailabilityBlockPageResponse extends PageResponse {
  @ApiProperty({ type: [AvailabilityBlockResponse] }) items: AvailabilityBlockResponse[];
}

/** One occurrence of a block, as a calendar shows it. */
export class AvailabilityOccurrenceResponse {
  @ApiProperty({ format: 'uuid' }) blockId: string;
  @ApiProperty({ enum: AvailabilityType, enumName: 'AvailabilityType' }) type: AvailabilityType;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AvailabilitySource, enumName: 'AvailabilitySource' }) source: AvailabilitySource;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ format: 'date', description: 'UK date of the occurrence: the date to skip it with' }) date: string;
  @ApiProperty({ description: 'Part of a recurring series' }) recurring: boolean;
}

export class FreeSlotResponse {
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

/** A childminder's open time, for parents: available time minus time off, merged. */
export class PublicAvailabilityResponse {
  @ApiProperty({ format: 'uuid', description: 'The childminder profile id' }) childminderId: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ example: UK_ZONE }) timeZone: string;
  @ApiProperty({ type: [FreeSlotResponse] }) slots: FreeSlotResponse[];
}

export const toAvailabilityBlockResponse = (block: AvailabilityBlock): AvailabilityBlockResponse => ({
  id: block.id,
  type: block.type,
  title: block.title,
  source: block.source,
  description: block.description,
  startsAt: block.startsAt.toISOString(),
  endsAt: block.endsAt.toISOString(),
  recurrence: block.recurrence,
  exceptionDates: [...block.exceptionDates].sort(),
  lastEndsAt: block.lastEndsAt?.toISOString() ?? null,
  timeZone: UK_ZONE,
  createdAt: block.createdAt.toISOString(),
  updatedAt: block.updatedAt.toISOString(),
});

export const toOccurrenceResponse = (
  block: AvailabilityBlock,
  occurrence: Occurrence,
): AvailabilityOccurrenceResponse => ({
  blockId: block.id,
  type: block.type,
  title: block.title,
  source: block.source,
  description: block.description,
  startsAt: occurrence.startsAt.toISOString(),
  endsAt: occurrence.endsAt.toISOString(),
  date: occurrence.date,
  recurring: !!block.recurrence,
});
