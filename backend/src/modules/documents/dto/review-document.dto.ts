import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsUUID } from 'class-validator';
import { DocumentStatus } from '../entities/document.entity';
import { IsOptionalText, REVIEW_REASON_MAX_LENGTH } from './document-fields.validators';

/** `PATCH /api/admin/documents/status`: approve, reject (with a reason) or reopen a document. */
export class UpdateDocumentStatusDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'documentId must be a UUID' })
  documentId: string;

  @ApiProperty({ enum: DocumentStatus, enumName: 'DocumentStatus' })
  @IsEnum(DocumentStatus, { message: `status must be one of: ${Object.values(DocumentStatus).join(', ')}` })
  status: DocumentStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: REVIEW_REASON_MAX_LENGTH,
    description: 'Required to reject; sent to the owner',
  })
  @IsOptionalText(REVIEW_REASON_MAX_LENGTH)
  reason?: string | null;
}
