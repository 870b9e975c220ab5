import { DateTime } from 'luxon';
import { Weekday, WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { CARE_WEEKS, CareNeed } from '@app/modules/childminders/search/care-availability.port';
import {
  careWeeks,
  coverageAsks,
  CoverageRow,
  coverageRows,
  coverageWeekStarts,
  coversCare,
  TypedBlock,
} from './care-coverage';
import { AvailabilityType } from './entities/availability-block.entity';

const at = (iso: string) => new Date(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const { Available, Unavailable } = AvailabilityType;

const block = (
  type: AvailabilityType,
  startsAt: string,
  endsAt: string,
  recurrence: string | null = null,
  exceptionDates: string[] = [],
): TypedBlock => ({ type, startsAt: at(startsAt), endsAt: at(endsAt), recurrence, exceptionDates });

const need = (days: Weekday[], from: string, to: string): CareNeed => ({ days, from, to });

/**
 * "Now" is Wednesday 25 March 2026, just before the clocks go forward (Sunday 29 March), so the
 * weeks searched are those of Monday 30 March, 6, 13 and 20 April, all in BST.
 */
const SPRING_NOW = at('2026-03-25T12:00:00Z');
const covers = (blocks: TypedBlock[], care: CareNeed, now = SPRING_NOW) => coversCare(blocks, careWeeks(care, now));

/** Mondays 08:00-18:00, first on 16 March (GMT: 08:00Z). */
const mondays = block(Available, '2026-03-16T08:00:00Z', '2026-03-16T18:00:00Z', 'FREQ=WEEKLY;BYDAY=MO');

describe('careWeeks', () => {
  it('gives the next full weeks from the Monday after today, each day at its UK wall-clock time', () => {
    const weeks = careWeeks(need([Weekday.Wednesday, Weekday.Monday], '08:00', '18:00'), SPRING_NOW);
    expect(weeks).toHaveLength(CARE_WEEKS);
    expect(weeks[0]!.needed.map((n) => [iso(n.start), iso(n.end)])).toEqual([
      ['2026-03-30T07:00:00.000Z', '2026-03-30T17:00:00.000Z'], // Monday, 08:00 BST
      ['2026-04-01T07:00:00.000Z', '2026-04-01T17:00:00.000Z'], // Wednesday
    ]);
    expect(weeks[3]!.needed.map((n) => iso(n.start))).toEqual(['2026-04-20T07:00:00.000Z', '2026-04-22T07:00:00.000Z']);
    expect(weeks[0]!.window).toEqual({ from: at('2026-03-30T07:00:00Z'), to: at('2026-04-01T17:00:00Z') });
  });

  it('starts a week later when today is a Monday, and tomorrow when today is Sunday night', () => {
    const monday = careWeeks(need([Weekday.Monday], '09:00', '10:00'), at('2026-01-12T06:00:00Z'));
    expect(iso(monday[0]!.needed[0]!.start)).toBe('2026-01-19T09:00:00.000Z');
    // 23:30 on Sunday 18 January in London is still that Sunday.
    const sunday = careWeeks(need([Weekday.Monday], '09:00', '10:00'), at('2026-01-18T23:30:00Z'));
    expect(iso(sunday[0]!.needed[0]!.start)).toBe('2026-01-19T09:00:00.000Z');
  });
});

describe('coversCare', () => {
  it('matches a recurring Monday block across the spring clock change, at 08:00 local time', () => {
    expect(covers([mondays], need([Weekday.Monday], '08:00', '18:00'))).toBe(true);
    // Had the series kept 08:00 UTC it would open at 09:00 BST; had it moved the other way, close at 17:00.
    expect(covers([mondays], need([Weekday.Monday], '07:30', '18:00'))).toBe(false);
    expect(covers([mondays], need([Weekday.Monday], '08:00', '18:30'))).toBe(false);
    expect(covers([mondays], need([Weekday.Tuesday], '09:00', '10:00'))).toBe(false);
  });

  it('matches it across the autumn clock change too', () => {
    // Wednesday 21 October 2026: the weeks searched start on 26 October, the day after the clocks go back.
    const autumn = at('2026-10-21T12:00:00Z');
    expect(covers([mondays], need([Weekday.Monday], '08:00', '18:00'), autumn)).toBe(true);
    expect(covers([mondays], need([Weekday.Monday], '08:00', '18:01'), autumn)).toBe(false);
  });

  it('lets time off cut a day: a weekly lunch break leaves the hours around it', () => {
    const lunch = block(Unavailable, '2026-03-16T12:00:00Z', '2026-03-16T13:00:00Z', 'FREQ=WEEKLY;BYDAY=MO');
    expect(covers([mondays, lunch], need([Weekday.Monday], '09:00', '17:00'))).toBe(false);
    expect(covers([mondays, lunch], need([Weekday.Monday], '13:00', '17:00'))).toBe(true);
    // Half-open spans: care ending as the break starts is covered.
    expect(covers([mondays, lunch], need([Weekday.Monday], '08:00', '12:00'))).toBe(true);
  });

  it('does not match a block that covers only part of the hours', () => {
    const mornings = block(Available, '2026-03-16T08:00:00Z', '2026-03-16T12:00:00Z', 'FREQ=WEEKLY;BYDAY=MO');
    expect(covers([mornings], need([Weekday.Monday], '08:00', '17:00'))).toBe(false);
    expect(covers([mornings], need([Weekday.Monday], '09:00', '11:30'))).toBe(true);
  });

  it('joins blocks that touch: mornings and afternoons make a day', () => {
    const mornings = block(Available, '2026-03-16T08:00:00Z', '2026-03-16T12:00:00Z', 'FREQ=WEEKLY;BYDAY=MO');
    const afternoons = block(Available, '2026-03-16T12:00:00Z', '2026-03-16T18:00:00Z', 'FREQ=WEEKLY;BYDAY=MO');
    expect(covers([mornings, afternoons], need([Weekday.Monday], '09:00', '17:00'))).toBe(true);
  });

  it('keeps a childminder with a one-off day off, but not one away for the whole month', () => {
    const dayOff = block(Unavailable, '2026-03-29T23:00:00Z', '2026-03-30T23:00:00Z'); // Monday 30 March, BST
    expect(covers([mondays, dayOff], need([Weekday.Monday], '08:00', '18:00'))).toBe(true);
    const skipped = { ...mondays, exceptionDates: ['2026-03-30'] };
    expect(covers([skipped], need([Weekday.Monday], '08:00', '18:00'))).toBe(true);
    const away = block(Unavailable, '2026-03-29T23:00:00Z', '2026-03-30T22:59:00Z', 'FREQ=DAILY;COUNT=28');
    expect(covers([mondays, away], need([Weekday.Monday], '08:00', '18:00'))).toBe(false);
  });

  it('needs every requested day in the same week', () => {
    const wednesdays = block(Available, '2026-03-18T08:00:00Z', '2026-03-18T18:00:00Z', 'FREQ=WEEKLY;BYDAY=WE');
    const monWed = need([Weekday.Monday, Weekday.Wednesday], '08:00', '18:00');
    expect(covers([mondays], monWed)).toBe(false);
    expect(covers([mondays, wednesdays], monWed)).toBe(true);
    // Monday off in the first week, Wednesdays off from the second: each day is free some week, never both.
    const mondayOff = block(Unavailable, '2026-03-30T06:00:00Z', '2026-03-30T18:00:00Z');
    const wednesdaysOff = block(Unavailable, '2026-04-08T06:00:00Z', '2026-04-08T18:00:00Z', 'FREQ=WEEKLY;COUNT=3');
    expect(covers([mondays, wednesdays, mondayOff], monWed)).toBe(true);
    expect(covers([mondays, wednesdays, mondayOff, wednesdaysOff], monWed)).toBe(false);
  });

  it('counts a one-off available day in any of the weeks, and nothing outside them', () => {
    const oneMonday = block(Available, '2026-04-13T07:00:00Z', '2026-04-13T17:00:00Z'); // 08:00-18:00 BST
    expect(covers([oneMonday], need([Weekday.Monday], '08:00', '18:00'))).toBe(true);
    const tooLate = block(Available, '2026-04-27T07:00:00Z', '2026-04-27T17:00:00Z');
    expect(covers([tooLate], need([Weekday.Monday], '08:00', '18:00'))).toBe(false);
    const ended = block(
      Available,
      '2026-03-02T08:00:00Z',
      '2026-03-02T18:00:00Z',
      'FREQ=WEEKLY;UNTIL=20260323T235959Z',
    );
    expect(covers([ended], need([Weekday.Monday], '08:00', '18:00'))).toBe(false);
  });

  it('never matches without available time, whatever the time off', () => {
    expect(covers([], need([Weekday.Monday], '08:00', '18:00'))).toBe(false);
    const off = block(Unavailable, '2026-03-16T08:00:00Z', '2026-03-16T18:00:00Z', 'FREQ=WEEKLY;BYDAY=MO');
    expect(covers([off], need([Weekday.Monday], '08:00', '18:00'))).toBe(false);
  });
});

/**
 * What the search's SQL asks of the coverage table (availability-coverage.repository.ts), done
 * over rows in memory: some week in which every needed weekday has a row holding the minutes.
 */
function rowsCover(rows: readonly CoverageRow[], care: CareNeed, now: Date): boolean {
  return coverageAsks(care, now).some(({ week, asks }) =>
    asks.every((ask) =>
      ask.weekdays.every((weekday) =>
        rows.some((r) => r.weekStart === week && r.weekday === weekday && r.openFrom <= ask.from && r.openTo >= ask.to),
      ),
    ),
  );
}

describe('coverageRows', () => {
  const rowsFor = (blocks: TypedBlock[], now: Date) => coverageRows(blocks, coverageWeekStarts(now));

  it('holds the open time per week and weekday in minutes since midnight, a week beyond the searched ones', () => {
    const lunch = block(Unavailable, '2026-03-16T12:00:00Z', '2026-03-16T13:00:00Z', 'FREQ=WEEKLY;BYDAY=MO');
    const rows = rowsFor([mondays, lunch], SPRING_NOW);
    expect(coverageWeekStarts(SPRING_NOW)).toEqual([
      '2026-03-30',
      '2026-04-06',
      '2026-04-13',
      '2026-04-20',
      '2026-04-27',
    ]);
    expect(rows.filter((r) => r.weekStart === '2026-03-30')).toEqual([
      // 08:00-18:00 local (the series keeps its wall-clock time) but for 12:00-13:00.
      { weekStart: '2026-03-30', weekday: 0, openFrom: 8 * 60, openTo: 12 * 60 },
      { weekStart: '2026-03-30', weekday: 0, openFrom: 13 * 60, openTo: 18 * 60 },
    ]);
    expect(rows).toHaveLength(10);
  });

  it('cuts open time across midnight into the two days, each clamped to its day', () => {
    const night = block(Available, '2026-04-06T19:00:00Z', '2026-04-07T06:00:00Z'); // Mon 20:00 - Tue 07:00 BST
    expect(rowsFor([night], SPRING_NOW)).toEqual([
      { weekStart: '2026-04-06', weekday: 0, openFrom: 20 * 60, openTo: 24 * 60 },
      { weekStart: '2026-04-06', weekday: 1, openFrom: 0, openTo: 7 * 60 },
    ]);
  });

  // Fixed-seed random calendars, weeks with and without a clock change: the rows answer exactly
  // what coversCare answers, for needs in the missing and the repeated hour too.
  it.each([
    ['spring', '2026-03-20T12:00:00Z'],
    ['autumn', '2026-10-14T12:00:00Z'],
    ['winter', '2026-12-02T12:00:00Z'],
  ])('answers as coversCare does, on random calendars (%s)', (_season, nowIso) => {
    const now = at(nowIso);
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const monday = DateTime.fromJSDate(now, { zone: 'Europe/London' }).startOf('week');
    const randomBlock = (type: AvailabilityType): TypedBlock => {
      const start = monday
        .plus({ days: Math.floor(random() * 35) })
        .set({ hour: pick([0, 1, 2, 3, 7, 8, 9, 12, 13, 17, 20, 23]), minute: pick([0, 0, 15, 30, 59]) });
      const end = start.plus({ minutes: pick([30, 60, 90, 240, 600, 900, 1439]) });
      const recurrence = pick([null, 'FREQ=DAILY', 'FREQ=WEEKLY', 'FREQ=WEEKLY;BYDAY=MO,WE,SU', 'FREQ=DAILY;COUNT=9']);
      const exceptions = random() < 0.2 ? [start.plus({ days: 7 }).toISODate()!] : [];
      return { type, startsAt: start.toJSDate(), endsAt: end.toJSDate(), recurrence, exceptionDates: exceptions };
    };
    const times = [
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '03:00',
      '08:00',
      '09:15',
      '12:00',
      '13:00',
      '18:00',
      '23:59',
    ];
    let matches = 0;
    for (let minder = 0; minder < 60; minder++) {
      const blocks = [
        ...Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomBlock(Available)),
        ...Array.from({ length: Math.floor(random() * 3) }, () => randomBlock(Unavailable)),
      ];
      const rows = rowsFor(blocks, now);
      for (let ask = 0; ask < 25; ask++) {
        const [from, to] = [pick(times), pick(times)].sort();
        if (from === to) continue;
        const days = [...new Set([pick(WEEKDAYS), ...(random() < 0.4 ? [pick(WEEKDAYS)] : [])])];
        const care = need(days, from!, to!);
        const expected = covers(blocks, care, now);
        if (expected) matches++;
        expect({ blocks, care, covered: rowsCover(rows, care, now) }).toEqual({ blocks, care, covered: expected });
      }
    }
    expect(matches).toBeGreaterThan(20);
  });
});
