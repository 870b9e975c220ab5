import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQuery } from '@app/common/pagination/page';
import { DocumentStatus, DocumentType } from '../entities/document.entity';

export const MAX_EXPIRING_WITHIN_DAYS = 366;

/** The admin documents list: every filter optional; the queue is oldest first. */
export class ListDocumentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DocumentStatus, enumName: 'DocumentStatus' })
  @IsOptional()
  @IsEnum(DocumentStatus, { message: `status must be one of: ${Object.values(DocumentStatus).join(', ')}` })
  status?: DocumentStatus;

  @ApiPropertyOptional({ enum: DocumentType, enumName: 'DocumentType' })
  @IsOptional()
  @IsEnum(DocumentType, { message: `type must be one of: ${Object.values(DocumentType).join(', ')}` })
  type?: DocumentType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this user’s documents' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_EXPIRING_WITHIN_DAYS,
    description: 'Only documents with an expiry date from today (UK) to this many days ahead',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_EXPIRING_WITHIN_DAYS)
  expiringWithinDays?: number;
}
