import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Role } from '@app/common/auth/role';
import { DocumentType } from '@app/modules/documents/entities/document.entity';
import type { ComplianceRequirement } from '../entities/compliance-requirement.entity';

/** `POST /api/admin/compliance`: a new requirement for one role and document type. */
export class CreateRequirementDto {
  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role: Role;

  @ApiProperty({ enum: DocumentType, enumName: 'DocumentType' })
  @IsEnum(DocumentType, { message: `documentType must be one of: ${Object.values(DocumentType).join(', ')}` })
  documentType: DocumentType;

  @ApiProperty({ description: 'Whether a missing or expired document makes the user non-compliant' })
  @IsBoolean()
  mandatory: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 240, description: 'Null: never expires' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  validityMonths?: number | null;

  @ApiProperty({ type: [Number], example: [30, 14, 7], description: 'Days before expiry to remind the owner' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(366, { each: true })
  reminderDays: number[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** The `requirement` part of `PATCH /api/admin/compliance`: the id and only the fields to change. */
export class UpdateRequirementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  mandatory?: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 240, description: 'Null: never expires' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  validityMonths?: number | null;

  @ApiPropertyOptional({ type: [Number], example: [30, 14, 7] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(366, { each: true })
  reminderDays?: number[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class RequirementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ enum: DocumentType, enumName: 'DocumentType' }) documentType: DocumentType;
  @ApiProperty() mandatory: boolean;
  @ApiProperty({ type: Number, nullable: true }) validityMonths: number | null;
  @ApiProperty({ type: [Number] }) reminderDays: number[];
  @ApiProperty() active: boolean;
}

/** A requirement just created or changed. */
export class ChangedRequirementResponse extends RequirementResponse {
  @ApiProperty({
    description:
      "True while every childminder's compliance standing is being recomputed for the change, in the background: until then search and the dashboard use the previous standings.",
  })
  standingsRecomputing: boolean;
}

export const toRequirementResponse = (r: ComplianceRequirement): RequirementResponse => ({
  id: r.id,
  role: r.role,
  documentType: r.documentType,
  mandatory: Boolean(r.mandatory),
  validityMonths: r.validityMonths,
  reminderDays: [...r.reminderDays].sort((a, b) => b - a),
  active: Boolean(r.active),
});
