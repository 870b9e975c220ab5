import { DateTime } from 'luxon';
import { DocumentStatus, DocumentType } from '@app/modules/documents/entities/document.entity';
import {
  badgesEarned,
  ComplianceStatus,
  computeStatus,
  lastValidDay,
  NEVER_EXPIRES,
  standingOf,
  statusOnDay,
} from './compliance-status';

const today = DateTime.fromISO('2026-03-29', { zone: 'Europe/London' });
const firstAid = {
  documentType: DocumentType.FirstAidCertificate,
  mandatory: true,
  validityMonths: 36,
  reminderDays: [30, 14, 7],
};
const approved = (expiresOn: string | null, issuedOn: string | null = null) => ({
  type: DocumentType.FirstAidCertificate,
  status: DocumentStatus.Approved,
  issuedOn,
  expiresOn,
});

describe('computeStatus', () => {
  it('is non-compliant without an approved document, and ignores pending ones', () => {
    expect(computeStatus([firstAid], [], today)).toBe(ComplianceStatus.NonCompliant);
    expect(computeStatus([firstAid], [{ ...approved('2030-01-01'), status: DocumentStatus.Pending }], today)).toBe(
      ComplianceStatus.NonCompliant,
    );
  });

  it('counts a document through its expiry date (UK), not the day after', () => {
    expect(computeStatus([firstAid], [approved('2026-03-29')], today)).toBe(ComplianceStatus.Expiring);
    expect(computeStatus([firstAid], [approved('2026-03-28')], today)).toBe(ComplianceStatus.NonCompliant);
  });

  it('is expiring within the largest reminder window, compliant beyond it; the best document wins', () => {
    expect(computeStatus([firstAid], [approved('2026-04-28')], today)).toBe(ComplianceStatus.Expiring);
    expect(computeStatus([firstAid], [approved('2026-04-29')], today)).toBe(ComplianceStatus.Compliant);
    expect(computeStatus([firstAid], [approved('2026-04-01'), approved('2028-01-01')], today)).toBe(
      ComplianceStatus.Compliant,
    );
  });

  it('ignores optional requirements', () => {
    expect(computeStatus([{ ...firstAid, mandatory: false }], [], today)).toBe(ComplianceStatus.Compliant);
  });
});

describe('lastValidDay', () => {
  it('uses the expiry date, else issue date plus validity, else never', () => {
    expect(lastValidDay(approved('2027-01-31'), 36)?.toISODate()).toBe('2027-01-31');
    expect(lastValidDay(approved(null, '2024-03-29'), 36)?.toISODate()).toBe('2027-03-28');
    expect(lastValidDay(approved(null, '2024-03-29'), null)).toBeNull();
  });
});

describe('standingOf', () => {
  const dbs = { documentType: DocumentType.DbsCertificate, mandatory: true, validityMonths: null, reminderDays: [] };
  const insurance = {
    documentType: DocumentType.PublicLiabilityInsurance,
    mandatory: false,
    validityMonths: 12,
    reminderDays: [30],
  };
  const requirements = [firstAid, dbs, insurance];
  const doc = (
    type: DocumentType,
    expiresOn: string | null,
    issuedOn: string | null = null,
    status = DocumentStatus.Approved,
  ) => ({
    type,
    status,
    issuedOn,
    expiresOn,
  });
  const cases = {
    none: [],
    'all in date': [doc(DocumentType.FirstAidCertificate, '2026-04-10'), doc(DocumentType.DbsCertificate, null)],
    'first aid by validity, insurance lapsing': [
      doc(DocumentType.FirstAidCertificate, null, '2023-03-31'),
      doc(DocumentType.DbsCertificate, null),
      doc(DocumentType.PublicLiabilityInsurance, null, '2025-04-01'),
      doc(DocumentType.PublicLiabilityInsurance, '2026-03-20'),
    ],
    // The requirement ending first (DBS, no reminder window) is not the one that makes her expiring.
    'windows differ': [
      doc(DocumentType.FirstAidCertificate, '2026-04-20'),
      doc(DocumentType.DbsCertificate, '2026-04-10'),
    ],
    'pending and rejected do not count': [
      doc(DocumentType.FirstAidCertificate, '2030-01-01', null, DocumentStatus.Pending),
      doc(DocumentType.DbsCertificate, null, null, DocumentStatus.Rejected),
      doc(DocumentType.OfstedRegistration, null),
    ],
  };

  it.each(Object.entries(cases))(
    'on every day around the dates, agrees with badgesEarned and computeStatus (%s)',
    (_name, documents) => {
      const standing = standingOf(requirements, documents, null);
      for (let offset = -40; offset <= 40; offset++) {
        const day = today.plus({ days: offset });
        const iso = day.toISODate()!;
        expect(standing.badges.filter((b) => b.lastDay >= iso).map((b) => b.type)).toEqual(
          badgesEarned(requirements, documents, day),
        );
        const compliant = standing.compliantThrough !== null && standing.compliantThrough >= iso;
        expect([iso, compliant]).toEqual([
          iso,
          computeStatus(requirements, documents, day) !== ComplianceStatus.NonCompliant,
        ]);
        expect([iso, statusOnDay(standing, iso)]).toEqual([iso, computeStatus(requirements, documents, day)]);
      }
    },
  );

  it('stores the last day of each badge, never-expiring ones as NEVER_EXPIRES', () => {
    expect(standingOf(requirements, cases['first aid by validity, insurance lapsing'], null)).toEqual({
      badges: [
        { type: DocumentType.DbsCertificate, lastDay: NEVER_EXPIRES },
        { type: DocumentType.FirstAidCertificate, lastDay: '2026-03-30' },
        { type: DocumentType.PublicLiabilityInsurance, lastDay: '2026-03-31' },
      ],
      compliantThrough: '2026-03-30',
      expiringFrom: '2026-02-28',
    });
  });

  it("an admin's override decides whatever the documents say", () => {
    expect(standingOf(requirements, [], ComplianceStatus.Compliant).compliantThrough).toBe(NEVER_EXPIRES);
    expect(standingOf(requirements, [], ComplianceStatus.Expiring).compliantThrough).toBe(NEVER_EXPIRES);
    expect(standingOf(requirements, cases['all in date'], ComplianceStatus.NonCompliant).compliantThrough).toBeNull();
    for (const override of Object.values(ComplianceStatus)) {
      for (const documents of Object.values(cases)) {
        expect(statusOnDay(standingOf(requirements, documents, override), '2026-03-29')).toBe(override);
      }
    }
  });
});
