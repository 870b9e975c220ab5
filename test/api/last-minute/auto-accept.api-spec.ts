import { Booking, BookingStatus } from '@app/modules/bookings/entities/booking.entity';
import { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { RealtimeEventRow } from '@app/modules/realtime/entities/realtime-event.entity';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  bornAgo,
  givenChild,
  givenChildminder,
  givenCompletedBooking,
  givenPlusParent,
  Minder,
  requestBooking,
  ukAt,
} from '../bookings/support';

jest.setTimeout(60_000);

const SETTINGS = '/api/user/last-minute-settings';

/**
 * A childminder turns on "confirm requests automatically from families who've completed a
 * booking with me": a returning family's request is confirmed at once, a new family's and
 * (with the rule off) anyone's stays a request for the childminder to answer.
 */
describe('Auto-accept rule: returning families are confirmed at once', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const setRule = async (minder: Minder, on: boolean) => {
    const response = await api.http().patch(SETTINGS).set(minder.auth).send({ autoAcceptReturningFamilies: on });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ autoAccept: { autoAcceptReturningFamilies: on } });
  };
  /** A new request for a toddler, an afternoon `day` days ahead. */
  const requestAfternoon = async (minder: Minder, parent: SignedInUser, day: number) => {
    const child = await givenChild(api, parent, 'Leo', bornAgo({ years: 2 }));
    return requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(day, '13:00'),
      endsAt: ukAt(day, '16:00'),
    });
  };
  const emails = async (address: string, template: string) =>
    (await api.outbox.to(address)).filter((e) => e.template === template);

  it("confirms a returning family's request straight away: the parent hears it is confirmed, the childminder that it was automatic", async () => {
    const minder = await givenChildminder(api, { name: 'Rita Returning' });
    const parent = await givenPlusParent(api, 'Rosa');
    await givenCompletedBooking(api, minder, parent, 2);
    await setRule(minder, true);
    const requestsBefore = (await emails(minder.email, 'booking-requested')).length;

    const response = await requestAfternoon(minder, parent, 3);
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('confirmed');
    const stored = await api.dataSource.getRepository(Booking).findOneByOrFail({ id: response.body.id });
    expect(stored.status).toBe(BookingStatus.Confirmed);
    expect(stored.statusChangedAt).not.toBeNull();

    // The parent's confirmation is in the outbox, for this booking.
    const confirmed = await api.outbox.latest(parent.email, 'booking-confirmed');
    expect(confirmed.subject).toBe('Rita Returning confirmed your booking');
    expect(confirmed.text).toContain(`/parent/bookings/${response.body.id}`);
    // The childminder is not asked to answer; they are told it was confirmed for them.
    expect(await emails(minder.email, 'booking-requested')).toHaveLength(requestsBefore);
    const told = await api.outbox.latest(minder.email, 'booking-auto-confirmed');
    expect(told.subject).toBe('Booking from Rosa Shah confirmed automatically');
    expect(told.text).toContain(`/childminder/bookings/${response.body.id}`);

    const inApp = await api.dataSource
      .getRepository(Notification)
      .find({ where: { userId: parent.user.id, type: 'booking.confirmed' } });
    expect(inApp.map((n) => n.link)).toContain(`/parent/bookings/${response.body.id}`);
    for (const user of [parent.user.id, minder.user.id]) {
      const events = await api.dataSource
        .getRepository(RealtimeEventRow)
        .find({ where: { userId: user, type: 'booking.updated' } });
      expect(events.map((e) => JSON.parse(e.payload).booking)).toContainEqual(
        expect.objectContaining({ id: response.body.id, status: 'confirmed' }),
      );
    }
  });

  it('leaves a new family’s request pending for the childminder to answer', async () => {
    const minder = await givenChildminder(api, { name: 'Nina New' });
    await setRule(minder, true);
    const parent = await givenPlusParent(api, 'Nell');

    const response = await requestAfternoon(minder, parent, 3);
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('pending');
    expect((await api.outbox.latest(minder.email, 'booking-requested')).subject).toBe(
      'New booking request from Nell Shah',
    );
    expect(await emails(parent.email, 'booking-confirmed')).toHaveLength(0);
    expect(await emails(minder.email, 'booking-auto-confirmed')).toHaveLength(0);
  });

  it('with the rule off, a returning family’s request stays pending', async () => {
    const minder = await givenChildminder(api, { name: 'Olive Off' });
    const parent = await givenPlusParent(api, 'Oona');
    await givenCompletedBooking(api, minder, parent, 2);
    await setRule(minder, true);
    await setRule(minder, false);
    const confirmationsBefore = (await emails(parent.email, 'booking-confirmed')).length;

    const response = await requestAfternoon(minder, parent, 3);
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('pending');
    expect((await api.dataSource.getRepository(Booking).findOneByOrFail({ id: response.body.id })).status).toBe(
      BookingStatus.Pending,
    );
    expect(await emails(parent.email, 'booking-confirmed')).toHaveLength(confirmationsBefore);
    expect(await emails(minder.email, 'booking-auto-confirmed')).toHaveLength(0);
  });

  it('a returning family over the childminder’s capacity is refused as any request is, and nothing is confirmed', async () => {
    // One place for under-8s, taken by the first family's confirmed booking on that afternoon.
    const minder = await givenChildminder(api, { name: 'Carla Capacity', capacity: { under8: 1 } });
    await setRule(minder, true);
    const first = await givenPlusParent(api, 'Fay');
    const taken = await requestAfternoon(minder, first, 4);
    expect(taken.status).toBe(201);
    const confirm = await api
      .http()
      .patch(`/api/dashboard/childminder/bookings/${taken.body.id}`)
      .set(minder.auth)
      .send({ action: 'confirm' });
    expect(confirm.status).toBe(200);

    const returning = await givenPlusParent(api, 'Greta');
    await givenCompletedBooking(api, minder, returning, 2);
    const refused = await requestAfternoon(minder, returning, 4);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BOOKING_OVER_CAPACITY');
    expect(
      await api.dataSource
        .getRepository(Booking)
        .count({ where: { parentId: returning.user.id, status: BookingStatus.Confirmed } }),
    ).toBe(0);
  });
});
