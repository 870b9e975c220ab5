import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  answer,
  AVAILABILITY,
  bornAgo,
  givenChild,
  givenChildminder,
  givenPlusParent,
  requestBooking,
  UK,
} from '../bookings/support';
import { CALENDAR_SYNC } from './support';

jest.setTimeout(60_000);

interface ParsedEvent {
  summary: string;
  start: Date;
  end: Date;
  /** The wall-clock start in the calendar's own zone, as a calendar app shows it. */
  localStart: string;
}

/** Reads a feed with ical.js, an independent parser, resolving TZID through the feed's VTIMEZONE. */
function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const start = event.startDate.toJSDate();
    return {
      summary: event.summary,
      start,
      end: event.endDate.toJSDate(),
      localStart: `${event.startDate.toString()} ${event.startDate.zone?.tzid ?? ''}`.trim(),
    };
  });
}

/** The next last Sunday of March or October (a UK clock change) at least a week away. */
function nextClockChange(): DateTime {
  const now = DateTime.now().setZone(UK);
  const candidates = [0, 1].flatMap((y) =>
    [3, 10].map((month) => DateTime.fromObject({ year: now.year + y, month, day: 31 }, { zone: UK }).startOf('day')),
  );
  return candidates
    .map((end) => end.minus({ days: end.weekday % 7 }))
    .filter((sunday) => sunday > now.plus({ days: 7 }))
    .sort((a, b) => +a - +b)[0]!;
}

describe('ICS feed: a secret address that calendar apps subscribe to', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  const feedPath = (url: string) => new URL(url).pathname;

  it('a childminder’s feed holds her availability and confirmed bookings at 09:00 UK time on both sides of a clock change', async () => {
    const minder = await givenChildminder(api, { name: 'Rosa Feed', open: false });
    const change = nextClockChange();
    // Mornings 09:00-12:00 every day from three days before the clock change to three days after.
    const first = change.minus({ days: 3 }).set({ hour: 9 });
    const block = await api
      .http()
      .post(AVAILABILITY)
      .set(minder.auth)
      .send({
        startsAt: first.toISO(),
        endsAt: first.set({ hour: 12 }).toISO(),
        type: 'available',
        title: 'Mornings',
        recurrence: 'FREQ=DAILY;COUNT=7',
      });
    expect(block.status).toBe(201);
    const parent = await givenPlusParent(api, 'Sara');
    const child = await givenChild(api, parent, 'Tom', bornAgo({ years: 3 }));
    const afterChange = change.plus({ days: 1 }).set({ hour: 9 });
    const booking = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: afterChange.toISO()!,
      endsAt: afterChange.set({ hour: 11 }).toISO()!,
    });
    expect(booking.status).toBe(201);
    const pending = await api.http().get(`${CALENDAR_SYNC}/feed`).set(minder.auth);
    expect(pending.status).toBe(200);
    expect(pending.body.url).toMatch(/^http:\/\/localhost:4200\/api\/calendar-feeds\/[A-Za-z0-9_-]{40,}$/);
    expect(pending.body.webcalUrl).toBe(pending.body.url.replace('http:', 'webcal:'));

    // A request is not in the feed; once confirmed, it is.
    const before = await api.http().get(feedPath(pending.body.url));
    expect(before.status).toBe(200);
    expect(before.headers['content-type']).toMatch(/^text\/calendar/);
    expect(parseFeed(before.text).filter((e) => !e.summary.startsWith('Available'))).toEqual([]);
    expect((await answer(api, minder, booking.body.id, { action: 'confirm' })).status).toBe(200);

    const events = parseFeed((await api.http().get(feedPath(pending.body.url))).text);
    const mornings = events.filter((e) => e.summary === 'Available: Mornings');
    expect(mornings).toHaveLength(7);
    for (const morning of mornings) {
      const local = DateTime.fromJSDate(morning.start, { zone: UK });
      expect(local.toFormat('HH:mm')).toBe('09:00');
      expect(DateTime.fromJSDate(morning.end, { zone: UK }).toFormat('HH:mm')).toBe('12:00');
    }
    // The same 09:00 is a different UTC hour before and after the change.
    const utcHours = new Set(mornings.map((m) => m.start.getUTCHours()));
    expect(utcHours.size).toBe(2);
    const care = events.find((e) => e.summary.startsWith('Sara Shah'))!;
    expect(care.start.toISOString()).toBe(afterChange.toUTC().toISO());
    expect(care.localStart).toMatch(/T09:00:00 Europe\/London$/);
  });

  it('a parent’s feed holds her bookings only; a wrong or regenerated secret is 404', async () => {
    const minder = await givenChildminder(api, { name: 'Una Feed' });
    const parent = await givenPlusParent(api, 'Vera');
    const child = await givenChild(api, parent, 'Wes', bornAgo({ years: 2 }));
    const day = DateTime.now().setZone(UK).startOf('day').plus({ days: 4 }).set({ hour: 10 });
    const booking = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: day.toISO()!,
      endsAt: day.set({ hour: 13 }).toISO()!,
    });
    await answer(api, minder, booking.body.id, { action: 'confirm' });

    const feed = await api.http().get(`${CALENDAR_SYNC}/feed`).set(parent.auth);
    const again = await api.http().get(`${CALENDAR_SYNC}/feed`).set(parent.auth);
    expect(again.body.url).toBe(feed.body.url);
    const events = parseFeed((await api.http().get(feedPath(feed.body.url))).text);
    expect(events.map((e) => e.summary)).toEqual(['Care with Una Feed']);

    const wrong = await api.http().get('/api/calendar-feeds/not-the-secret');
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('CALENDAR_FEED_NOT_FOUND');

    const regenerated = await api.http().post(`${CALENDAR_SYNC}/feed/regenerate`).set(parent.auth);
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.url).not.toBe(feed.body.url);
    expect((await api.http().get(feedPath(feed.body.url))).status).toBe(404);
    expect((await api.http().get(feedPath(regenerated.body.url))).status).toBe(200);
  });
});
