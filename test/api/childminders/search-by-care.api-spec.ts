import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../../support/test-app';
import { AVAILABILITY, UK } from '../bookings/support';
import { CHILDMINDERS, givenListedChildminder, namesOf, Role } from './support';

jest.setTimeout(60_000);

const SEARCH = `${CHILDMINDERS}/search`;
const CALENDAR = '/api/dashboard/childminder/calendar';

/** Monday of the first week the search checks (the Monday after today, UK), at a local time. */
const nextMonday = () => DateTime.now().setZone(UK).startOf('week').plus({ weeks: 1 });
const localIso = (day: DateTime, time: string) =>
  day.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) }).toISO({ suppressMilliseconds: true })!;
/** This week's Monday: weekly series start here, before the weeks searched. */
const thisMonday = () => nextMonday().minus({ weeks: 1 });

/**
 * Every childminder in this story lives on Tiree (PA77), where no other story puts anyone, so
 * the results are exactly these. All are at the same distance; sorting by price (Ann cheapest,
 * Eve dearest) makes the order plain.
 */
describe('A parent searches for childminders free on the days and at the times she needs', () => {
  let api: TestApp;
  const tag = `C${Date.now().toString(36)}`;
  const name = (n: string) => `${n} ${tag}`;
  let cal: { auth: Record<string, string> };

  const search = (params: Record<string, string | number>) =>
    api
      .http()
      .get(SEARCH)
      .query({ postcode: 'PA77 6TL', radiusMiles: 5, sort: 'price', pageSize: 100, ...params });

  /** A listed childminder on Tiree who publishes her availability through the API. */
  async function givenMinder(first: string, hourlyRatePence: number, blocks: Record<string, string>[]) {
    const account = await api.given.signedIn(Role.Childminder, { firstName: first, postcode: 'PA77 6TL' });
    await givenListedChildminder(api, { displayName: name(first), postcode: 'PA77 6TL', hourlyRatePence }, account);
    for (const block of blocks) {
      const created = await api.http().post(AVAILABILITY).set(account.auth).send(block);
      if (created.status !== 201) throw new Error(`${first}: ${created.status} ${JSON.stringify(created.body)}`);
    }
    return account;
  }

  const weekly = (days: string, open: string, close: string, type = 'available') => ({
    startsAt: localIso(thisMonday(), open),
    endsAt: localIso(thisMonday(), close),
    type,
    title: type === 'available' ? 'Weekday care' : 'Lunch break',
    recurrence: `FREQ=WEEKLY;BYDAY=${days}`,
  });

  beforeAll(async () => {
    api = await startTestApp();
    // Weekdays 08:00-18:00, with a day off on the first Monday searched: one holiday hides no one.
    await givenMinder('Ann', 500, [
      weekly('MO,TU,WE,TH,FR', '08:00', '18:00'),
      {
        startsAt: localIso(nextMonday(), '00:00'),
        endsAt: localIso(nextMonday(), '23:59'),
        type: 'unavailable',
        title: 'Day off',
      },
    ]);
    // Monday mornings only.
    await givenMinder('Bea', 600, [weekly('MO', '08:00', '13:00')]);
    // Mondays and Wednesdays, but every Monday she is out from 12:00 to 14:00.
    cal = await givenMinder('Cal', 700, [
      weekly('MO,WE', '08:00', '18:00'),
      weekly('MO', '12:00', '14:00', 'unavailable'),
    ]);
    // No availability published at all.
    await givenMinder('Dee', 800, []);
    // Weekdays 07:00-19:00, but away for the whole of the next four weeks.
    await givenMinder('Eve', 900, [
      weekly('MO,TU,WE,TH,FR', '07:00', '19:00'),
      {
        startsAt: localIso(nextMonday(), '00:00'),
        endsAt: localIso(nextMonday(), '23:59'),
        type: 'unavailable',
        title: 'Away',
        recurrence: 'FREQ=DAILY;COUNT=28',
      },
    ]);
  });
  afterAll(() => api.close());

  it('without days and times everyone listed is found', async () => {
    const all = await search({});
    expect(all.status).toBe(200);
    expect(namesOf(all.body)).toEqual(['Ann', 'Bea', 'Cal', 'Dee', 'Eve'].map(name));
  });

  it('finds only those whose availability covers the whole of the hours on the day', async () => {
    const fullDay = await search({ days: 'monday', from: '08:00', to: '18:00' });
    expect(fullDay.status).toBe(200);
    // Bea closes at 13:00, Cal is out at lunch, Dee publishes nothing, Eve is away.
    expect(namesOf(fullDay.body)).toEqual([name('Ann')]);
    expect(fullDay.body).toMatchObject({ total: 1, page: 1 });
    expect(fullDay.body.items[0].distanceMiles).toBe(0);

    const morning = await search({ days: 'monday', from: '09:00', to: '12:00' });
    expect(namesOf(morning.body)).toEqual(['Ann', 'Bea', 'Cal'].map(name));

    // Lunch break: Cal is out from 12:00, so 12:00-13:00 is Ann's and Bea's.
    expect(namesOf((await search({ days: 'monday', from: '12:00', to: '13:00' })).body)).toEqual(
      ['Ann', 'Bea'].map(name),
    );
  });

  it('needs every day asked for, and combines with the other filters', async () => {
    expect(namesOf((await search({ days: 'wednesday', from: '08:00', to: '18:00' })).body)).toEqual(
      ['Ann', 'Cal'].map(name),
    );
    expect(namesOf((await search({ days: 'monday,wednesday', from: '09:00', to: '12:00' })).body)).toEqual(
      ['Ann', 'Cal'].map(name),
    );
    expect(
      namesOf((await search({ days: ['monday', 'wednesday'].join(','), from: '13:00', to: '15:00' })).body),
    ).toEqual([name('Ann')]);
    expect(namesOf((await search({ days: 'saturday', from: '09:00', to: '12:00' })).body)).toEqual([]);
    expect(namesOf((await search({ days: 'monday', from: '09:00', to: '12:00', maxHourlyRate: 650 })).body)).toEqual(
      ['Ann', 'Bea'].map(name),
    );
  });

  it('counts and pages only the childminders who match', async () => {
    const page = (n: number) => search({ days: 'monday', from: '09:00', to: '12:00', pageSize: 2, page: n });
    const first = (await page(1)).body;
    const second = (await page(2)).body;
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(namesOf(first)).toEqual(['Ann', 'Bea'].map(name));
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(namesOf(second)).toEqual([name('Cal')]);
    expect((await page(3)).body).toMatchObject({ total: 3, items: [] });
  });

  it('follows the childminder’s calendar: when Cal drops her lunch break she is found for a full Monday', async () => {
    const before = await search({ days: 'monday', from: '08:00', to: '18:00' });
    expect(namesOf(before.body)).not.toContain(name('Cal'));

    const from = nextMonday().toISODate()!;
    const to = nextMonday().plus({ days: 1 }).toISODate()!;
    const events = await api.http().get(`${CALENDAR}?from=${from}&to=${to}`).set(cal.auth);
    expect(events.status).toBe(200);
    const lunch = events.body.events.find((e: { kind: string }) => e.kind === 'unavailable');
    expect(lunch).toBeDefined();
    expect((await api.http().delete(`${AVAILABILITY}/${lunch.blockId}`).set(cal.auth)).status).toBe(204);

    const after = await search({ days: 'monday', from: '08:00', to: '18:00' });
    expect(namesOf(after.body)).toEqual(['Ann', 'Cal'].map(name));
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['days without times', { days: 'monday' }, 'from', /^from is required with days/],
    ['a time without days', { from: '08:00', to: '18:00' }, 'days', /^days is required with from and to/],
    ['to before from', { days: 'monday', from: '14:00', to: '09:00' }, 'to', /^to must be after from/],
    [
      'an unknown day',
      { days: 'monday,someday', from: '08:00', to: '09:00' },
      'days',
      /^each of days must be one of: monday/,
    ],
    ['a time that is not HH:mm', { days: 'monday', from: '8am', to: '18:00' }, 'from', /24-hour time such as 08:00/],
  ])('%s is a 400 naming the field', async (_case, params, field, message) => {
    const response = await search(params);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(response.body.details.find((d: { field: string }) => d.field === field).message).toMatch(message);
  });
});
