import { startTestApp, TestApp } from '../../support/test-app';
import { bornAgo, givenChild, givenChildminder, givenPlusParent, requestBooking, ukAt } from '../bookings/support';

jest.setTimeout(60_000);

const SCHEDULE = '/api/user/last-minute-schedule';

/**
 * A last-minute place is an offer of that time: a parent can book it even when the childminder's
 * usual availability does not cover it, but only the time offered.
 */
describe('Booking a last-minute place', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('a parent books the hours a childminder offered, outside her usual availability; an hour beyond them is refused', async () => {
    // Olivia keeps no availability calendar; today she has a free afternoon four days ahead.
    const minder = await givenChildminder(api, { name: 'Olivia Offers', open: false });
    const day = ukAt(4, '13:00').slice(0, 10);
    const published = await api
      .http()
      .post(SCHEDULE)
      .set(minder.auth)
      .send({ date: day, startTime: '13:00', endTime: '17:00', places: 1, ageGroups: ['toddler'] });
    expect(published.status).toBe(201);

    const parent = await givenPlusParent(api, 'Grace');
    const child = await givenChild(api, parent, 'Ivy', bornAgo({ years: 2 }));

    // Beyond the offered hours the usual rule applies, naming the time that is not open.
    const tooLong = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(4, '13:00'),
      endsAt: ukAt(4, '18:00'),
    });
    expect(tooLong.status).toBe(409);
    expect(tooLong.body.code).toBe('BOOKING_OUTSIDE_AVAILABILITY');
    expect(tooLong.body.message).toMatch(/Olivia Offers is not available on \w{3} \d{1,2} \w{3} 17:00-18:00/);

    const inside = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(4, '13:30'),
      endsAt: ukAt(4, '16:30'),
    });
    expect(inside.status).toBe(201);
    expect(inside.body.status).toBe('pending');

    // She confirms it: the checks at confirmation see the same offered time.
    const confirmed = await api
      .http()
      .patch(`/api/dashboard/childminder/bookings/${inside.body.id as string}`)
      .set(minder.auth)
      .send({ action: 'confirm' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
  });
});
