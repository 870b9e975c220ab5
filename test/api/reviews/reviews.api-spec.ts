import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { Review } from '@app/modules/reviews/entities/review.entity';
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
import type { SignedInUser } from '../../factories/given';

jest.setTimeout(60_000);

const reviewsOf = (profileId: string) => `/api/childminders/${profileId}/reviews`;

/**
 * A parent's booking is confirmed and then completed (the lifecycle job's work, written here as
 * the job would: the booking's time cannot be made to pass in a test); then the parent reviews it.
 */
describe('Reviews: a parent reviews a completed booking once; the childminder replies once', () => {
  let api: TestApp;
  let minder: Minder;

  beforeAll(async () => {
    api = await startTestApp();
    minder = await givenChildminder(api, { name: 'Rosie Review' });
  });
  afterAll(() => api.close());

  const completedBooking = (parent: SignedInUser, dayOffset: number) =>
    givenCompletedBooking(api, minder, parent, dayOffset);

  it('reviews appear on the profile with the average; a second review of the same booking is refused', async () => {
    const priya = await givenPlusParent(api, 'Priya');
    const booking = await completedBooking(priya, 2);

    const created = await api
      .http()
      .post(reviewsOf(minder.profile.id))
      .set(priya.auth)
      .send({ bookingId: booking, rating: 5, text: '  Maya loves the garden and the outings.  ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      rating: 5,
      text: 'Maya loves the garden and the outings.',
      parentFirstName: 'Priya',
      reply: null,
    });

    const again = await api
      .http()
      .post(reviewsOf(minder.profile.id))
      .set(priya.auth)
      .send({ bookingId: booking, rating: 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REVIEW_EXISTS');

    const tom = await givenPlusParent(api, 'Tom');
    const tomsBooking = await completedBooking(tom, 3);
    expect(
      (await api.http().post(reviewsOf(minder.profile.id)).set(tom.auth).send({ bookingId: tomsBooking, rating: 4 }))
        .status,
    ).toBe(201);

    const listed = await api.http().get(reviewsOf(minder.profile.id));
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 2, ratingAverage: 4.5, ratingCount: 2 });
    expect(listed.body.items.map((r: { parentFirstName: string }) => r.parentFirstName).sort()).toEqual([
      'Priya',
      'Tom',
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/Shah/);
    const profile = await api.http().get(`/api/childminders/${minder.profile.id}`);
    expect(profile.body).toMatchObject({ ratingAverage: 4.5, ratingCount: 2 });
  });

  it('only a completed booking of my own with this childminder can be reviewed', async () => {
    const parent = await givenPlusParent(api, 'Amara');
    const child = await givenChild(api, parent, 'Leo', bornAgo({ years: 3 }));
    const pending = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(4, '13:00'),
      endsAt: ukAt(4, '15:00'),
    });
    expect(pending.status).toBe(201);
    const notYet = await api
      .http()
      .post(reviewsOf(minder.profile.id))
      .set(parent.auth)
      .send({ bookingId: pending.body.id, rating: 5 });
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('REVIEW_BOOKING_NOT_COMPLETED');

    const someoneElses = await completedBooking(await givenPlusParent(api, 'Other'), 5);
    const stolen = await api
      .http()
      .post(reviewsOf(minder.profile.id))
      .set(parent.auth)
      .send({ bookingId: someoneElses, rating: 1 });
    expect(stolen.status).toBe(404);

    const other = await givenChildminder(api, { name: 'Olive Other' });
    const wrongMinder = await api
      .http()
      .post(reviewsOf(other.profile.id))
      .set(parent.auth)
      .send({ bookingId: pending.body.id, rating: 5 });
    expect(wrongMinder.status).toBe(404);

    const bad = await api
      .http()
      .post(reviewsOf(minder.profile.id))
      .set(parent.auth)
      .send({ bookingId: pending.body.id, rating: 6, text: 'x'.repeat(2001), stars: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['rating', 'stars', 'text']);
    expect(await api.dataSource.getRepository(Review).countBy({ bookingId: pending.body.id })).toBe(0);
  });

  it('the childminder replies once; another childminder cannot', async () => {
    const parent = await givenPlusParent(api, 'Nadia');
    const booking = await completedBooking(parent, 6);
    const review = await api
      .http()
      .post(reviewsOf(minder.profile.id))
      .set(parent.auth)
      .send({ bookingId: booking, rating: 3, text: 'Lovely, but pick-up times were tight.' });
    const replyUrl = `${reviewsOf(minder.profile.id)}/${review.body.id}/reply`;

    const other = await givenChildminder(api, { name: 'Nosy Neighbour' });
    expect((await api.http().post(replyUrl).set(other.auth).send({ text: 'Not mine' })).status).toBe(404);

    const replied = await api
      .http()
      .post(replyUrl)
      .set(minder.auth)
      .send({ text: 'Thank you, Nadia: I now open at 07:30.' });
    expect(replied.status).toBe(200);
    expect(replied.body.reply).toMatchObject({ text: 'Thank you, Nadia: I now open at 07:30.' });

    const twice = await api.http().post(replyUrl).set(minder.auth).send({ text: 'Again' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('REVIEW_REPLY_EXISTS');
    const stored = await api.dataSource.getRepository(Review).findOneByOrFail({ id: review.body.id });
    expect(stored.reply).toBe('Thank you, Nadia: I now open at 07:30.');
    const row = await api.dataSource.getRepository(ChildminderProfile).findOneByOrFail({ id: minder.profile.id });
    expect(row.ratingCount).toBeGreaterThanOrEqual(3);
  });

  it('anyone may read reviews; an unknown childminder is 404', async () => {
    expect((await api.http().get(reviewsOf('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await api.http().get(`${reviewsOf(minder.profile.id)}?pageSize=500`)).status).toBe(400);
    const anonymousPost = await api.http().post(reviewsOf(minder.profile.id)).send({});
    expect(anonymousPost.status).toBe(401);
    const childminderPost = await api.http().post(reviewsOf(minder.profile.id)).set(minder.auth).send({});
    expect(childminderPost.status).toBe(403);
  });
});
