import {
  describeDaysLeft,
  describeExpirationRun,
  documentTypeLabel,
  formatReminderDays,
  formatValidity,
  parseReminderDays,
  reminderDaysText,
  requirementChanges,
  summariseCounts,
} from './compliance-format';

describe('formatValidity', () => {
  it('says months, or that the document never expires', () => {
    expect(formatValidity(null)).toBe('No expiry');
    expect(formatValidity(1)).toBe('1 month');
    expect(formatValidity(36)).toBe('36 months');
  });
});

describe('formatReminderDays', () => {
  it('lists the days largest first, as the reminders go out', () => {
    expect(formatReminderDays([7, 30, 14])).toBe('30, 14 and 7 days before');
    expect(formatReminderDays([30, 7])).toBe('30 and 7 days before');
  });

  it('reads naturally for one reminder or none', () => {
    expect(formatReminderDays([14])).toBe('14 days before');
    expect(formatReminderDays([1])).toBe('1 day before');
    expect(formatReminderDays([])).toBe('No reminders');
  });

  it('ignores repeated days', () => {
    expect(formatReminderDays([7, 7])).toBe('7 days before');
  });
});

describe('reminderDaysText', () => {
  it('is what the form shows for editing', () => {
    expect(reminderDaysText([7, 30, 14])).toBe('30, 14, 7');
    expect(reminderDaysText([])).toBe('');
  });
});

describe('parseReminderDays', () => {
  it('accepts commas or spaces, drops repeats and sorts largest first', () => {
    expect(parseReminderDays('7, 30 14,14')).toEqual({ days: [30, 14, 7], error: null });
    expect(parseReminderDays(' 366 ,1 ')).toEqual({ days: [366, 1], error: null });
  });

  it('treats an empty field as no reminders', () => {
    expect(parseReminderDays('  ')).toEqual({ days: [], error: null });
  });

  it('names what is wrong', () => {
    expect(parseReminderDays('30, two')).toEqual({ days: null, error: '“two” is not a whole number of days' });
    expect(parseReminderDays('1.5')).toEqual({ days: null, error: '“1.5” is not a whole number of days' });
    expect(parseReminderDays('0')).toEqual({ days: null, error: 'Each reminder must be between 1 and 366 days' });
    expect(parseReminderDays('400')).toEqual({ days: null, error: 'Each reminder must be between 1 and 366 days' });
    expect(parseReminderDays('1 2 3 4 5 6 7 8 9 10 11')).toEqual({ days: null, error: 'Enter at most 10 reminders' });
  });
});

describe('documentTypeLabel', () => {
  it('uses the shared labels and falls back to the raw type', () => {
    expect(documentTypeLabel('first_aid_certificate')).toBe('Paediatric first aid certificate');
    expect(documentTypeLabel('pilot_licence')).toBe('pilot_licence');
    expect(documentTypeLabel('toString')).toBe('toString');
  });
});

describe('describeDaysLeft', () => {
  it('says when a document expires or expired', () => {
    expect(describeDaysLeft(12)).toBe('expires in 12 days');
    expect(describeDaysLeft(1)).toBe('expires tomorrow');
    expect(describeDaysLeft(0)).toBe('expires today');
    expect(describeDaysLeft(-1)).toBe('expired yesterday');
    expect(describeDaysLeft(-3)).toBe('expired 3 days ago');
  });
});

describe('summariseCounts', () => {
  it('gives each status its count and share of the total, in a fixed order', () => {
    const summary = summariseCounts({ non_compliant: 1, compliant: 6, expiring: 2 });
    expect(summary.total).toBe(9);
    expect(summary.bars).toEqual([
      { status: 'compliant', label: 'Compliant', count: 6, percent: 66.7 },
      { status: 'expiring', label: 'Expiring soon', count: 2, percent: 22.2 },
      { status: 'non_compliant', label: 'Non-compliant', count: 1, percent: 11.1 },
    ]);
    expect(summary.description).toBe('9 childminders: 6 compliant, 2 expiring soon, 1 non-compliant.');
  });

  it('copes with no childminders at all', () => {
    const summary = summariseCounts({ compliant: 0, expiring: 0, non_compliant: 0 });
    expect(summary.total).toBe(0);
    expect(summary.bars.map((bar) => bar.percent)).toEqual([0, 0, 0]);
    expect(summary.description).toBe('No childminders yet.');
  });
});

describe('describeExpirationRun', () => {
  it('reports what was sent and found', () => {
    expect(
      describeExpirationRun({
        ran: true,
        remindersSent: 3,
        expiredDocuments: 1,
        expiryNoticesSent: 1,
        expiredDocumentIds: ['a'],
      }),
    ).toBe('Expiry check finished: 3 reminders sent, 1 expired document found, 1 expiry notice sent.');
  });

  it('says so when another run was in progress', () => {
    expect(
      describeExpirationRun({
        ran: false,
        remindersSent: 0,
        expiredDocuments: 0,
        expiryNoticesSent: 0,
        expiredDocumentIds: [],
      }),
    ).toBe('The expiry check is already running elsewhere; nothing was sent this time.');
  });
});

describe('requirementChanges', () => {
  const firstAid = {
    id: 'req-1',
    role: 'childminder' as const,
    documentType: 'first_aid_certificate' as const,
    mandatory: true,
    validityMonths: 36,
    reminderDays: [30, 14, 7],
    active: true,
  };

  it('sends only the fields that changed', () => {
    expect(requirementChanges(firstAid, { ...firstAid, validityMonths: null, active: false })).toEqual({
      id: 'req-1',
      validityMonths: null,
      active: false,
    });
    expect(requirementChanges(firstAid, { ...firstAid, reminderDays: [60, 30] })).toEqual({
      id: 'req-1',
      reminderDays: [60, 30],
    });
  });

  it('sees the same reminder days in another order as no change', () => {
    expect(requirementChanges(firstAid, { ...firstAid, reminderDays: [7, 30, 14] })).toEqual({ id: 'req-1' });
  });
});
