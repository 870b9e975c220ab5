import { Role } from '@app/common/auth/role';
import { DocumentType } from '@app/modules/documents/entities/document.entity';
import { ComplianceRequirement } from './entities/compliance-requirement.entity';

const REMINDERS = [30, 14, 7];

/** The requirements every installation starts with (seeded on boot if missing; admins change them). */
export const DEFAULT_REQUIREMENTS: ReadonlyArray<Pick<ComplianceRequirement, 'documentType' | 'validityMonths'>> = [
  { documentType: DocumentType.OfstedRegistration, validityMonths: null },
  { documentType: DocumentType.DbsCertificate, validityMonths: null },
  { documentType: DocumentType.FirstAidCertificate, validityMonths: 36 },
  { documentType: DocumentType.PublicLiabilityInsurance, validityMonths: 12 },
  { documentType: DocumentType.SafeguardingTraining, validityMonths: 36 },
];

export const defaultRequirementRows = (): ComplianceRequirement[] =>
  DEFAULT_REQUIREMENTS.map((d) =>
    Object.assign(new ComplianceRequirement(), {
      role: Role.Childminder,
      documentType: d.documentType,
      mandatory: true,
      validityMonths: d.validityMonths,
      reminderDays: [...REMINDERS],
      active: true,
    }),
  );
