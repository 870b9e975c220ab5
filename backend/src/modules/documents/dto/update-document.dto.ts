import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, ValidateIf } from 'class-validator';
import { IsShortText } from '@app/common/validation/validators';
import { DocumentType } from '../entities/document.entity';
import {
  DOCUMENT_DESCRIPTION_MAX_LENGTH,
  DOCUMENT_NAME_MAX_LENGTH,
  IsOptionalCalendarDate,
  IsOptionalText,
} from './document-fields.validators';

/**
 * A partial change of a document's metadata: absent fields stay. Changing the type or a date
 * sends an approved or rejected document back to review (status pending).
 */
export class UpdateDocumentDto {
  @ApiPropertyOptional({ enum: DocumentType, enumName: 'DocumentType' })
  @ValidateIf((_, value) => value !== undefined)
  @IsEnum(DocumentType, { message: `type must be one of: ${Object.values(DocumentType).join(', ')}` })
  type?: DocumentType;

  @ApiPropertyOptional({ maxLength: DOCUMENT_NAME_MAX_LENGTH })
  @ValidateIf((_, value) => value !== undefined)
  @IsShortText(DOCUMENT_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DOCUMENT_DESCRIPTION_MAX_LENGTH })
  @IsOptionalText(DOCUMENT_DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptionalCalendarDate()
  issuedOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptionalCalendarDate()
  expiresOn?: string | null;
}

/** An admin's correction of a document's metadata (same fields; the review state is kept). */
export class AdminUpdateDocumentDto extends UpdateDocumentDto {}
