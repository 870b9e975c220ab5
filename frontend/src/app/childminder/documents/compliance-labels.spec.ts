import type { ComplianceChecklistItem } from '@core/api/api-types';
import { describeRequirement, requiredProgress, summariseCompliance } from './compliance-labels';

const item = (overrides: Partial<ComplianceChecklistItem>): ComplianceChecklistItem => ({
  documentType: 'first_aid_certificate',
  label: 'Paediatric first aid certificate',
  mandatory: true,
  validityMonths: 36,
  state: 'missing',
  documentId: null,
  validUntil: null,
  daysLeft: null,
  ...overrides,
});

describe('describeRequirement', () => {
  it('says what to do next for each state', () => {
    expect(describeRequirement(item({ state: 'missing' }))).toBe('Not uploaded yet');
    expect(describeRequirement(item({ state: 'pending' }))).toBe('Uploaded · waiting for our review');
    expect(describeRequirement(item({ state: 'approved', validUntil: '2027-03-31', daysLeft: 120 }))).toBe(
      'Approved · valid until 31 March 2027',
    );
    expect(describeRequirement(item({ state: 'approved' }))).toBe('Approved · does not expire');
    expect(describeRequirement(item({ state: 'expiring', validUntil: '2026-12-09', daysLeft: 1 }))).toBe(
      'Approved · expires in 1 day (9 December 2026): upload the renewal',
    );
    expect(describeRequirement(item({ state: 'expired', validUntil: '2026-11-01', daysLeft: -28 }))).toBe(
      'Expired after 1 November 2026 · upload the renewed document',
    );
  });
});

describe('requiredProgress', () => {
  it('counts required items that are approved or expiring, ignoring optional ones', () => {
    expect(
      requiredProgress([
        item({ state: 'approved' }),
        item({ state: 'expiring' }),
        item({ state: 'pending' }),
        item({ state: 'approved', mandatory: false }),
      ]),
    ).toEqual({ done: 2, total: 3 });
  });
});

describe('summariseCompliance', () => {
  it('never says all is well while a required certificate has expired', () => {
    expect(
      summariseCompliance([
        item({ state: 'expired', validUntil: '2026-11-01', daysLeft: -28 }),
        item({ documentType: 'dbs_certificate', label: 'DBS certificate', state: 'approved' }),
        item({ documentType: 'safeguarding_training', label: 'Safeguarding training', state: 'missing' }),
        item({ documentType: 'other', label: 'Other document', mandatory: false, state: 'missing' }),
      ]),
    ).toBe('Expired: Paediatric first aid certificate. Not uploaded yet: Safeguarding training.');
  });

  it('says so when every required item is approved and in date', () => {
    expect(summariseCompliance([item({ state: 'approved' }), item({ mandatory: false, state: 'missing' })])).toBe(
      'Every required document is approved and in date.',
    );
  });
});
