import { DateTime } from 'luxon';
import { parseIsoDate } from '@app/modules/children/child-age';
import type { Document } from '@app/modules/documents/entities/document.entity';
import { DocumentStatus, DocumentType } from '@app/modules/documents/entities/document.entity';
import type { ComplianceRequirement } from './entities/compliance-requirement.entity';

export enum ComplianceStatus {
  Compliant = 'compliant',
  Expiring = 'expiring',
  NonCompliant = 'non_compliant',
}

export type RequirementLike = Pick<
  ComplianceRequirement,
  'documentType' | 'mandatory' | 'validityMonths' | 'reminderDays'
>;
export type DocumentLike = Pick<Document, 'type' | 'status' | 'issuedOn' | 'expiresOn'>;

/**
 * The last UK day on which a document counts: its expiry date, or, when it has none, its issue
 * date plus the requirement's validity. Null = it never expires. A document counts until the
 * end of this day (UK) and stops counting the day after.
 */
export function lastValidDay(document: DocumentLike, validityMonths: number | null): DateTime | null {
  const expires = parseIsoDate(document.expiresOn);
  if (expires) return expires;
  const issued = parseIsoDate(document.issuedOn);
  if (issued && validityMonths) return issued.plus({ months: validityMonths }).minus({ days: 1 });
  return null;
}

/**
 * Pure: the status that `documents` earn against `requirements` on the UK day `today`.
 * Non-compliant when a mandatory requirement has no approved, unexpired document; expiring when
 * the best document for one expires within that requirement's largest reminder window.
 */
export function computeStatus(
  requirements: readonly RequirementLike[],
  documents: readonly DocumentLike[],
  today: DateTime,
): ComplianceStatus {
  let status = ComplianceStatus.Compliant;
  for (const requirement of requirements.filter((r) => r.mandatory)) {
    const lastDays = documents
      .filter((d) => d.type === requirement.documentType && d.status === DocumentStatus.Approved)
      .map((d) => lastValidDay(d, requirement.validityMonths))
      .filter((day) => day === null || day >= today);
    if (lastDays.length === 0) return ComplianceStatus.NonCompliant;
    if (lastDays.includes(null)) continue;
    const best = DateTime.max(...(lastDays as DateTime[]));
    const window = Math.max(0, ...requirement.reminderDays);
    if (best && best.diff(today, 'days').days <= window) status = ComplianceStatus.Expiring;
  }
  return status;
}

/** The document types that earn a public badge: everything but the catch-all "other". */
export const BADGE_TYPES: readonly DocumentType[] = Object.values(DocumentType).filter((t) => t !== DocumentType.Other);

/**
 * Pure: the badges `documents` earn on the UK day `today`, in BADGE_TYPES order: one per type with
 * an approved document that still counts (the same last valid day as the status uses, so a badge
 * and the status can never disagree).
 */
export function badgesEarned(
  requirements: readonly RequirementLike[],
  documents: readonly DocumentLike[],
  today: DateTime,
): DocumentType[] {
  return BADGE_TYPES.filter((type) => {
    const validityMonths = requirements.find((r) => r.documentType === type)?.validityMonths ?? null;
    return documents.some((d) => {
      if (d.type !== type || d.status !== DocumentStatus.Approved) return false;
      const lastDay = lastValidDay(d, validityMonths);
      return lastDay === null || lastDay >= today;
    });
  });
}
