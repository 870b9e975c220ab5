import { DateTime } from 'luxon';
import { In } from 'typeorm';
import { CareAvailability } from '@app/modules/availability/care-availability';
import { careWeeks, coversCare, TypedBlock } from '@app/modules/availability/care-coverage';
import { AvailabilityBlock, AvailabilityType } from '@app/modules/availability/entities/availability-block.entity';
import { AvailabilityCoverage } from '@app/modules/availability/entities/availability-coverage.entity';
import { lastEnd } from '@app/modules/availability/recurrence';
import { WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import type { CareNeed } from '@app/modules/childminders/search/care-availability.port';
import { backfillAvailabilityCoverage } from '../../../migrations/shared/availability-coverage-backfill';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(120_000);

const UK = 'Europe/London';

/**
 * The search by days and times reads the coverage table in SQL; coversCare (care-coverage.ts)
 * is the rule written in code. On a fixture of random calendars, both give the same childminders,
 * on the real database, for "now" in an ordinary month and in weeks with a clock change; and the
 * migration's backfill and the daily roll-forward write the same rows as an edit does.
 */
describe('Availability coverage in SQL answers as the rule in code does', () => {
  let api: TestApp;
  let care: CareAvailability;
  const minders: string[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    care = api.app.get(CareAvailability);
    for (let i = 0; i < 16; i++) minders.push((await api.given.childminder()).user.id);
  });
  afterAll(() => api.close());

  /** Random calendars (fixed seed) around the weeks searched from `now`, written as the product stores them. */
  async function givenCalendars(now: Date, seed: number): Promise<void> {
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const monday = DateTime.fromJSDate(now, { zone: UK }).startOf('week');
    const blocks = minders.flatMap((childminderId, index) => {
      const one = (type: AvailabilityType) => {
        const start = monday
          .plus({ days: Math.floor(random() * 35) })
          .set({ hour: pick([0, 1, 2, 7, 8, 9, 12, 13, 17, 23]), minute: pick([0, 0, 30, 45]) });
        const end = start.plus({ minutes: pick([60, 240, 600, 900, 1439]) });
        const fields = {
          startsAt: start.toJSDate(),
          endsAt: end.toJSDate(),
          recurrence: pick([
            null,
            'FREQ=DAILY',
            'FREQ=WEEKLY',
            'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
            'FREQ=DAILY;COUNT=10',
          ]),
          exceptionDates: random() < 0.3 ? [start.plus({ days: 7 }).toISODate()!] : [],
        };
        return Object.assign(new AvailabilityBlock(), {
          childminderId,
          type,
          title: 'Fixture',
          description: null,
          ...fields,
          lastEndsAt: lastEnd(fields),
        });
      };
      // The first has no blocks at all, the second only time off.
      if (index === 0) return [];
      if (index === 1) return [one(AvailabilityType.Unavailable)];
      return [
        ...Array.from({ length: 1 + Math.floor(random() * 3) }, () => one(AvailabilityType.Available)),
        ...Array.from({ length: Math.floor(random() * 3) }, () => one(AvailabilityType.Unavailable)),
      ];
    });
    await api.dataSource.getRepository(AvailabilityBlock).delete({ childminderId: In(minders) });
    await api.dataSource.getRepository(AvailabilityBlock).insert(blocks);
  }

  /** Every need of a grid of days and times: what SQL says against what the rule says, on the blocks as stored. */
  async function compare(now: Date): Promise<number> {
    const stored = await api.dataSource
      .getRepository(AvailabilityBlock)
      .find({ where: { childminderId: In(minders) } });
    const blocksOf = (id: string): TypedBlock[] => stored.filter((b) => b.childminderId === id);
    const times = ['00:00', '01:30', '02:00', '07:30', '08:00', '09:00', '12:00', '13:00', '17:00', '18:00', '23:59'];
    const needs: CareNeed[] = [];
    for (const [i, day] of WEEKDAYS.entries()) {
      for (let t = 0; t + 1 < times.length; t += 2) {
        needs.push({ days: [day], from: times[t]!, to: times[t + 1]! });
        const wide = { from: times[t]!, to: times[times.length - 1 - t]! };
        if (wide.from < wide.to) needs.push({ days: [day, WEEKDAYS[(i + 2) % 7]!], ...wide });
      }
    }
    let found = 0;
    for (const need of needs) {
      const expected = minders.filter((id) => coversCare(blocksOf(id), careWeeks(need, now))).sort();
      const actual = [...(await care.usersCovering(minders, need, now))].sort();
      expect({ need, matching: actual }).toEqual({ need, matching: expected });
      found += expected.length;
    }
    return found;
  }

  it.each([
    ['an ordinary month', '2026-12-02T12:00:00Z', 7],
    ['the spring clock change', '2026-03-20T12:00:00Z', 13],
    ['the autumn clock change', '2026-10-14T12:00:00Z', 17],
  ])('on %s', async (_when, nowIso, seed) => {
    const now = new Date(nowIso);
    await givenCalendars(now, seed);
    await care.refresh(minders, undefined, now);
    expect(await compare(now)).toBeGreaterThan(10);
  });

  it('the migration backfill and the daily roll-forward write the rows an edit writes', async () => {
    const now = new Date();
    await givenCalendars(now, 29);
    await care.refresh(minders);
    const rowsOf = async () =>
      (await api.dataSource.getRepository(AvailabilityCoverage).find({ where: { childminderId: In(minders) } }))
        .map((r) => `${r.childminderId} ${r.weekStart} ${r.weekday} ${r.openFrom}-${r.openTo}`)
        .sort();
    const edited = await rowsOf();
    expect(edited.length).toBeGreaterThan(20);

    // The backfill, on emptied tables (as when the migration runs).
    await api.dataSource.query('DELETE FROM availability_coverage');
    await api.dataSource.query('DELETE FROM availability_coverage_stamps');
    const runner = api.dataSource.createQueryRunner();
    try {
      await backfillAvailabilityCoverage(runner);
    } finally {
      await runner.release();
    }
    expect(await rowsOf()).toEqual(edited);

    // The roll-forward a week later: the old week goes, the new one comes, as an edit then would write.
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    const rolled = await care.rollForward(nextWeek);
    expect(rolled.rewritten).toBeGreaterThanOrEqual(minders.length - 1);
    const afterRoll = await rowsOf();
    await care.refresh(minders, undefined, nextWeek);
    expect(afterRoll).toEqual(await rowsOf());
    await compare(nextWeek);
    // Nothing is behind any more: a second run rewrites no one.
    expect((await care.rollForward(nextWeek)).rewritten).toBe(0);
  });
});
