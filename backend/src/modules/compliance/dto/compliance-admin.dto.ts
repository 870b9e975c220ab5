import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';
import { PageQuery, PageResponse } from '@app/common/pagination/page';
import { ComplianceStatus } from '../compliance-status';
import { ChangedRequirementResponse, RequirementResponse, UpdateRequirementDto } from './requirement.dto';

/** `GET /api/admin/compliance`: the requirements, and a page of childminders with their status. */
export class ListComplianceQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ComplianceStatus, enumName: 'ComplianceStatus', description: 'Effective status' })
  @IsOptional()
  @IsEnum(ComplianceStatus, { message: `status must be one of: ${Object.values(ComplianceStatus).join(', ')}` })
  status?: ComplianceStatus;
}

/** The `override` part of `PATCH /api/admin/compliance`. `status: null` removes the override. */
export class SetOverrideDto {
  @ApiProperty({ format: 'uuid', description: "The childminder's user id" })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ enum: ComplianceStatus, enumName: 'ComplianceStatus', nullable: true, description: 'Null clears it' })
  @ValidateIf((o: SetOverrideDto) => o.status !== null)
  @IsEnum(ComplianceStatus, { message: `status must be one of: ${Object.values(ComplianceStatus).join(', ')}` })
  status: ComplianceStatus | null;

  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'Why; kept with the override and audited' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

/** Platform-wide compliance policy (a settings row each). */
export class ComplianceSettingsDto {
  @ApiProperty({ description: 'Leave non-compliant childminders out of search and recommendations' })
  @IsBoolean({ message: 'hideNonCompliantFromSearch must be true or false' })
  hideNonCompliantFromSearch: boolean;
}

export class ComplianceSettingsResponse {
  @ApiProperty() hideNonCompliantFromSearch: boolean;
}

/**
 * `PATCH /api/admin/compliance`: exactly one of `requirement` (change one), `override` (set one)
 * or `settings` (the platform policy).
 */
export class UpdateComplianceDto {
  @ApiPropertyOptional({ type: UpdateRequirementDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdateRequirementDto)
  requirement?: UpdateRequirementDto;

  @ApiPropertyOptional({ type: SetOverrideDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SetOverrideDto)
  override?: SetOverrideDto;

  @ApiPropertyOptional({ type: ComplianceSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplianceSettingsDto)
  settings?: ComplianceSettingsDto;
}

export class OverrideResponse {
  @ApiProperty({ enum: ComplianceStatus, enumName: 'ComplianceStatus' }) status: ComplianceStatus;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) adminId: string | null;
  @ApiProperty() updatedAt: Date;
}

export class ChildminderComplianceResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ComplianceStatus, enumName: 'ComplianceStatus', description: 'Effective: the override wins' })
  status: ComplianceStatus;
  @ApiProperty({ enum: ComplianceStatus, enumName: 'ComplianceStatus', description: 'From documents alone' })
  computedStatus: ComplianceStatus;
  @ApiProperty({ type: OverrideResponse, nullable: true }) override: OverrideResponse | null;
}

export class ChildminderCompliancePage extends PageResponse {
  @ApiProperty({ type: [ChildminderComplianceResponse] }) items: ChildminderComplianceResponse[];
}

/** A requirement change being applied to every childminder's stored standing, in the background. */
export class StandingsUpdateResponse {
  @ApiProperty({ description: 'When the requirement changed', format: 'date-time' }) since: string;
  @ApiProperty({ description: 'Childminders whose standing has been recomputed so far' }) done: number;
  @ApiProperty({ description: 'Childminders in all' }) total: number;
}

export class ComplianceOverviewResponse {
  @ApiProperty({ type: [RequirementResponse] }) requirements: RequirementResponse[];
  @ApiProperty({ type: ChildminderCompliancePage }) childminders: ChildminderCompliancePage;
  @ApiProperty({ type: ComplianceSettingsResponse }) settings: ComplianceSettingsResponse;
  @ApiProperty({
    type: StandingsUpdateResponse,
    nullable: true,
    description:
      'Set while a requirement change is being applied to the standings that search and the dashboard read (they use the previous ones until then).',
  })
  standingsUpdate: StandingsUpdateResponse | null;
}

/** What PATCH changed: the requirement, the childminder's status after the override, or the settings. */
export class UpdateComplianceResponse {
  @ApiPropertyOptional({ type: ChangedRequirementResponse }) requirement?: ChangedRequirementResponse;
  @ApiPropertyOptional({ type: ChildminderComplianceResponse }) childminder?: ChildminderComplianceResponse;
  @ApiPropertyOptional({ type: ComplianceSettingsResponse }) settings?: ComplianceSettingsResponse;
}

export class ExpiringItemResponse {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty({ example: '2026-12-01' }) expiresOn: string;
  @ApiProperty({ enum: ['expiring', 'expired'] }) state: 'expiring' | 'expired';
  @ApiProperty({ description: 'Negative once expired' }) daysLeft: number;
}

export class ExpiringUserResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [ExpiringItemResponse] }) items: ExpiringItemResponse[];
}

export class ExpirationsResponse {
  @ApiProperty({ example: '2026-11-25', description: 'The UK day the check was made for' }) today: string;
  @ApiProperty({ type: [ExpiringUserResponse] }) users: ExpiringUserResponse[];
}

export class ExpirationRunResponse {
  @ApiProperty({ description: 'False when another instance was running the job' }) ran: boolean;
  @ApiProperty() remindersSent: number;
  @ApiProperty() expiredDocuments: number;
  @ApiProperty({ type: [String], description: 'Ids of approved documents past their expiry date' })
  expiredDocumentIds: string[];
  @ApiProperty({ description: 'Owners told for the first time that a document has expired' })
  expiryNoticesSent: number;
}
