import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageQuery, PageResponse } from '@app/common/pagination/page';
import { IsShortText } from '@app/common/validation/validators';
import { EmailOutbox, OutboxStatus } from '../entities/email-outbox.entity';

export class ListOutboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OutboxStatus, enumName: 'OutboxStatus' })
  @IsOptional()
  @IsEnum(OutboxStatus, { message: `status must be one of: ${Object.values(OutboxStatus).join(', ')}` })
  status?: OutboxStatus;

  @ApiPropertyOptional({ maxLength: 254, description: 'The start of the recipient address' })
  @IsOptional()
  @IsShortText(254)
  to?: string;
}

export class OutboxIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class OutboxEmailResponse {
  @ApiProperty() id: string;
  @ApiProperty() toAddress: string;
  @ApiProperty({ type: String, nullable: true }) toName: string | null;
  @ApiProperty() template: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: OutboxStatus, enumName: 'OutboxStatus' }) status: OutboxStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
  @ApiProperty() createdAt: string;
}

export class OutboxEmailDetailResponse extends OutboxEmailResponse {
  @ApiProperty({ description: 'The plain-text body as sent' }) text: string;
}

export class OutboxPageResponse extends PageResponse {
  @ApiProperty({ type: [OutboxEmailResponse] }) items: OutboxEmailResponse[];
}

export const toOutboxEmailResponse = (row: EmailOutbox): OutboxEmailResponse => ({
  id: row.id,
  toAddress: row.toAddress,
  toName: row.toName,
  template: row.template,
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  sentAt: row.sentAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
