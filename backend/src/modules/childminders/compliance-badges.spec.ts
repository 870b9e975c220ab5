import { DocumentType } from '@app/modules/documents/entities/document.entity';
import { badgesOn, encodeBadges } from './compliance-badges';

describe('stored compliance badges', () => {
  const stored = encodeBadges([
    { type: DocumentType.OfstedRegistration, lastDay: '9999-12-31' },
    { type: DocumentType.FirstAidCertificate, lastDay: '2026-12-07' },
    { type: DocumentType.PublicLiabilityInsurance, lastDay: '2026-12-06' },
  ]);

  it('keeps the order and shows a badge through its last day, not the day after', () => {
    expect(badgesOn(stored, '2026-12-06')).toEqual([
      DocumentType.OfstedRegistration,
      DocumentType.FirstAidCertificate,
      DocumentType.PublicLiabilityInsurance,
    ]);
    expect(badgesOn(stored, '2026-12-07')).toEqual([DocumentType.OfstedRegistration, DocumentType.FirstAidCertificate]);
    expect(badgesOn(stored, '2026-12-08')).toEqual([DocumentType.OfstedRegistration]);
  });

  it('no badges stored, none shown', () => {
    expect(encodeBadges([])).toBe('');
    expect(badgesOn('', '2026-12-07')).toEqual([]);
  });
});
