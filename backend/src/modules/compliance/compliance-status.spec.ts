import { DateTime } from 'luxon';
import { DocumentStatus, DocumentType } from '@app/modules/documents/entities/document.entity';
import { ComplianceStatus, computeStatus, lastValidDay } from './compliance-status';

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
