import { ApiProperty } from '@nestjs/swagger';
import { DocumentType } from '@app/modules/documents/entities/document.entity';
import { ComplianceStatus } from '../compliance-status';

/** Where one requirement stands for the signed-in user, from their best document of its type. */
export enum RequirementState {
  /** No document of this type, or only deleted ones. */
  Missing = 'missing',
  /** Uploaded, waiting for an admin. */
  Pending = 'pending',
  /** The latest one was rejected (the reason is on the document). */
  Rejected = 'rejected',
  Approved = 'approved',
  /** Approved and within the reminder window of its last valid day. */
  Expiring = 'expiring',
  /** Approved once, past its last valid day. */
  Expired = 'expired',
}

export class ChecklistItemResponse {
  @ApiProperty({ enum: DocumentType, enumName: 'DocumentType' }) documentType: DocumentType;
  @ApiProperty() label: string;
  @ApiProperty() mandatory: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Null: no expiry' }) validityMonths: number | null;
  @ApiProperty({ enum: RequirementState, enumName: 'RequirementState' }) state: RequirementState;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The document the state comes from' })
  documentId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-03-31', description: 'Its last valid day (UK)' })
  validUntil: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Days until validUntil; negative once expired' })
  daysLeft: number | null;
}

/** Where one uploaded document stands today: the same rule as the checklist, per document. */
export class DocumentStandingResponse {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({
    enum: RequirementState,
    enumName: 'RequirementState',
    description: 'pending, rejected, approved, expiring or expired (never missing)',
  })
  state: RequirementState;
  @ApiProperty({ type: String, nullable: true, example: '2027-03-31', description: 'Its last valid day (UK)' })
  validUntil: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Days until validUntil; negative once expired' })
  daysLeft: number | null;
}

/** `GET /api/user/compliance`: the signed-in childminder's checklist, status and public badges. */
export class OwnComplianceResponse {
  @ApiProperty({ enum: ComplianceStatus, enumName: 'ComplianceStatus', description: 'Effective: an override wins' })
  status: ComplianceStatus;
  @ApiProperty({ type: [ChecklistItemResponse] }) checklist: ChecklistItemResponse[];
  @ApiProperty({
    enum: DocumentType,
    enumName: 'DocumentType',
    isArray: true,
    description: 'Badges shown on the public profile today',
  })
  badges: DocumentType[];
  @ApiProperty({
    type: [DocumentStandingResponse],
    description: "Each uploaded document's standing today, for the documents list (one rule with the checklist)",
  })
  documents: DocumentStandingResponse[];
}
