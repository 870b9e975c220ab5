import { DateTime } from 'luxon';
import { QueryRunner } from 'typeorm';

/**
 * Backfill for SearchInSql (both dialects): each existing profile's `complianceBadges` and
 * `compliantThrough`, computed from the documents, requirements and overrides already stored, by
 * the rules of compliance-status.ts at the time of that migration (`standingOf`). Written out here
 * rather than imported, so that the migration keeps doing what it did when the rules move on.
 */
const NEVER_EXPIRES = '9999-12-31';
const BADGE_TYPES = [
  'ofsted_registration',
  'dbs_certificate',
  'first_aid_certificate',
  'public_liability_insurance',
  'safeguarding_training',
];

interface RequirementRow {
  role: string;
  documentType: string;
  mandatory: number | boolean;
  validityMonths: number | null;
}
interface DocumentRow {
  userId: string;
  type: string;
  issuedOn: string | null;
  expiresOn: string | null;
}

const isoDay = (value: string | null) => {
  if (!value) return null;
  const day = DateTime.fromISO(value.slice(0, 10), { zone: 'Europe/London' });
  return day.isValid ? day : null;
};

function lastDay(document: DocumentRow, validityMonths: number | null): string {
  const expires = isoDay(document.expiresOn);
  if (expires) return expires.toISODate()!;
  const issued = isoDay(document.issuedOn);
  if (issued && validityMonths) return issued.plus({ months: validityMonths }).minus({ days: 1 }).toISODate()!;
  return NEVER_EXPIRES;
}

const latest = (days: string[]) => days.reduce((a, b) => (b > a ? b : a));

export async function backfillComplianceStandings(queryRunner: QueryRunner): Promise<void> {
  const owners: { userId: string; role: string }[] = await queryRunner.query(
    'SELECT p.userId AS userId, u.role AS role FROM childminder_profiles p JOIN users u ON u.id = p.userId',
  );
  if (owners.length === 0) return;
  const requirements: RequirementRow[] = await queryRunner.query(
    'SELECT role, documentType, mandatory, validityMonths FROM compliance_requirements WHERE active = 1',
  );
  const documents: DocumentRow[] = await queryRunner.query(
    'SELECT userId, type, CAST(issuedOn AS CHAR) AS issuedOn, CAST(expiresOn AS CHAR) AS expiresOn ' +
      "FROM documents WHERE status = 'approved'",
  );
  const overrides: { userId: string; status: string }[] = await queryRunner.query(
    'SELECT userId, status FROM compliance_overrides',
  );
  const documentsOf = new Map<string, DocumentRow[]>();
  for (const document of documents) {
    documentsOf.set(document.userId, [...(documentsOf.get(document.userId) ?? []), document]);
  }
  const overrideOf = new Map(overrides.map((o) => [o.userId, o.status]));

  for (const { userId, role } of owners) {
    const ofRole = requirements.filter((r) => r.role === role);
    const own = documentsOf.get(userId) ?? [];
    const badges: string[] = [];
    for (const type of BADGE_TYPES) {
      const validity = ofRole.find((r) => r.documentType === type)?.validityMonths ?? null;
      const ofType = own.filter((d) => d.type === type);
      if (ofType.length > 0) badges.push(`${type}:${latest(ofType.map((d) => lastDay(d, validity)))}`);
    }
    let through: string | null = NEVER_EXPIRES;
    const override = overrideOf.get(userId);
    if (override) {
      through = override === 'non_compliant' ? null : NEVER_EXPIRES;
    } else {
      for (const requirement of ofRole.filter((r) => Number(r.mandatory) === 1)) {
        const ofType = own.filter((d) => d.type === requirement.documentType);
        if (ofType.length === 0) {
          through = null;
          break;
        }
        const best = latest(ofType.map((d) => lastDay(d, requirement.validityMonths)));
        if (best < through) through = best;
      }
    }
    if (badges.length === 0 && through === null) continue;
    await queryRunner.query(
      'UPDATE childminder_profiles SET complianceBadges = ?, compliantThrough = ? WHERE userId = ?',
      [badges.join('|'), through, userId],
    );
  }
}
