import { buildWeeklyRrule, describeRepeat, parseWeeklyRrule, weekdayOf } from './recurrence';

describe('buildWeeklyRrule', () => {
  it('is null for a one-off block', () => {
    expect(buildWeeklyRrule({ days: [], until: null })).toBeNull();
    expect(buildWeeklyRrule({ days: [], until: '2026-12-18' })).toBeNull();
  });

  it('lists the days in calendar order, whatever order they were ticked in', () => {
    expect(buildWeeklyRrule({ days: ['FR', 'MO', 'WE'], until: null })).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
  });

  it('ends at the close of the last UK day, in the floating form the server reads in Europe/London', () => {
    expect(buildWeeklyRrule({ days: ['MO'], until: '2026-12-18' })).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20261218T235959Z');
    // A date in British Summer Time is written the same way: no offset is applied.
    expect(buildWeeklyRrule({ days: ['SA', 'SU'], until: '2027-07-04' })).toBe(
      'FREQ=WEEKLY;BYDAY=SA,SU;UNTIL=20270704T235959Z',
    );
  });

  it('never carries DTSTART, TZID or BYHOUR (the server refuses them)', () => {
    const rule = buildWeeklyRrule({ days: ['TU', 'TH'], until: '2027-03-28' })!;
    expect(rule).not.toMatch(/DTSTART|TZID|BYHOUR|BYMINUTE/);
  });

  it('refuses a malformed end date', () => {
    expect(() => buildWeeklyRrule({ days: ['MO'], until: '18/12/2026' })).toThrow('Not a date');
  });
});

describe('parseWeeklyRrule', () => {
  it('reads back what buildWeeklyRrule writes', () => {
    const repeat = { days: ['MO', 'WE', 'FR'] as const, until: '2026-12-18' };
    expect(parseWeeklyRrule(buildWeeklyRrule({ ...repeat, days: [...repeat.days] }))).toEqual({
      days: ['MO', 'WE', 'FR'],
      until: '2026-12-18',
    });
  });

  it('reads a one-off block as no days', () => {
    expect(parseWeeklyRrule(null)).toEqual({ days: [], until: null });
  });

  it('accepts the RRULE: prefix and lower case', () => {
    expect(parseWeeklyRrule('RRULE:freq=weekly;byday=tu')).toEqual({ days: ['TU'], until: null });
  });

  it('gives up on rules the form cannot show', () => {
    expect(parseWeeklyRrule('FREQ=DAILY')).toBeNull();
    expect(parseWeeklyRrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO')).toBeNull();
    expect(parseWeeklyRrule('FREQ=WEEKLY;COUNT=4;BYDAY=MO')).toBeNull();
    expect(parseWeeklyRrule('FREQ=WEEKLY;BYDAY=1MO')).toBeNull();
  });
});

describe('describeRepeat', () => {
  it('says it in words', () => {
    expect(describeRepeat({ days: [], until: null })).toBe('Does not repeat');
    expect(describeRepeat({ days: ['MO'], until: null })).toBe('Every Monday');
    expect(describeRepeat({ days: ['MO', 'WE', 'FR'], until: '2026-12-18' })).toBe(
      'Every Monday, Wednesday and Friday until 18 December 2026',
    );
    expect(describeRepeat({ days: ['MO', 'TU', 'WE', 'TH', 'FR'], until: null })).toBe('Every weekday');
    expect(describeRepeat(null)).toBe('Repeats (custom rule)');
  });
});

describe('weekdayOf', () => {
  it('names the day of a UK date', () => {
    expect(weekdayOf('2026-11-30')).toBe('MO');
    expect(weekdayOf('2026-11-29')).toBe('SU');
    expect(weekdayOf('2026-03-29')).toBe('SU'); // the clock change
  });
});
