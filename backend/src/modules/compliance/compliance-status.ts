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

/** The last day of something that never stops counting, in stored standings (sorts after every real day). */
export const NEVER_EXPIRES = '9999-12-31';

/**
 * What search needs to know about a childminder's compliance on any day, without reading her
 * documents again: the day each badge stops counting, and the day her effective status would turn
 * non-compliant. Dates only change by the calendar, so a standing stays right until her documents,
 * the requirements or her override change (and those changes recompute it).
 */
export interface ComplianceStanding {
  userId: string;
  /** In BADGE_TYPES order: each type with an approved document and the last UK day its best one counts. */
  badges: { type: DocumentType; lastDay: string }[];
  /**
   * The last UK day (YYYY-MM-DD) on which the effective status is not non-compliant: NEVER_EXPIRES
   * when no date ends it; null when it is non-compliant whatever the day.
   */
  compliantThrough: string | null;
  /**
   * The first UK day on which the effective status is expiring (when compliantThrough has not
   * passed): ALWAYS_EXPIRING under an override of "expiring"; null when no date makes it expiring.
   */
  expiringFrom: string | null;
}

/** The first day of a standing that is expiring whatever the day (an admin's override). */
export const ALWAYS_EXPIRING = '1000-01-01';

const lastDayIso = (document: DocumentLike, validityMonths: number | null): string =>
  lastValidDay(document, validityMonths)?.toISODate() ?? NEVER_EXPIRES;
const latest = (days: string[]) => days.reduce((a, b) => (b > a ? b : a));

/**
 * Pure: the standing that `documents` earn against the active `requirements` of the owner's role,
 * with an admin's override (null: none). On any day D, `badges` with lastDay >= D equal
 * badgesEarned(..., D), and compliantThrough >= D exactly when the effective status on D is not
 * non-compliant (computeStatus, or the override).
 */
export function standingOf(
  requirements: readonly RequirementLike[],
  documents: readonly DocumentLike[],
  override: ComplianceStatus | null,
): Omit<ComplianceStanding, 'userId'> {
  const approved = documents.filter((d) => d.status === DocumentStatus.Approved);
  const badges: ComplianceStanding['badges'] = [];
  for (const type of BADGE_TYPES) {
    const validityMonths = requirements.find((r) => r.documentType === type)?.validityMonths ?? null;
    const ofType = approved.filter((d) => d.type === type);
    if (ofType.length > 0) badges.push({ type, lastDay: latest(ofType.map((d) => lastDayIso(d, validityMonths))) });
  }
  if (override)
    return { badges, compliantThrough: overrideThrough(override), expiringFrom: overrideExpiring(override) };
  const compliantThrough = computedThrough(requirements, approved);
  return { badges, compliantThrough, expiringFrom: compliantThrough ? computedExpiring(requirements, approved) : null };
}

const overrideExpiring = (override: ComplianceStatus) =>
  override === ComplianceStatus.Expiring ? ALWAYS_EXPIRING : null;

/**
 * The earliest day on which a mandatory requirement's best document is within that requirement's
 * largest reminder window (computeStatus's "expiring"): its last day minus the window.
 */
function computedExpiring(requirements: readonly RequirementLike[], approved: readonly DocumentLike[]): string | null {
  let from: string | null = null;
  for (const requirement of requirements.filter((r) => r.mandatory)) {
    const days = approved
      .filter((d) => d.type === requirement.documentType)
      .map((d) => lastValidDay(d, requirement.validityMonths));
    if (days.length === 0 || days.includes(null)) continue;
    const best = DateTime.max(...(days as DateTime[]))!;
    const day = best.minus({ days: Math.max(0, ...requirement.reminderDays) }).toISODate() as string;
    if (from === null || day < from) from = day;
  }
  return from;
}

/**
 * The status a standing gives on the UK day `today` (YYYY-MM-DD): the rule the childminders
 * module's SQL counts and filters follow (see ChildmindersRepository.complianceStatusSql).
 */
export function statusOnDay(
  standing: Pick<ComplianceStanding, 'compliantThrough' | 'expiringFrom'>,
  today: string,
): ComplianceStatus {
  if (standing.compliantThrough === null || standing.compliantThrough < today) return ComplianceStatus.NonCompliant;
  if (standing.expiringFrom !== null && standing.expiringFrom <= today) return ComplianceStatus.Expiring;
  return ComplianceStatus.Compliant;
}

const overrideThrough = (override: ComplianceStatus) =>
  override === ComplianceStatus.NonCompliant ? null : NEVER_EXPIRES;

/** The earliest of the mandatory requirements' best last days: the day after it, one is unmet. */
function computedThrough(requirements: readonly RequirementLike[], approved: readonly DocumentLike[]): string | null {
  let through = NEVER_EXPIRES;
  for (const requirement of requirements.filter((r) => r.mandatory)) {
    const ofType = approved.filter((d) => d.type === requirement.documentType);
    if (ofType.length === 0) return null;
    const best = latest(ofType.map((d) => lastDayIso(d, requirement.validityMonths)));
    if (best < through) through = best;
  }
  return through;
}
