import { Role } from '@app/common/auth/role';
import { startTestApp, TestApp } from '../../support/test-app';
import { AVAILABILITY, givenChildminder, ukAt } from '../bookings/support';

jest.setTimeout(60_000);

const CALENDAR = '/api/dashboard/childminder/calendar';
const iso = (value: string) => new Date(value).toISOString();

describe('A childminder publishes when she is available', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('adds a recurring block, sees it expanded in the calendar, skips a day, edits and removes it', async () => {
    const minder = await givenChildminder(api, { open: false });
    const created = await api
      .http()
      .post(AVAILABILITY)
      .set(minder.auth)
      .send({
        startsAt: ukAt(1, '08:00'),
        endsAt: ukAt(1, '18:00'),
        type: 'available',
        title: ' Weekday care ',
        description: 'Drop-off from 8',
        recurrence: 'RRULE:freq=daily;count=5',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'available',
      title: 'Weekday care',
      recurrence: 'FREQ=DAILY;COUNT=5',
      exceptionDates: [],
      lastEndsAt: iso(ukAt(5, '18:00')),
      timeZone: 'Europe/London',
    });
    const id = created.body.id as string;

    const from = ukAt(0, '00:00').slice(0, 10);
    const to = ukAt(10, '00:00').slice(0, 10);
    const calendar = await api.http().get(`${CALENDAR}?from=${from}&to=${to}`).set(minder.auth);
    expect(calendar.status).toBe(200);
    expect(calendar.body.events).toHaveLength(5);
    expect(calendar.body.events[2]).toMatchObject({
      kind: 'available',
      blockId: id,
      title: 'Weekday care',
      startsAt: iso(ukAt(3, '08:00')),
      endsAt: iso(ukAt(3, '18:00')),
      date: ukAt(3, '00:00').slice(0, 10),
      recurring: true,
    });

    // Deleting one occurrence from the calendar keeps the series, with an exception.
    const skipDay = ukAt(3, '00:00').slice(0, 10);
    expect((await api.http().delete(`${CALENDAR}?blockId=${id}&date=${skipDay}`).set(minder.auth)).status).toBe(204);
    const after = await api.http().get(`${AVAILABILITY}/${id}`).set(minder.auth);
    expect(after.body.exceptionDates).toEqual([skipDay]);
    expect((await api.http().get(`${CALENDAR}?from=${from}&to=${to}`).set(minder.auth)).body.events).toHaveLength(4);
    const noSuchDay = await api
      .http()
      .delete(`${CALENDAR}?blockId=${id}&date=${ukAt(20, '00:00').slice(0, 10)}`)
      .set(minder.auth);
    expect(noSuchDay.status).toBe(400);

    // Time off added as a calendar entry shows next to it; the public preview subtracts it.
    const off = await api
      .http()
      .post(CALENDAR)
      .set(minder.auth)
      .send({ startsAt: ukAt(2, '12:00'), endsAt: ukAt(2, '13:00'), type: 'unavailable', title: 'Dentist' });
    expect(off.status).toBe(201);
    const preview = await api.http().get(`/api/childminders/${minder.profile.id}/availability?from=${from}&to=${to}`);
    expect(preview.status).toBe(200);
    expect(preview.body.slots.slice(0, 3)).toEqual([
      { startsAt: iso(ukAt(1, '08:00')), endsAt: iso(ukAt(1, '18:00')) },
      { startsAt: iso(ukAt(2, '08:00')), endsAt: iso(ukAt(2, '12:00')) },
      { startsAt: iso(ukAt(2, '13:00')), endsAt: iso(ukAt(2, '18:00')) },
    ]);

    const replaced = await api
      .http()
      .put(`${AVAILABILITY}/${id}`)
      .set(minder.auth)
      .send({
        startsAt: ukAt(1, '09:00'),
        endsAt: ukAt(1, '17:00'),
        type: 'available',
        title: 'Shorter days',
        recurrence: null,
      });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      title: 'Shorter days',
      recurrence: null,
      description: null,
      lastEndsAt: iso(ukAt(1, '17:00')),
    });

    const list = await api.http().get(`${AVAILABILITY}?pageSize=10`).set(minder.auth);
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 10 });

    expect((await api.http().delete(`${AVAILABILITY}/${id}`).set(minder.auth)).status).toBe(204);
    expect((await api.http().get(`${AVAILABILITY}/${id}`).set(minder.auth)).status).toBe(404);
  });

  it('removes one day of a repeating block with PUT: that day leaves the calendar, the other days stay', async () => {
    const minder = await givenChildminder(api, { open: false });
    const block = {
      startsAt: ukAt(1, '15:00'),
      endsAt: ukAt(1, '18:00'),
      type: 'available',
      title: 'After-school club',
      description: null,
      recurrence: 'FREQ=DAILY;COUNT=4',
    };
    const created = await api.http().post(AVAILABILITY).set(minder.auth).send(block);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const from = ukAt(0, '00:00').slice(0, 10);
    const to = ukAt(10, '00:00').slice(0, 10);
    const days = async () => {
      const calendar = await api.http().get(`${CALENDAR}?from=${from}&to=${to}`).set(minder.auth);
      const events = calendar.body.events as { blockId: string | null; date: string | null }[];
      return events.filter((e) => e.blockId === id).map((e) => e.date);
    };
    const [first, second, third, fourth] = await days();

    // What the availability editor sends for "Remove this day only": the block as stored, plus the day.
    const stored = (await api.http().get(`${AVAILABILITY}/${id}`).set(minder.auth)).body;
    const put = await api
      .http()
      .put(`${AVAILABILITY}/${id}`)
      .set(minder.auth)
      .send({
        startsAt: stored.startsAt,
        endsAt: stored.endsAt,
        type: stored.type,
        title: stored.title,
        description: stored.description,
        recurrence: stored.recurrence,
        exceptionDates: [...stored.exceptionDates, second],
      });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      id,
      recurrence: 'FREQ=DAILY;COUNT=4',
      exceptionDates: [second],
      startsAt: stored.startsAt,
      lastEndsAt: stored.lastEndsAt,
    });
    expect(await days()).toEqual([first, third, fourth]);

    // The first day of the series can be skipped too: the series keeps its anchor.
    const again = await api
      .http()
      .put(`${AVAILABILITY}/${id}`)
      .set(minder.auth)
      .send({ ...block, startsAt: stored.startsAt, endsAt: stored.endsAt, exceptionDates: [second, first, second] });
    expect(again.body.exceptionDates).toEqual([first, second]);
    expect(await days()).toEqual([third, fourth]);

    for (const bad of [['2026-02-30'], ['3/3/2026'], 'tomorrow']) {
      const refused = await api
        .http()
        .put(`${AVAILABILITY}/${id}`)
        .set(minder.auth)
        .send({ ...block, exceptionDates: bad });
      expect(refused.status).toBe(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toContain('exceptionDates');
    }
    expect(await days()).toEqual([third, fourth]);
  });

  it('refuses bad blocks with a message naming the field', async () => {
    const minder = await givenChildminder(api, { open: false });
    const base = { startsAt: ukAt(1, '08:00'), endsAt: ukAt(1, '18:00'), type: 'available', title: 'Care' };
    const post = (body: object) => api.http().post(AVAILABILITY).set(minder.auth).send(body);

    const hourly = await post({ ...base, recurrence: 'FREQ=HOURLY' });
    expect(hourly.status).toBe(400);
    expect(hourly.body.details).toEqual([
      { field: 'recurrence', message: 'recurrence must repeat DAILY, WEEKLY, MONTHLY or YEARLY' },
    ]);
    const backwards = await post({ ...base, endsAt: ukAt(1, '07:00') });
    expect(backwards.body.details).toEqual([{ field: 'endsAt', message: 'endsAt must be after startsAt' }]);
    const type = await post({ ...base, type: 'maybe' });
    expect(type.body.details[0]).toEqual({ field: 'type', message: 'type must be one of: available, unavailable' });
    const extra = await post({ ...base, colour: 'red' });
    expect(extra.body.details).toEqual([{ field: 'colour', message: 'colour is not an accepted field' }]);
    const range = await api.http().get(`${CALENDAR}?from=2026-01-01&to=2028-01-01`).set(minder.auth);
    expect(range.status).toBe(400);
    expect(range.body.details).toEqual([{ field: 'to', message: 'The range may span at most 400 days' }]);
  });

  it("keeps a childminder's blocks to herself: another childminder gets 404", async () => {
    const owner = await givenChildminder(api);
    const other = await givenChildminder(api, { name: 'Gina Hart', open: false });
    const blocks = await api.http().get(AVAILABILITY).set(owner.auth);
    const id = blocks.body.items[0].id as string;
    expect((await api.http().get(`${AVAILABILITY}/${id}`).set(other.auth)).status).toBe(404);
    expect((await api.http().delete(`${AVAILABILITY}/${id}`).set(other.auth)).status).toBe(404);
    expect((await api.http().delete(`${CALENDAR}?blockId=${id}`).set(other.auth)).status).toBe(404);
    expect((await api.http().get(AVAILABILITY).set(other.auth)).body.total).toBe(0);
    const parent = await api.given.signedIn(Role.Parent);
    expect((await api.http().get(AVAILABILITY).set(parent.auth)).status).toBe(403);
  });
});
