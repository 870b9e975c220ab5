import { DateTime } from 'luxon';
import { QueryRunner } from 'typeorm';

/**
 * Backfill for ExpiringFromOnProfiles (both dialects): each existing profile's `expiringFrom`,
 * the first UK day on which its childminder is "expiring", from the documents, requirements and
 * overrides already stored, by the rules of compliance-status.ts at the time of that migration
 * (`standingOf`). Written out here rather than imported, so the migration keeps doing what it did.
 */
const ALWAYS_EXPIRING = '1000-01-01';

interface RequirementRow {
  role: string;
  documentType: string;
  mandatory: number | boolean;
  validityMonths: number | null;
  reminderDays: string;
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

/** Null: the document never stops counting. */
function lastDay(document: DocumentRow, validityMonths: number | null): DateTime | null {
  const expires = isoDay(document.expiresOn);
  if (expires) return expires;
  const issued = isoDay(document.issuedOn);
  if (issued && validityMonths) return issued.plus({ months: validityMonths }).minus({ days: 1 });
  return null;
}

export async function backfillExpiringFrom(queryRunner: QueryRunner): Promise<void> {
  const owners: { userId: string; role: string }[] = await queryRunner.query(
    'SELECT p.userId AS userId, u.role AS role FROM childminder_profiles p JOIN users u ON u.id = p.userId ' +
      'WHERE p.compliantThrough IS NOT NULL',
  );
  if (owners.length === 0) return;
  const requirements: RequirementRow[] = await queryRunner.query(
    'SELECT role, documentType, mandatory, validityMonths, reminderDays FROM compliance_requirements ' +
      'WHERE active = 1 AND mandatory = 1',
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
    const own = documentsOf.get(document.userId);
    if (own) own.push(document);
    else documentsOf.set(document.userId, [document]);
  }
  const overrideOf = new Map(overrides.map((o) => [o.userId, o.status]));

  for (const { userId, role } of owners) {
    let from: string | null = null;
    const override = overrideOf.get(userId);
    if (override) {
      from = override === 'expiring' ? ALWAYS_EXPIRING : null;
    } else {
      const own = documentsOf.get(userId) ?? [];
      for (const requirement of requirements.filter((r) => r.role === role)) {
        const days = own
          .filter((d) => d.type === requirement.documentType)
          .map((d) => lastDay(d, requirement.validityMonths));
        if (days.length === 0 || days.includes(null)) continue;
        const best = DateTime.max(...(days as DateTime[]))!;
        const window = Math.max(0, ...(JSON.parse(requirement.reminderDays) as number[]));
        const day = best.minus({ days: window }).toISODate()!;
        if (from === null || day < from) from = day;
      }
    }
    if (from === null) continue;
    await queryRunner.query('UPDATE childminder_profiles SET expiringFrom = ? WHERE userId = ?', [from, userId]);
  }
}
