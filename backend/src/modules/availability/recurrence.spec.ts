import { expandBlock, lastEnd, normaliseRecurrence, recurrenceProblem, RecurringBlock } from './recurrence';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('recurrence in Europe/London', () => {
  // Monday 16 March 2026 08:00-18:00 GMT; clocks go forward on Sunday 29 March 2026 and back on
  // Sunday 25 October 2026 (the last Sundays of those months).
  const mondays: RecurringBlock = {
    startsAt: at('2026-03-16T08:00:00Z'),
    endsAt: at('2026-03-16T18:00:00Z'),
    recurrence: 'FREQ=WEEKLY;BYDAY=MO',
    exceptionDates: [],
  };

  it('keeps "Mondays 08:00-18:00" at 08:00 local time across the March clock change', () => {
    const occurrences = expandBlock(mondays, at('2026-03-20T00:00:00Z'), at('2026-04-07T00:00:00Z'));
    expect(occurrences.map((o) => [iso(o.startsAt), iso(o.endsAt), o.date])).toEqual([
      ['2026-03-23T08:00:00.000Z', '2026-03-23T18:00:00.000Z', '2026-03-23'], // GMT
      ['2026-03-30T07:00:00.000Z', '2026-03-30T17:00:00.000Z', '2026-03-30'], // BST: 08:00 local
      ['2026-04-06T07:00:00.000Z', '2026-04-06T17:00:00.000Z', '2026-04-06'],
    ]);
  });

  it('keeps it at 08:00 local time across the October clock change', () => {
    const occurrences = expandBlock(mondays, at('2026-10-18T00:00:00Z'), at('2026-11-03T00:00:00Z'));
    expect(occurrences.map((o) => [iso(o.startsAt), iso(o.endsAt)])).toEqual([
      ['2026-10-19T07:00:00.000Z', '2026-10-19T17:00:00.000Z'], // BST
      ['2026-10-26T08:00:00.000Z', '2026-10-26T18:00:00.000Z'], // GMT again
      ['2026-11-02T08:00:00.000Z', '2026-11-02T18:00:00.000Z'],
    ]);
  });

  it('gives a block spanning the change its wall-clock times: 00:00-04:00 is three hours in March, five in October', () => {
    const nights: RecurringBlock = {
      startsAt: at('2026-03-28T00:00:00Z'),
      endsAt: at('2026-03-28T04:00:00Z'),
      recurrence: 'FREQ=DAILY',
      exceptionDates: [],
    };
    const [march] = expandBlock(nights, at('2026-03-29T00:00:00Z'), at('2026-03-29T12:00:00Z'));
    expect([iso(march!.startsAt), iso(march!.endsAt)]).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T03:00:00.000Z',
    ]);
    const [october] = expandBlock(nights, at('2026-10-24T23:00:00Z'), at('2026-10-25T12:00:00Z'));
    expect([iso(october!.startsAt), iso(october!.endsAt)]).toEqual([
      '2026-10-24T23:00:00.000Z', // 00:00 BST
      '2026-10-25T04:00:00.000Z', // 04:00 GMT
    ]);
  });

  it('moves an occurrence in the skipped hour forward rather than losing it', () => {
    const early: RecurringBlock = {
      startsAt: at('2026-03-27T01:30:00Z'),
      endsAt: at('2026-03-27T02:30:00Z'),
      recurrence: 'FREQ=DAILY;COUNT=3',
      exceptionDates: [],
    };
    const occurrences = expandBlock(early, at('2026-03-27T00:00:00Z'), at('2026-03-30T00:00:00Z'));
    expect(occurrences.map((o) => o.date)).toEqual(['2026-03-27', '2026-03-28', '2026-03-29']);
    expect(iso(occurrences[2]!.startsAt)).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST: 01:30 did not exist
  });

  it('leaves out exception dates and stops at COUNT or UNTIL', () => {
    const block = { ...mondays, recurrence: 'FREQ=WEEKLY;COUNT=4', exceptionDates: ['2026-03-23'] };
    const occurrences = expandBlock(block, at('2026-03-01T00:00:00Z'), at('2026-06-01T00:00:00Z'));
    expect(occurrences.map((o) => o.date)).toEqual(['2026-03-16', '2026-03-30', '2026-04-06']);
    expect(iso(lastEnd(block)!)).toBe('2026-04-06T17:00:00.000Z');
    expect(lastEnd(mondays)).toBeNull();
    expect(lastEnd({ ...mondays, recurrence: null })).toEqual(mondays.endsAt);
    const until = { ...mondays, recurrence: 'FREQ=WEEKLY;UNTIL=20260331T000000Z' };
    expect(expandBlock(until, at('2026-03-01T00:00:00Z'), at('2026-06-01T00:00:00Z')).map((o) => o.date)).toEqual([
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
  });

  it('returns a one-off block only when it overlaps the window', () => {
    const once = { ...mondays, recurrence: null };
    expect(expandBlock(once, at('2026-03-16T17:59:00Z'), at('2026-03-17T00:00:00Z'))).toHaveLength(1);
    expect(expandBlock(once, at('2026-03-16T18:00:00Z'), at('2026-03-17T00:00:00Z'))).toHaveLength(0);
  });

  it.each([
    ['FREQ=WEEKLY;BYDAY=MO,WE', null],
    ['RRULE:freq=daily;count=10', null],
    ['FREQ=HOURLY', 'recurrence must repeat DAILY, WEEKLY, MONTHLY or YEARLY'],
    ['FREQ=WEEKLY;BYHOUR=9', "recurrence must not contain BYHOUR: the block's start sets the time and zone"],
    [
      'DTSTART=20260101T000000Z;FREQ=DAILY',
      "recurrence must not contain DTSTART: the block's start sets the time and zone",
    ],
    ['FREQ=DAILY;COUNT=5000', 'recurrence COUNT must be between 1 and 1000'],
    ['FREQ=DAILY;UNTIL=20400101T000000Z', 'recurrence must end within 5 years (UNTIL)'],
    ['BYDAY=MO', 'recurrence must repeat DAILY, WEEKLY, MONTHLY or YEARLY'],
  ])('judges %p', (rule, problem) => {
    const outcome = recurrenceProblem(rule, mondays.startsAt);
    expect(outcome).toBe(problem);
  });

  it('rejects gibberish with a message rather than throwing', () => {
    expect(recurrenceProblem('FREQ=SOMETIMES', mondays.startsAt)).toMatch(/recurrence/);
    expect(normaliseRecurrence(' RRULE:freq=weekly; byday=mo ')).toBe('FREQ=WEEKLY;BYDAY=MO');
  });
});
