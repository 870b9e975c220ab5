import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { CalendarConnection } from '@app/modules/calendar-sync/entities/calendar-connection.entity';
import { CalendarEventLink } from '@app/modules/calendar-sync/entities/calendar-event-link.entity';
import { CalendarSyncJobs } from '@app/modules/calendar-sync/calendar-sync.jobs';
import { GoogleFake } from '../../fakes/google-fake';
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
  ukAt,
} from '../bookings/support';
import { CHILDMINDERS, givenListedChildminder, namesOf } from '../childminders/support';
import { CALENDAR_SYNC, connectGoogle, consentOnGoogle } from './support';

jest.setTimeout(90_000);

const CALENDAR = '/api/dashboard/childminder/calendar';

describe('A childminder keeps her Google Calendar in step with Childminder Connect', () => {
  let api: TestApp;
  let google: GoogleFake;

  beforeAll(async () => {
    google = await GoogleFake.start();
    api = await startTestApp(google.env());
  });
  afterAll(async () => {
    await api?.close();
    await google?.close();
  });

  const status = (user: { auth: Record<string, string> }) => api.http().get(`${CALENDAR_SYNC}/status`).set(user.auth);
  const syncNow = (user: { auth: Record<string, string> }) => api.http().post(`${CALENDAR_SYNC}/sync`).set(user.auth);
  const calendarOf = (email: string) => google.calendarsOf(email).find((c) => c.summary === 'Childminder Connect');

  it('connects with the state bound to her browser: the tokens are stored sealed, never readable', async () => {
    const minder = await givenChildminder(api, { name: 'Gwen Connect' });
    const account = GoogleFake.account('gwen');
    expect((await status(minder)).body).toMatchObject({ state: 'not_connected', configured: true, connected: false });

    await connectGoogle(api, google, minder, account);

    const after = await status(minder);
    expect(after.body).toMatchObject({
      state: 'connected',
      connected: true,
      googleEmail: account.email,
      calendar: null,
      readsBusyTime: true,
    });
    const row = await api.dataSource.getRepository(CalendarConnection).findOneByOrFail({ userId: minder.user.id });
    const raw = JSON.stringify(row);
    expect(raw).not.toMatch(/ya29\.|1\/\//);
    expect(row.accessTokenSealed).toMatch(/^v1\./);
    expect(row.refreshTokenSealed).toMatch(/^v1\./);
  });

  it('refuses a callback whose state is not the one in this browser, and a replayed one', async () => {
    const minder = await givenChildminder(api, { name: 'Hana State', open: false });
    const mine = await consentOnGoogle(api, google, minder, GoogleFake.account('hana'));
    const other = await consentOnGoogle(api, google, minder, GoogleFake.account('mallory'));

    // Another request's answer brought to this browser (login CSRF): refused with a clear page.
    const mismatch = await api.http().get(other.callbackPath).set('Cookie', mine.cookie);
    expect(mismatch.status).toBe(400);
    expect(mismatch.headers['content-type']).toMatch(/text\/html/);
    expect(mismatch.text).toContain('This Google Calendar link is not valid');
    const noCookie = await api.http().get(mine.callbackPath);
    expect(noCookie.status).toBe(400);
    expect((await status(minder)).body.state).toBe('not_connected');

    const first = await api.http().get(mine.callbackPath).set('Cookie', mine.cookie);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('http://localhost:4200/account/calendar?google=connected');

    const replay = await api.http().get(mine.callbackPath).set('Cookie', mine.cookie);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('has been used or has expired');
  });

  it('pushes availability and confirmed bookings to a "Childminder Connect" calendar once, then only changes', async () => {
    const minder = await givenChildminder(api, { name: 'Iris Push', open: false });
    const account = GoogleFake.account('iris');
    await connectGoogle(api, google, minder, account);
    const added = await api
      .http()
      .post(AVAILABILITY)
      .set(minder.auth)
      .send({
        startsAt: ukAt(1, '08:00'),
        endsAt: ukAt(1, '18:00'),
        type: 'available',
        title: 'Tuesdays',
        recurrence: 'FREQ=WEEKLY;COUNT=3',
      });
    expect(added.status).toBe(201);
    const parent = await givenPlusParent(api, 'Nadia');
    const child = await givenChild(api, parent, 'Ola', bornAgo({ years: 3 }));
    const requested = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(1, '09:00'),
      endsAt: ukAt(1, '12:00'),
    });
    expect(requested.status).toBe(201);
    // A request is not on her Google Calendar until she confirms it.
    const first = await syncNow(minder);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 3, updated: 0, deleted: 0, failed: 0, busyTimes: 0 });
    expect((await answer(api, minder, requested.body.id, { action: 'confirm' })).status).toBe(200);

    const second = await syncNow(minder);
    expect(second.body).toMatchObject({ created: 1, updated: 0, deleted: 0, failed: 0 });
    const calendar = calendarOf(account.email)!;
    expect(calendar).toBeDefined();
    const events = google.eventsOf(calendar.id);
    expect(events).toHaveLength(4);
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Available: Tuesdays',
      'Available: Tuesdays',
      'Available: Tuesdays',
      'Nadia Shah (1 child)',
    ]);
    const booking = events.find((e) => e.summary === 'Nadia Shah (1 child)')!;
    expect(booking.start).toEqual({ dateTime: new Date(ukAt(1, '09:00')).toISOString(), timeZone: UK });
    const links = await api.dataSource.getRepository(CalendarEventLink).findBy({ userId: minder.user.id });
    expect(links.map((l) => l.googleEventId).sort()).toEqual(events.map((e) => e.id).sort());

    const third = await syncNow(minder);
    expect(third.body).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: 0 });
    expect(google.eventsOf(calendar.id)).toHaveLength(4);

    const state = await status(minder);
    expect(state.body).toMatchObject({
      calendar: { id: calendar.id, name: 'Childminder Connect' },
      lastSyncResult: { created: 0, updated: 0, deleted: 0, failed: 0 },
      lastError: null,
      nextRetryAt: null,
    });

    // Renaming the series updates its events; deleting it deletes them.
    const blockId = added.body.id as string;
    const renamed = await api
      .http()
      .put(`${AVAILABILITY}/${blockId}`)
      .set(minder.auth)
      .send({
        startsAt: ukAt(1, '08:00'),
        endsAt: ukAt(1, '18:00'),
        type: 'available',
        title: 'Tuesday care',
        recurrence: 'FREQ=WEEKLY;COUNT=3',
      });
    expect(renamed.status).toBe(200);
    expect((await syncNow(minder)).body).toMatchObject({ created: 0, updated: 3, deleted: 0, failed: 0 });
    expect(google.eventsOf(calendar.id).filter((e) => e.summary === 'Available: Tuesday care')).toHaveLength(3);

    expect((await api.http().delete(`${AVAILABILITY}/${blockId}`).set(minder.auth)).status).toBe(204);
    expect((await syncNow(minder)).body).toMatchObject({ created: 0, updated: 0, deleted: 3, failed: 0 });
    expect(google.eventsOf(calendar.id).map((e) => e.summary)).toEqual(['Nadia Shah (1 child)']);

    // The parent cancels: the booking leaves her Google Calendar.
    const cancelled = await api
      .http()
      .delete(`/api/dashboard/parent/bookings/${requested.body.id}`)
      .set(parent.auth)
      .send({ reason: 'Plans changed' });
    expect(cancelled.status).toBe(200);
    expect((await syncNow(minder)).body).toMatchObject({ deleted: 1, failed: 0 });
    expect(google.eventsOf(calendar.id)).toEqual([]);
  });

  it('retries a push that failed, with backoff, from the scheduled job', async () => {
    const minder = await givenChildminder(api, { name: 'Jade Retry', open: false });
    const account = GoogleFake.account('jade');
    await connectGoogle(api, google, minder, account);
    await api
      .http()
      .post(AVAILABILITY)
      .set(minder.auth)
      .send({ startsAt: ukAt(2, '09:00'), endsAt: ukAt(2, '15:00'), type: 'unavailable', title: 'Dentist' });
    google.failNext('events.insert', 1, 503);

    const failed = await syncNow(minder);
    expect(failed.body).toMatchObject({ created: 0, failed: 1 });
    const afterFailure = await status(minder);
    expect(afterFailure.body.lastError).toMatch(/503/);
    expect(afterFailure.body.nextRetryAt).not.toBeNull();
    const retryAt = new Date(afterFailure.body.nextRetryAt as string);

    const jobs = api.app.get(CalendarSyncJobs);
    const calendarId = calendarOf(account.email)!.id;
    // Not yet due: the job leaves her calendar alone.
    await jobs.push(new Date(+retryAt - 1000));
    expect(google.eventsOf(calendarId)).toEqual([]);
    const retried = await jobs.push(retryAt);
    expect(retried.created).toBeGreaterThanOrEqual(1);
    expect(google.eventsOf(calendarId).map((e) => e.summary)).toEqual(['Time off: Dentist']);
    expect((await status(minder)).body).toMatchObject({ lastError: null, nextRetryAt: null });
  });

  it('reads her Google busy time: it blocks a booking request, shows on her calendar and hides her from a search', async () => {
    const minder = await api.given.signedIn(Role.Childminder, { firstName: 'Kit', postcode: 'HS6 5AA' });
    const tag = `Kit ${Date.now().toString(36)}`;
    const profile = await givenListedChildminder(
      api,
      { displayName: tag, postcode: 'HS6 5AA', hourlyRatePence: 600 },
      minder,
    );
    const monday = DateTime.now().setZone(UK).startOf('week').plus({ weeks: 1 });
    const weekly = await api
      .http()
      .post(AVAILABILITY)
      .set(minder.auth)
      .send({
        startsAt: monday.minus({ weeks: 1 }).set({ hour: 8 }).toISO(),
        endsAt: monday.minus({ weeks: 1 }).set({ hour: 18 }).toISO(),
        type: 'available',
        title: 'Weekdays',
        recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      });
    expect(weekly.status).toBe(201);
    const search = () =>
      api
        .http()
        .get(`${CHILDMINDERS}/search`)
        .query({ postcode: 'HS6 5AA', radiusMiles: 5, days: 'monday', from: '09:00', to: '12:00', pageSize: 100 });
    expect(namesOf((await search()).body)).toContain(tag);

    const account = GoogleFake.account('kit');
    // Every Monday morning of the weeks a search looks at, she is busy in Google.
    const everyMonday = (from: number, to: number) =>
      [0, 1, 2, 3, 4].map((w) => ({
        start: monday.plus({ weeks: w }).set({ hour: from, minute: 30 }).toJSDate(),
        end: monday.plus({ weeks: w }).set({ hour: to }).toJSDate(),
      }));
    google.setBusy(account.email, everyMonday(9, 11));
    await connectGoogle(api, google, minder, account);
    const synced = await syncNow(minder);
    expect(synced.body).toMatchObject({ busyTimes: 5, failed: 0 });

    expect(namesOf((await search()).body)).not.toContain(tag);

    const parent = await givenPlusParent(api, 'Lena');
    const child = await givenChild(api, parent, 'Milo', bornAgo({ years: 3 }));
    const refused = await requestBooking(api, parent, {
      childminderId: profile.id,
      childIds: [child],
      startsAt: monday.set({ hour: 10 }).toISO()!,
      endsAt: monday.set({ hour: 12 }).toISO()!,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BOOKING_DURING_TIME_OFF');
    const afternoon = await requestBooking(api, parent, {
      childminderId: profile.id,
      childIds: [child],
      startsAt: monday.set({ hour: 13 }).toISO()!,
      endsAt: monday.set({ hour: 15 }).toISO()!,
    });
    expect(afternoon.status).toBe(201);

    const day = await api
      .http()
      .get(CALENDAR)
      .query({ from: monday.toISODate(), to: monday.plus({ days: 1 }).toISODate() })
      .set(minder.auth);
    const busy = day.body.events.filter((e: { kind: string }) => e.kind === 'google_busy');
    expect(busy).toEqual([
      expect.objectContaining({
        title: 'Busy (Google Calendar)',
        startsAt: monday.set({ hour: 9, minute: 30 }).toUTC().toISO(),
        endsAt: monday.set({ hour: 11 }).toUTC().toISO(),
      }),
    ]);
    // Her Google busy time is not hers to edit here, and is never pushed back to Google.
    const edit = await api.http().delete(`${AVAILABILITY}/${busy[0].blockId}`).set(minder.auth);
    expect(edit.status).toBe(409);
    expect(google.eventsOf(calendarOf(account.email)!.id).some((e) => e.summary?.includes('Busy'))).toBe(false);

    // Freed in Google: the next read (the 15-minute job) lets her be found again.
    google.setBusy(account.email, []);
    const pulled = await api.app.get(CalendarSyncJobs).pull(new Date(Date.now() + 20 * 60_000));
    expect(pulled.failed).toBe(0);
    expect(namesOf((await search()).body)).toContain(tag);

    // Disconnecting removes what was read from Google.
    google.setBusy(account.email, everyMonday(10, 11));
    await syncNow(minder);
    expect(namesOf((await search()).body)).not.toContain(tag);
    expect((await api.http().delete(CALENDAR_SYNC).set(minder.auth)).status).toBe(204);
    expect(namesOf((await search()).body)).toContain(tag);
    expect((await status(minder)).body.state).toBe('not_connected');
  });

  it('shows "reconnect needed" when she removed the access in her Google account', async () => {
    const minder = await givenChildminder(api, { name: 'Lola Revoked', open: false });
    const account = GoogleFake.account('lola');
    await connectGoogle(api, google, minder, account);
    google.revokeAccess(account.email);
    google.expireAccessTokens();

    const sync = await syncNow(minder);
    expect(sync.status).toBe(409);
    expect(sync.body.code).toBe('CALENDAR_SYNC_RECONNECT_NEEDED');
    const after = await status(minder);
    expect(after.body).toMatchObject({ state: 'reconnect_needed', connected: false, googleEmail: account.email });
    expect(after.body.lastError).toMatch(/Connect again/);

    // Connecting again brings it back.
    await connectGoogle(api, google, minder, account);
    expect((await status(minder)).body.state).toBe('connected');
    expect((await syncNow(minder)).status).toBe(200);
  });

  it('a parent connects and gets only her confirmed bookings; she may choose another calendar', async () => {
    const minder = await givenChildminder(api, { name: 'Mia Minder' });
    const parent = await givenPlusParent(api, 'Olive');
    const account = GoogleFake.account('olive');
    await connectGoogle(api, google, parent, account);
    const child = await givenChild(api, parent, 'Pip', bornAgo({ years: 2 }));
    const requested = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(3, '09:00'),
      endsAt: ukAt(3, '11:00'),
    });
    await answer(api, minder, requested.body.id, { action: 'confirm' });

    const synced = await syncNow(parent);
    expect(synced.body).toEqual({ created: 1, updated: 0, deleted: 0, failed: 0, busyTimes: null });
    expect(google.eventsOf(calendarOf(account.email)!.id).map((e) => e.summary)).toEqual(['Care with Mia Minder']);

    const calendars = await api.http().get(`${CALENDAR_SYNC}/calendars`).set(parent.auth);
    expect(calendars.status).toBe(200);
    const primary = calendars.body.find((c: { primary: boolean }) => c.primary);
    expect(primary).toMatchObject({ id: account.email });
    const unknown = await api.http().put(`${CALENDAR_SYNC}/calendar`).set(parent.auth).send({ calendarId: 'nope' });
    expect(unknown.status).toBe(404);
    const chosen = await api.http().put(`${CALENDAR_SYNC}/calendar`).set(parent.auth).send({ calendarId: primary.id });
    expect(chosen.body.calendar).toEqual({ id: account.email, name: account.email });

    // The event moves: deleted from the old calendar, created on the chosen one.
    expect((await syncNow(parent)).body).toMatchObject({ created: 1, deleted: 1, failed: 0 });
    expect(google.eventsOf(account.email).map((e) => e.summary)).toEqual(['Care with Mia Minder']);
    expect(google.eventsOf(calendarOf(account.email)!.id)).toEqual([]);
  });
});

describe('Google Calendar without Google keys', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  it('says it is not configured', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const state = await api.http().get(`${CALENDAR_SYNC}/status`).set(parent.auth);
    expect(state.body).toMatchObject({ state: 'not_configured', configured: false, connected: false });
    const start = await api.http().get(`${CALENDAR_SYNC}/auth`).set(parent.auth);
    expect(start.status).toBe(409);
    expect(start.body.code).toBe('CALENDAR_SYNC_NOT_CONFIGURED');
  });
});
