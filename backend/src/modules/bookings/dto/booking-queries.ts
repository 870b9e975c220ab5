import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@app/common/pagination/page';
import { IsInstant } from '@app/modules/availability/dto/instant.validator';
import { BookingStatus } from '../entities/booking.entity';

export class BookingIdParams {
  @ApiProperty({ format: 'uuid', description: 'The booking' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

/** `?status=&from=&to=&page=&pageSize=`: newest start first. */
export class ListBookingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BookingStatus, enumName: 'BookingStatus' })
  @IsOptional()
  @IsEnum(BookingStatus, { message: `status must be one of: ${Object.values(BookingStatus).join(', ')}` })
  status?: BookingStatus;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'Only bookings still running at or after this time' })
  @IsOptional()
  @IsInstant({ dateOnly: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'Only bookings starting before this time' })
  @IsOptional()
  @IsInstant({ dateOnly: true })
  to?: string;
}

export class AdminListBookingsQuery extends ListBookingsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "The childminder's user id" })
  @IsOptional()
  @IsUUID('all', { message: 'childminderId must be a UUID' })
  childminderId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The parent's user id" })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;
}

/** `DELETE /api/dashboard/childminder/calendar?blockId=&date=` */
export class DeleteCalendarEntryQuery {
  @ApiProperty({ format: 'uuid', description: 'The availability block' })
  @IsUUID('all', { message: 'blockId must be a UUID' })
  blockId: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-03-09',
    description: 'Remove only the occurrence on this UK date (a series gains an exception); absent: the whole block',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  date?: string;
}
