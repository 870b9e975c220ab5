import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class SseQuery {
  @ApiProperty({ description: 'A ticket from POST /api/messages/sse/ticket: valid 60 seconds, usable once' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ticket?: string;

  @ApiPropertyOptional({
    description:
      'The id of the last event received; the Last-Event-ID header does the same. Missed events are replayed.',
    example: '1042',
  })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'lastEventId must be an event id' })
  lastEventId?: string;
}

export class SseTicketResponse {
  @ApiProperty({ description: 'Pass as ?ticket= to GET /api/messages/sse' }) ticket: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
