import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { IsShortText } from '@app/common/validation/validators';
import { DocumentType } from '../entities/document.entity';
import {
  DOCUMENT_DESCRIPTION_MAX_LENGTH,
  DOCUMENT_NAME_MAX_LENGTH,
  IsOptionalCalendarDate,
  IsOptionalText,
} from './document-fields.validators';

/** The text fields sent with a document's file (multipart/form-data). */
export class CreateDocumentDto {
  @ApiProperty({ enum: DocumentType, enumName: 'DocumentType' })
  @IsEnum(DocumentType, { message: `type must be one of: ${Object.values(DocumentType).join(', ')}` })
  type: DocumentType;

  @ApiProperty({ maxLength: DOCUMENT_NAME_MAX_LENGTH, example: 'Paediatric first aid certificate' })
  @IsShortText(DOCUMENT_NAME_MAX_LENGTH)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DOCUMENT_DESCRIPTION_MAX_LENGTH })
  @IsOptionalText(DOCUMENT_DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-09-01' })
  @IsOptionalCalendarDate()
  issuedOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2028-09-01',
    description: 'Not before issuedOn',
  })
  @IsOptionalCalendarDate()
  expiresOn?: string | null;
}

/** OpenAPI description of the multipart fields that go with the file. */
export const CREATE_DOCUMENT_FIELDS: Record<string, object> = {
  type: { type: 'string', enum: Object.values(DocumentType) },
  name: { type: 'string', maxLength: DOCUMENT_NAME_MAX_LENGTH },
  description: { type: 'string', maxLength: DOCUMENT_DESCRIPTION_MAX_LENGTH },
  issuedOn: { type: 'string', format: 'date' },
  expiresOn: { type: 'string', format: 'date' },
};
