import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery, PageResponse } from '@app/common/pagination/page';
import { LogSeverity } from '../entities/log-entry.entity';

export class ListLogsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LogSeverity })
  @IsOptional()
  @IsEnum(LogSeverity)
  severity?: LogSeverity;

  @ApiPropertyOptional({ maxLength: 80, description: 'Exact source (class or subsystem), e.g. `Errors`' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  source?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lines about this user (the actor of an audit event)' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'The x-request-id a response carried' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  requestId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Text the message contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class LogEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ enum: LogSeverity }) severity: LogSeverity;
  @ApiProperty() source: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty() instanceId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    nullable: true,
  })
  details: Record<string, string | number | boolean | null> | null;
}

export class LogPageResponse extends PageResponse {
  @ApiProperty({ type: [LogEntryResponse] }) items: LogEntryResponse[];
  @ApiProperty({ description: 'Entries older than this many days are deleted each night' }) retentionDays: number;
}
