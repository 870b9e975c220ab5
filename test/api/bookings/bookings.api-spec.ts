import { Role } from '@app/common/auth/role';
import { formatUkRange } from '@app/modules/availability/time-ranges';
import { BookingsLifecycleJob } from '@app/modules/bookings/bookings-lifecycle.job';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { Booking, BookingStatus } from '@app/modules/bookings/entities/booking.entity';
import { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { RealtimeEventRow } from '@app/modules/realtime/entities/realtime-event.entity';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  answer,
  AVAILABILITY,
  bornAgo,
  givenChild,
  givenChildminder,
  givenPlusParent,
  MINDER_BOOKINGS,
  PARENT_BOOKINGS,
  requestBooking,
  ukAt,
} from './support';

jest.setTimeout(120_000);

const range = (start: string, end: string) => formatUkRange(new Date(start), new Date(end));

describe('A parent books care that the childminder can legally provide', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('a parent requests, the childminder confirms, the parent sees it in the calendar; emails go through the outbox', async () => {
    const minder = await givenChildminder(api, { name: 'Claire Hughes' });
    const parent = await givenPlusParent(api);
    const maya = await givenChild(api, parent, 'Maya', bornAgo({ years: 2 }), { allergies: 'Peanuts' });
    const leo = await givenChild(api, parent, 'Leo', bornAgo({ years: 4 }));
    const startsAt = ukAt(3, '09:00');
    const endsAt = ukAt(3, '12:30');

    const quote = await api
      .http()
      .post(`${PARENT_BOOKINGS}/quote`)
      .set(parent.auth)
      .send({ childminderId: minder.profile.id, childIds: [maya, leo], startsAt, endsAt, weeks: 2 });
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({ bookable: true, problems: [], totalHours: 7, priceEstimatePence: 650 * 7 * 2 });

    const requested = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [maya, leo],
      startsAt,
      endsAt,
      weeks: 2,
      notes: 'Maya naps after lunch',
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      status: 'pending',
      weeks: 2,
      totalHours: 7,
      hourlyRatePence: 650,
      priceEstimatePence: 9100, // 650p x 7 h x 2 children
      notes: 'Maya naps after lunch',
      childminder: { profileId: minder.profile.id, userId: minder.user.id, displayName: 'Claire Hughes' },
      parent: { id: parent.user.id, firstName: 'Priya' },
      allowedActions: ['modify', 'cancel'],
    });
    expect(requested.body.sessions).toHaveLength(2);
    expect(requested.body.children.map((c: { firstName: string }) => c.firstName).sort()).toEqual(['Leo', 'Maya']);
    const id = requested.body.id as string;

    const request = await api.outbox.latest(minder.email, 'booking-requested');
    expect(request.subject).toBe('New booking request from Priya Shah');
    expect(request.text).toContain(`Estimated price: £91.00`);
    expect(request.text).toContain(`/childminder/bookings/${id}`);

    // Pending: the childminder sees names and age groups, not the children's health details.
    const pending = await api.http().get(`${MINDER_BOOKINGS}/${id}`).set(minder.auth);
    expect(pending.status).toBe(200);
    expect(pending.body.allowedActions).toEqual(['confirm', 'reject']);
    expect(pending.body.children.every((c: { details: unknown }) => c.details === null)).toBe(true);
    expect(pending.body.children.find((c: { firstName: string }) => c.firstName === 'Maya').ageGroup).toBe('toddler');

    const inbox = await api.http().get(`${MINDER_BOOKINGS}?status=pending`).set(minder.auth);
    expect(inbox.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });

    const confirmed = await answer(api, minder, id, { action: 'confirm' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.children.find((c: { firstName: string }) => c.firstName === 'Maya').details).toMatchObject({
      allergies: 'Peanuts',
    });
    expect((await api.outbox.latest(parent.email, 'booking-confirmed')).subject).toBe(
      'Claire Hughes confirmed your booking',
    );
    const feed = await api.dataSource.getRepository(Notification).find({ where: { userId: parent.user.id } });
    expect(feed.map((n) => n.type)).toContain('booking.confirmed');
    // Both sides' live clients hear about it.
    for (const user of [parent.user.id, minder.user.id]) {
      const events = await api.dataSource
        .getRepository(RealtimeEventRow)
        .find({ where: { userId: user, type: 'booking.updated' } });
      expect(events.map((e) => JSON.parse(e.payload).booking)).toContainEqual(
        expect.objectContaining({ id, status: 'confirmed' }),
      );
    }

    const calendar = await api
      .http()
      .get(
        `/api/dashboard/parent/calendar?from=${encodeURIComponent(ukAt(0, '00:00'))}&to=${encodeURIComponent(ukAt(14, '00:00'))}`,
      )
      .set(parent.auth);
    expect(calendar.status).toBe(200);
    expect(calendar.body.timeZone).toBe('Europe/London');
    expect(calendar.body.events).toEqual([
      expect.objectContaining({
        kind: 'booking',
        bookingId: id,
        status: 'confirmed',
        title: 'Care with Claire Hughes',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        recurring: true,
      }),
      expect.objectContaining({ bookingId: id, startsAt: new Date(ukAt(10, '09:00')).toISOString() }),
    ]);

    const minderCalendar = await api
      .http()
      .get(
        `/api/dashboard/childminder/calendar?from=${ukAt(3, '00:00').slice(0, 10)}&to=${ukAt(4, '00:00').slice(0, 10)}`,
      )
      .set(minder.auth);
    expect(minderCalendar.status).toBe(200);
    expect(minderCalendar.body.events.map((e: { kind: string }) => e.kind)).toEqual(['available', 'booking']);
    expect(minderCalendar.body.events[1].title).toBe('Priya Shah (2 children)');

    const parentStats = await api.http().get('/api/dashboard/parent/stats').set(parent.auth);
    expect(parentStats.body).toEqual({
      upcomingBookings: 1,
      pendingRequests: 0,
      childrenCount: 2,
      unreadMessages: 0,
      subscription: { planKey: 'parent_plus', status: 'active' },
    });
    const minderStats = await api.http().get('/api/dashboard/childminder/stats').set(minder.auth);
    expect(minderStats.body).toMatchObject({
      upcomingBookings: 1,
      pendingRequests: 0,
      childrenCount: 2,
      profileComplete: true,
      subscription: { planKey: 'childminder_listed', status: 'free' },
    });
    expect(minderStats.body.profileCompleteness).toBeGreaterThan(0);

    // Confirmed: times can no longer be changed by the parent, who cancels instead.
    const change = await api.http().patch(`${PARENT_BOOKINGS}/${id}`).set(parent.auth).send({ notes: 'New note' });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('BOOKING_INVALID_TRANSITION');
    const cancelled = await api
      .http()
      .delete(`${PARENT_BOOKINGS}/${id}`)
      .set(parent.auth)
      .send({ reason: 'We are moving house' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'parent',
      statusReason: 'We are moving house',
    });
    const told = await api.outbox.latest(minder.email, 'booking-cancelled');
    expect(told.text).toContain('was cancelled by Priya Shah');
    expect(told.text).toContain('Reason: We are moving house');
  });

  it('a childminder may write first to a parent once she has confirmed a booking with her', async () => {
    const minder = await givenChildminder(api);
    const parent = await givenPlusParent(api);
    const child = await givenChild(api, parent, 'Maya', bornAgo({ years: 2 }));
    const send = () =>
      api
        .http()
        .post('/api/dashboard/childminder/messages/send')
        .set(minder.auth)
        .send({ recipientId: parent.user.id, text: 'Looking forward to meeting Maya!' });
    const id = (
      await requestBooking(api, parent, {
        childminderId: minder.profile.id,
        childIds: [child],
        startsAt: ukAt(5, '09:00'),
        endsAt: ukAt(5, '12:00'),
      })
    ).body.id as string;
    // A request alone is not enough.
    expect((await send()).body.code).toBe('CONVERSATION_START_NOT_ALLOWED');
    expect((await answer(api, minder, id, { action: 'confirm' })).status).toBe(200);
    const first = await send();
    expect(first.status).toBe(201);
    const inbox = await api.http().get('/api/dashboard/parent/messages').set(parent.auth);
    expect(inbox.body.items[0]).toMatchObject({
      otherParty: { id: minder.user.id },
      lastMessage: { text: 'Looking forward to meeting Maya!' },
    });
  });

  it('a DELETE without a body cancels: the reason is optional, or given as ?reason=', async () => {
    const minder = await givenChildminder(api);
    const parent = await givenPlusParent(api);
    const admin = await api.given.signedIn(Role.Admin);
    const child = await givenChild(api, parent, 'Maya', bornAgo({ years: 2 }));
    const request = (day: number) =>
      requestBooking(api, parent, {
        childminderId: minder.profile.id,
        childIds: [child],
        startsAt: ukAt(day, '09:00'),
        endsAt: ukAt(day, '12:00'),
      });
    const first = (await request(5)).body.id as string;
    const bare = await api.http().delete(`${PARENT_BOOKINGS}/${first}`).set(parent.auth);
    expect(bare.status).toBe(200);
    expect(bare.body).toMatchObject({ status: 'cancelled', cancelledBy: 'parent', statusReason: null });
    expect((await api.outbox.latest(minder.email, 'booking-cancelled')).text).toContain('No reason was given.');

    const second = (await request(6)).body.id as string;
    const byQuery = await api
      .http()
      .delete(`/api/admin/bookings/${second}`)
      .query({ reason: 'Duplicate request' })
      .set(admin.auth);
    expect(byQuery.status).toBe(200);
    expect(byQuery.body).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'admin',
      statusReason: 'Duplicate request',
    });
    const tooShort = await api.http().delete(`${PARENT_BOOKINGS}/${second}`).query({ reason: 'x' }).set(parent.auth);
    expect(tooShort.status).toBe(400);
  });

  it("an admin's notes and action stand or fall together: a refused action leaves the notes as they were", async () => {
    const minder = await givenChildminder(api);
    const parent = await givenPlusParent(api);
    const admin = await api.given.signedIn(Role.Admin);
    const child = await givenChild(api, parent, 'Maya', bornAgo({ years: 2 }));
    const created = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(5, '09:00'),
      endsAt: ukAt(5, '12:00'),
      notes: 'Maya naps after lunch',
    });
    const id = created.body.id as string;
    expect((await api.http().delete(`${PARENT_BOOKINGS}/${id}`).set(parent.auth)).status).toBe(200);
    const audited = () => api.dataSource.getRepository(AuditEntry).count({ where: { subjectId: id } });
    const auditedBefore = await audited();

    // Confirming a cancelled booking is refused: the notes sent with it are not kept either.
    const refused = await api
      .http()
      .patch(`/api/admin/bookings/${id}`)
      .set(admin.auth)
      .send({ notes: 'Parent phoned: gate code 1234', action: 'confirm' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BOOKING_INVALID_TRANSITION');
    const row = await api.dataSource.getRepository(Booking).findOneByOrFail({ id });
    expect(row).toMatchObject({ notes: 'Maya naps after lunch', status: BookingStatus.Cancelled });
    expect(await audited()).toBe(auditedBefore);

    // A refused cancellation writes no audit entry either.
    const again = await api.http().delete(`/api/admin/bookings/${id}`).set(admin.auth).send({ reason: 'Twice' });
    expect(again.status).toBe(409);
    expect(await audited()).toBe(auditedBefore);
  });

  it('a parent on the free plan is asked to upgrade', async () => {
    const minder = await givenChildminder(api);
    const parent = await api.given.signedIn(Role.Parent);
    const child = await givenChild(api, parent, 'Maya', bornAgo({ years: 2 }));
    const response = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(3, '09:00'),
      endsAt: ukAt(3, '12:00'),
    });
    expect(response.status).toBe(402);
    expect(response.body.message).toMatch(/Upgrade to Plus/);
    expect(await api.dataSource.getRepository(Booking).count({ where: { parentId: parent.user.id } })).toBe(0);
  });

  it('refuses what capacity does not allow, naming the rule and the time', async () => {
    const minder = await givenChildminder(api, { capacity: { under1: 1 } });
    const parentA = await givenPlusParent(api);
    const parentB = await givenPlusParent(api);
    const babyA = await givenChild(api, parentA, 'Ava', bornAgo({ months: 6 }));
    const babyB = await givenChild(api, parentB, 'Ben', bornAgo({ months: 4 }));

    const first = await requestBooking(api, parentA, {
      childminderId: minder.profile.id,
      childIds: [babyA],
      startsAt: ukAt(4, '09:00'),
      endsAt: ukAt(4, '12:00'),
    });
    expect(first.status).toBe(201);
    // A pending request holds no place: parent B may still ask...
    const second = await requestBooking(api, parentB, {
      childminderId: minder.profile.id,
      childIds: [babyB],
      startsAt: ukAt(4, '10:00'),
      endsAt: ukAt(4, '13:00'),
    });
    expect(second.status).toBe(201);
    // ...but once A is confirmed, B cannot be, and a new request is refused at once.
    expect((await answer(api, minder, first.body.id, { action: 'confirm' })).status).toBe(200);
    const expected = `Only 1 place for under-1s on ${range(ukAt(4, '10:00'), ukAt(4, '12:00'))}`;
    const refusedConfirmation = await answer(api, minder, second.body.id, { action: 'confirm' });
    expect(refusedConfirmation.status).toBe(409);
    expect(refusedConfirmation.body).toMatchObject({ code: 'BOOKING_OVER_CAPACITY', message: expected });
    // (A twin, not Ben: Ben's own pending request would also be named as a clash.)
    const twin = await givenChild(api, parentB, 'Bella', bornAgo({ months: 4 }));
    const refusedRequest = await requestBooking(api, parentB, {
      childminderId: minder.profile.id,
      childIds: [twin],
      startsAt: ukAt(4, '11:00'),
      endsAt: ukAt(4, '14:00'),
    });
    expect(refusedRequest.status).toBe(409);
    expect(refusedRequest.body.message).toBe(
      `Only 1 place for under-1s on ${range(ukAt(4, '11:00'), ukAt(4, '12:00'))}`,
    );
    expect(refusedRequest.body.details).toEqual([
      { field: 'childIds', message: expect.stringMatching(/^only 1 place/) },
    ]);

    // The childminder's own children count against the same limits.
    const busy = await givenChildminder(api, { name: 'Dana Moss', ownChildren: [bornAgo({ months: 8 })] });
    const own = await requestBooking(api, parentB, {
      childminderId: busy.profile.id,
      childIds: [babyB],
      startsAt: ukAt(5, '09:00'),
      endsAt: ukAt(5, '12:00'),
    });
    expect(own.status).toBe(409);
    expect(own.body.message).toBe(`Only 1 place for under-1s on ${range(ukAt(5, '09:00'), ukAt(5, '12:00'))}`);
  });

  it('refuses time outside availability, during time off, a child booked twice, and bad input', async () => {
    const minder = await givenChildminder(api, { name: 'Erin Blake' });
    const other = await givenChildminder(api, { name: 'Fran Cole' });
    const parent = await givenPlusParent(api);
    const child = await givenChild(api, parent, 'Maya', bornAgo({ years: 3 }));
    const body = { childminderId: minder.profile.id, childIds: [child] };

    const late = await requestBooking(api, parent, { ...body, startsAt: ukAt(6, '17:00'), endsAt: ukAt(6, '20:00') });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'BOOKING_OUTSIDE_AVAILABILITY',
      message: `Erin Blake is not available on ${range(ukAt(6, '19:00'), ukAt(6, '20:00'))}`,
    });

    const off = await api
      .http()
      .post(AVAILABILITY)
      .set(minder.auth)
      .send({ startsAt: ukAt(7, '12:00'), endsAt: ukAt(7, '14:00'), type: 'unavailable', title: 'Dentist' });
    expect(off.status).toBe(201);
    const duringOff = await requestBooking(api, parent, {
      ...body,
      startsAt: ukAt(7, '09:00'),
      endsAt: ukAt(7, '13:00'),
    });
    expect(duringOff.status).toBe(409);
    expect(duringOff.body.message).toBe(
      `Erin Blake is unavailable (Dentist) on ${range(ukAt(7, '12:00'), ukAt(7, '13:00'))}`,
    );

    expect(
      (await requestBooking(api, parent, { ...body, startsAt: ukAt(8, '09:00'), endsAt: ukAt(8, '12:00') })).status,
    ).toBe(201);
    const twice = await requestBooking(api, parent, {
      childminderId: other.profile.id,
      childIds: [child],
      startsAt: ukAt(8, '11:00'),
      endsAt: ukAt(8, '15:00'),
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe(`Maya is already booked on ${range(ukAt(8, '09:00'), ukAt(8, '12:00'))}`);

    const past = await requestBooking(api, parent, { ...body, startsAt: ukAt(-1, '09:00'), endsAt: ukAt(-1, '12:00') });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('BOOKING_INVALID_TIMES');
    const long = await requestBooking(api, parent, { ...body, startsAt: ukAt(9, '06:00'), endsAt: ukAt(9, '19:00') });
    expect(long.body.message).toBe('A session lasts at most 12 hours');
    const unknown = await api
      .http()
      .post(`${PARENT_BOOKINGS}/create`)
      .set(parent.auth)
      .send({ ...body, startsAt: ukAt(9, '09:00'), endsAt: ukAt(9, '12:00'), price: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'price', message: 'price is not an accepted field' }]);
    const badTime = await requestBooking(api, parent, { ...body, startsAt: 'tomorrow', endsAt: ukAt(9, '12:00') });
    expect(badTime.status).toBe(400);
    expect(badTime.body.details[0].field).toBe('startsAt');

    const strangers = await givenPlusParent(api);
    const foreignChild = await requestBooking(api, strangers, {
      ...body,
      startsAt: ukAt(9, '09:00'),
      endsAt: ukAt(9, '12:00'),
    });
    expect(foreignChild.status).toBe(404);
    expect(foreignChild.body.code).toBe('BOOKING_CHILD_NOT_FOUND');
  });

  it('keeps bookings private: another parent or childminder gets 404', async () => {
    const minderA = await givenChildminder(api);
    const minderB = await givenChildminder(api, { name: 'Gina Hart' });
    const parentA = await givenPlusParent(api);
    const parentB = await givenPlusParent(api);
    const child = await givenChild(api, parentA, 'Maya', bornAgo({ years: 2 }));
    const created = await requestBooking(api, parentA, {
      childminderId: minderA.profile.id,
      childIds: [child],
      startsAt: ukAt(3, '13:00'),
      endsAt: ukAt(3, '16:00'),
    });
    const id = created.body.id as string;
    expect((await api.http().get(`${PARENT_BOOKINGS}/${id}`).set(parentB.auth)).status).toBe(404);
    expect(
      (await api.http().delete(`${PARENT_BOOKINGS}/${id}`).set(parentB.auth).send({ reason: 'Not mine' })).status,
    ).toBe(404);
    expect((await api.http().get(`${MINDER_BOOKINGS}/${id}`).set(minderB.auth)).status).toBe(404);
    expect((await answer(api, minderB, id, { action: 'confirm' })).status).toBe(404);
    expect((await api.http().get(MINDER_BOOKINGS).set(minderB.auth)).body.total).toBe(0);
    expect((await api.http().get(PARENT_BOOKINGS).set(parentB.auth)).body.total).toBe(0);

    // Admins see everything, and their read of the children's details is audited.
    const admin = await api.given.signedIn(Role.Admin);
    const adminRead = await api.http().get(`/api/admin/bookings/${id}`).set(admin.auth);
    expect(adminRead.status).toBe(200);
    expect(adminRead.body.children[0].details).not.toBeNull();
    const filtered = await api
      .http()
      .get(`/api/admin/bookings?parentId=${parentA.user.id}&status=pending`)
      .set(admin.auth);
    expect(filtered.body).toMatchObject({ total: 1, items: [{ id }] });
    const adminNotes = await api
      .http()
      .patch(`/api/admin/bookings/${id}`)
      .set(admin.auth)
      .send({ notes: 'Parent phoned: gate code 1234' });
    expect(adminNotes.body).toMatchObject({ status: 'pending', notes: 'Parent phoned: gate code 1234' });
    const adminCancel = await api
      .http()
      .delete(`/api/admin/bookings/${id}`)
      .set(admin.auth)
      .send({ reason: 'Duplicate request' });
    expect(adminCancel.body).toMatchObject({ status: 'cancelled', cancelledBy: 'admin' });
    expect((await api.outbox.latest(parentA.email, 'booking-cancelled')).text).toContain(
      'the Childminder Connect team',
    );
  });

  it('the parent changes a pending request; the childminder rejects it with a reason', async () => {
    const minder = await givenChildminder(api);
    const parent = await givenPlusParent(api);
    const child = await givenChild(api, parent, 'Maya', bornAgo({ years: 2 }));
    const created = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(5, '09:00'),
      endsAt: ukAt(5, '12:00'),
    });
    const id = created.body.id as string;
    const moved = await api
      .http()
      .patch(`${PARENT_BOOKINGS}/${id}`)
      .set(parent.auth)
      .send({ startsAt: ukAt(5, '13:00'), endsAt: ukAt(5, '15:00'), notes: 'Afternoon instead' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ totalHours: 2, priceEstimatePence: 1300, notes: 'Afternoon instead' });
    expect((await api.outbox.latest(minder.email, 'booking-changed')).subject).toBe(
      'Priya Shah changed a booking request',
    );
    const outside = await api
      .http()
      .patch(`${PARENT_BOOKINGS}/${id}`)
      .set(parent.auth)
      .send({ endsAt: ukAt(5, '20:00') });
    expect(outside.status).toBe(409);

    // A child in a pending request cannot be removed until the request is over.
    const removeChild = () => api.http().delete(`/api/dashboard/parent/children/${child}`).set(parent.auth);
    const blocked = await removeChild();
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({
      code: 'CHILD_HAS_ACTIVE_BOOKINGS',
      message: 'Maya has a pending or confirmed booking. Cancel it before removing Maya.',
    });

    const noReason = await answer(api, minder, id, { action: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const rejected = await answer(api, minder, id, { action: 'reject', reason: 'Full that afternoon' });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      statusReason: 'Full that afternoon',
      allowedActions: [],
    });
    expect((await api.outbox.latest(parent.email, 'booking-rejected')).text).toContain('Reason: Full that afternoon');
    const again = await answer(api, minder, id, { action: 'confirm' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Only a pending request can be confirmed; this booking is rejected');
    expect((await removeChild()).status).toBe(204);
  });

  it('a childminder cancels a confirmed booking with a reason; the parent is told', async () => {
    const minder = await givenChildminder(api, { name: 'Hana Lee' });
    const parent = await givenPlusParent(api);
    const child = await givenChild(api, parent, 'Maya', bornAgo({ years: 2 }));
    const created = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(4, '09:00'),
      endsAt: ukAt(4, '12:00'),
    });
    const id = created.body.id as string;
    expect((await answer(api, minder, id, { action: 'cancel', reason: 'Too early' })).body.message).toBe(
      'Reject a pending request instead of cancelling it',
    );
    await answer(api, minder, id, { action: 'confirm' });
    const cancelled = await answer(api, minder, id, { action: 'cancel', reason: 'I am ill that day' });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'childminder',
      statusReason: 'I am ill that day',
    });
    const email = await api.outbox.latest(parent.email, 'booking-cancelled');
    expect(email.text).toContain('cancelled by Hana Lee');
    const listed = await api.http().get(`${PARENT_BOOKINGS}?status=cancelled`).set(parent.auth);
    expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([id]);
  });

  it('the lifecycle job expires, reminds once and completes', async () => {
    const minder = await givenChildminder(api);
    const parent = await givenPlusParent(api);
    const child = await givenChild(api, parent, 'Maya', bornAgo({ years: 2 }));
    const other = await givenChild(api, parent, 'Leo', bornAgo({ years: 4 }));
    const stale = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [other],
      startsAt: ukAt(6, '09:00'),
      endsAt: ukAt(6, '12:00'),
    });
    await api.dataSource
      .getRepository(Booking)
      .update(stale.body.id, { createdAt: new Date(Date.now() - 49 * 3_600_000) });
    const soon = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(2, '09:00'),
      endsAt: ukAt(2, '12:00'),
    });
    await answer(api, minder, soon.body.id, { action: 'confirm' });
    const job = api.app.get(BookingsLifecycleJob);

    const now = new Date();
    const first = await job.run(now);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await api.dataSource.getRepository(Booking).findOneByOrFail({ id: stale.body.id })).status).toBe(
      BookingStatus.Expired,
    );
    expect((await api.outbox.latest(parent.email, 'booking-expired')).subject).toBe('Your booking request expired');

    const dayBefore = new Date(+new Date(soon.body.startsAt) - 23 * 3_600_000);
    await job.run(dayBefore);
    await job.run(new Date(+dayBefore + 60_000));
    const reminders = (await api.outbox.to(parent.email)).filter((e) => e.template === 'booking-reminder');
    expect(reminders).toHaveLength(1);
    expect((await api.outbox.to(minder.email)).filter((e) => e.template === 'booking-reminder')).toHaveLength(1);

    await job.run(new Date(+new Date(soon.body.endsAt) + 60_000));
    const done = await api.http().get(`${PARENT_BOOKINGS}/${soon.body.id}`).set(parent.auth);
    expect(done.body).toMatchObject({ status: 'completed', allowedActions: [] });
    // Finished: the childminder no longer sees the children's details.
    const minderView = await api.http().get(`${MINDER_BOOKINGS}/${soon.body.id}`).set(minder.auth);
    expect(minderView.body.children[0].details).toBeNull();
  });
});
