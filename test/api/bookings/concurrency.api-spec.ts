import { Booking, BookingStatus } from '@app/modules/bookings/entities/booking.entity';
import { startTestApp, TestApp } from '../../support/test-app';
import { answer, bornAgo, givenChild, givenChildminder, givenPlusParent, requestBooking, ukAt } from './support';

jest.setTimeout(180_000);

const CONTENDERS = 50;

describe('Concurrent confirmations cannot overbook', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it(`of ${CONTENDERS} confirmations racing for the last place for an under-1, exactly one wins`, async () => {
    // Room for one baby; fifty families ask for the same morning, each with their own baby.
    const minder = await givenChildminder(api, { capacity: { under1: 1 } });
    const ids: string[] = [];
    for (let i = 0; i < CONTENDERS; i++) {
      const parent = await givenPlusParent(api, `Parent${i}`);
      const baby = await givenChild(api, parent, `Baby${i}`, bornAgo({ months: 5 }));
      const response = await requestBooking(api, parent, {
        childminderId: minder.profile.id,
        childIds: [baby],
        startsAt: ukAt(5, '09:00'),
        endsAt: ukAt(5, '12:00'),
      });
      if (response.status !== 201) throw new Error(`Request ${i}: ${response.status} ${JSON.stringify(response.body)}`);
      ids.push(response.body.id as string);
    }

    const responses = await Promise.all(ids.map((id) => answer(api, minder, id, { action: 'confirm' })));

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(CONTENDERS - 1);
    for (const response of refused) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('BOOKING_OVER_CAPACITY');
      expect(response.body.message).toMatch(/^Only 1 place for under-1s on \w{3} \d{1,2} \w{3} 09:00-12:00$/);
    }
    const rows = await api.dataSource.getRepository(Booking).find({ where: { childminderId: minder.user.id } });
    expect(rows.filter((b) => b.status === BookingStatus.Confirmed)).toHaveLength(1);
    expect(rows.filter((b) => b.status === BookingStatus.Pending)).toHaveLength(CONTENDERS - 1);
  });
});

describe('Concurrent requests cannot book one child twice', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('of requests sent at once for the same child and morning to different childminders, exactly one is taken', async () => {
    const MINDERS = 8;
    const minders = [];
    for (let i = 0; i < MINDERS; i++) minders.push(await givenChildminder(api, { name: `Minder${i} Jones` }));
    const parent = await givenPlusParent(api, 'Hannah');
    const child = await givenChild(api, parent, 'Noah', bornAgo({ years: 2 }));

    const responses = await Promise.all(
      minders.map((minder) =>
        requestBooking(api, parent, {
          childminderId: minder.profile.id,
          childIds: [child],
          startsAt: ukAt(6, '09:00'),
          endsAt: ukAt(6, '12:00'),
        }),
      ),
    );

    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(MINDERS - 1);
    for (const response of refused) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('BOOKING_CHILD_ALREADY_BOOKED');
      expect(response.body.message).toMatch(/^Noah is already booked on /);
    }
    const rows = await api.dataSource.getRepository(Booking).find({ where: { parentId: parent.user.id } });
    expect(rows).toHaveLength(1);
  });
});
