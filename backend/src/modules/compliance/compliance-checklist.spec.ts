import { DateTime } from 'luxon';
import { DocumentStatus, DocumentType } from '@app/modules/documents/entities/document.entity';
import { checklist, documentStanding } from './compliance-checklist';
import { badgesEarned } from './compliance-status';
import { RequirementState } from './dto/own-compliance.dto';

const today = DateTime.fromISO('2026-10-25', { zone: 'Europe/London' });
const insurance = {
  documentType: DocumentType.PublicLiabilityInsurance,
  mandatory: true,
  validityMonths: 12,
  reminderDays: [30, 14, 7],
};
let seq = 0;
const doc = (
  status: DocumentStatus,
  expiresOn: string | null,
  createdAt = '2026-01-01',
  issuedOn: string | null = null,
) => ({
  id: `doc-${++seq}`,
  type: DocumentType.PublicLiabilityInsurance,
  status,
  issuedOn,
  expiresOn,
  createdAt: new Date(createdAt),
});

describe('checklist', () => {
  const stateOf = (documents: ReturnType<typeof doc>[]) => checklist([insurance], documents, today)[0];

  it('is missing without documents and pending with one waiting for review', () => {
    expect(stateOf([]).state).toBe(RequirementState.Missing);
    expect(stateOf([doc(DocumentStatus.Pending, '2027-10-01')]).state).toBe(RequirementState.Pending);
  });

  it('is approved, then expiring inside the largest reminder window, then expired', () => {
    expect(stateOf([doc(DocumentStatus.Approved, '2027-10-01')])).toMatchObject({
      state: RequirementState.Approved,
      validUntil: '2027-10-01',
    });
    expect(stateOf([doc(DocumentStatus.Approved, '2026-11-24')])).toMatchObject({
      state: RequirementState.Expiring,
      daysLeft: 30,
    });
    expect(stateOf([doc(DocumentStatus.Approved, '2026-10-24')])).toMatchObject({
      state: RequirementState.Expired,
      daysLeft: -1,
    });
  });

  it('prefers a renewal waiting for review over an expired document, and a valid one over both', () => {
    const expired = doc(DocumentStatus.Approved, '2026-10-01');
    const renewal = doc(DocumentStatus.Pending, '2027-10-01', '2026-10-20');
    expect(stateOf([expired, renewal]).state).toBe(RequirementState.Pending);
    const valid = doc(DocumentStatus.Approved, '2027-09-01');
    expect(stateOf([expired, renewal, valid])).toMatchObject({
      state: RequirementState.Approved,
      documentId: valid.id,
    });
  });

  it('uses the validity in months when a document has only an issue date', () => {
    expect(stateOf([doc(DocumentStatus.Approved, null, '2026-01-01', '2026-01-10')])).toMatchObject({
      state: RequirementState.Approved,
      validUntil: '2027-01-09',
    });
  });

  it('is rejected when the only document was rejected', () => {
    expect(stateOf([doc(DocumentStatus.Rejected, null)]).state).toBe(RequirementState.Rejected);
  });
});

describe('badgesEarned', () => {
  it('gives one badge per type with a counting approved document, never for "other"', () => {
    const documents = [
      { type: DocumentType.DbsCertificate, status: DocumentStatus.Approved, issuedOn: null, expiresOn: null },
      { type: DocumentType.FirstAidCertificate, status: DocumentStatus.Pending, issuedOn: null, expiresOn: null },
      {
        type: DocumentType.PublicLiabilityInsurance,
        status: DocumentStatus.Approved,
        issuedOn: null,
        expiresOn: '2026-10-25',
      },
      {
        type: DocumentType.SafeguardingTraining,
        status: DocumentStatus.Approved,
        issuedOn: null,
        expiresOn: '2026-10-24',
      },
      { type: DocumentType.Other, status: DocumentStatus.Approved, issuedOn: null, expiresOn: null },
    ];
    expect(badgesEarned([insurance], documents, today)).toEqual([
      DocumentType.DbsCertificate,
      DocumentType.PublicLiabilityInsurance,
    ]);
  });
});

describe('documentStanding', () => {
  const stateOf = (document: ReturnType<typeof doc>) => documentStanding(document, insurance, today).state;

  it('gives an approved document past its last valid day "expired", never "approved"', () => {
    expect(documentStanding(doc(DocumentStatus.Approved, '2026-10-24'), insurance, today)).toMatchObject({
      state: RequirementState.Expired,
      validUntil: '2026-10-24',
      daysLeft: -1,
    });
    // Issued 13 months ago without an expiry date: the requirement's 12 months have run out.
    expect(stateOf(doc(DocumentStatus.Approved, null, '2025-09-01', '2025-09-01'))).toBe(RequirementState.Expired);
  });

  it('counts the last valid day itself, and the reminder window, as the checklist does', () => {
    expect(stateOf(doc(DocumentStatus.Approved, '2026-10-25'))).toBe(RequirementState.Expiring);
    expect(stateOf(doc(DocumentStatus.Approved, '2026-11-24'))).toBe(RequirementState.Expiring);
    expect(stateOf(doc(DocumentStatus.Approved, '2026-11-25'))).toBe(RequirementState.Approved);
  });

  it('keeps the review status of documents not approved, and never expires one without a date or requirement', () => {
    expect(stateOf(doc(DocumentStatus.Pending, '2020-01-01'))).toBe(RequirementState.Pending);
    expect(stateOf(doc(DocumentStatus.Rejected, null))).toBe(RequirementState.Rejected);
    expect(documentStanding(doc(DocumentStatus.Approved, null), undefined, today).state).toBe(
      RequirementState.Approved,
    );
  });

  it('agrees with the checklist item that comes from the same document', () => {
    for (const expiresOn of ['2026-10-24', '2026-10-25', '2026-11-24', '2027-06-01']) {
      const document = doc(DocumentStatus.Approved, expiresOn);
      const item = checklist([insurance], [document], today)[0];
      expect(item.documentId).toBe(document.id);
      expect(item.state).toBe(stateOf(document));
    }
  });
});
