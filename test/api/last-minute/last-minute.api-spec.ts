import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import { LastMinuteOpening } from '@app/modules/last-minute/entities/last-minute-opening.entity';
import { EmailOutbox } from '@app/modules/notifications/entities/email-outbox.entity';
import { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { Subscription, SubscriptionStatus } from '@app/modules/subscriptions/entities/subscription.entity';
import { PlanKey } from '@app/modules/subscriptions/plans';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { bornAgo, givenChild, givenChildminder, Minder, UK } from '../bookings/support';

jest.setTimeout(60_000);

const SCHEDULE = '/api/user/last-minute-schedule';
const SETTINGS = '/api/user/last-minute-settings';

/** A UK calendar day `days` from today. */
const ukDay = (days: number) => DateTime.now().setZone(UK).plus({ days }).toISODate()!;
const opening = (overrides: Record<string, unknown> = {}) => ({
  date: ukDay(2),
  startTime: '09:00',
  endTime: '13:00',
  places: 2,
  ageGroups: [AgeGroup.Toddler],
  ...overrides,
});

/**
 * A childminder in Didsbury (M20) publishes a last-minute place for toddlers; the parents nearby
 * with a toddler and alerts on (a Parent Plus feature) hear about it once, by email and in the
 * app; the others do not.
 */
describe('Last-minute places: publish, alert matching parents once, list, limits', () => {
  let api: TestApp;
  let minder: Minder;

  beforeAll(async () => {
    api = await startTestApp();
    minder = await givenChildminder(api, { name: 'Lola Lastminute' });
  });
  afterAll(() => api.close());

  const parentWithAlerts = async (
    name: string,
    postcode: string,
    dateOfBirth: string,
    settings: Record<string, unknown> = { enabled: true, radiusMiles: 5 },
  ): Promise<SignedInUser> => {
    const parent = await api.given.signedIn(Role.Parent, { firstName: name, postcode, plan: PlanKey.ParentPlus });
    await givenChild(api, parent, `${name} junior`, dateOfBirth);
    const patched = await api.http().patch(SETTINGS).set(parent.auth).send(settings);
    expect(patched.status).toBe(200);
    return parent;
  };
  const alertEmails = (parent: SignedInUser) =>
    api.dataSource
      .getRepository(EmailOutbox)
      .find({ where: { toAddress: parent.email, template: 'last-minute-opening' } });
  const alertsInApp = (parent: SignedInUser) =>
    api.dataSource.getRepository(Notification).find({ where: { userId: parent.user.id, type: 'last_minute.opening' } });

  it('publishing alerts the matching parent once; too far, wrong age and alerts off get nothing', async () => {
    const toddler = bornAgo({ years: 2 });
    const near = await parentWithAlerts('Nadia', 'M20 3AB', toddler);
    const far = await parentWithAlerts('Fergus', 'SW1A 1AA', toddler, { enabled: true, radiusMiles: 25 });
    const wrongAge = await parentWithAlerts('Wendy', 'M20 3AB', bornAgo({ years: 6 }));
    const off = await parentWithAlerts('Oscar', 'M20 3AB', toddler, { enabled: false });

    const published = await api.http().post(SCHEDULE).set(minder.auth).send(opening());
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      profileId: minder.profile.id,
      childminderName: 'Lola Lastminute',
      places: 2,
      ageGroups: [AgeGroup.Toddler],
      startsAt: DateTime.fromISO(`${ukDay(2)}T09:00`, { zone: UK })
        .toUTC()
        .toISO(),
    });

    const emails = await alertEmails(near);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain('Lola Lastminute');
    expect(await alertsInApp(near)).toHaveLength(1);
    for (const parent of [far, wrongAge, off]) {
      expect(await alertEmails(parent)).toHaveLength(0);
      expect(await alertsInApp(parent)).toHaveLength(0);
    }

    // The parent sees it among the current openings that match; the far parent does not.
    const seen = await api.http().get(SCHEDULE).set(near.auth);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((o: { id: string }) => o.id)).toContain(published.body.id);
    const farSees = await api.http().get(SCHEDULE).set(far.auth);
    expect(farSees.body.items.map((o: { id: string }) => o.id)).not.toContain(published.body.id);

    // The childminder sees their own opening.
    const mine = await api.http().get(SCHEDULE).set(minder.auth);
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([published.body.id]);
  });

  it('a parent who turned last-minute emails off in notification preferences gets only the in-app alert', async () => {
    const quiet = await parentWithAlerts('Quinn', 'M20 3AB', bornAgo({ years: 2 }));
    const prefs = await api
      .http()
      .patch('/api/user/notification-preferences')
      .set(quiet.auth)
      .send({ preferences: [{ type: 'last_minute', email: false }] });
    expect(prefs.status).toBe(200);
    const other = await givenChildminder(api, { name: 'Ursula Upton' });
    expect((await api.http().post(SCHEDULE).set(other.auth).send(opening())).status).toBe(201);
    expect(await alertEmails(quiet)).toHaveLength(0);
    expect(await alertsInApp(quiet)).toHaveLength(1);
  });

  it('the Listed plan allows 3 current openings (402 for a 4th); Pro has no limit', async () => {
    const listed = await givenChildminder(api, { name: 'Lisa Listed' });
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await api
            .http()
            .post(SCHEDULE)
            .set(listed.auth)
            .send(opening({ date: ukDay(3 + i) }))
        ).status,
      ).toBe(201);
    }
    const fourth = await api
      .http()
      .post(SCHEDULE)
      .set(listed.auth)
      .send(opening({ date: ukDay(7) }));
    expect(fourth.status).toBe(402);
    expect(fourth.body.code).toBe('ENTITLEMENT_REQUIRED');
    expect(
      await api.dataSource.getRepository(LastMinuteOpening).count({ where: { childminderId: listed.user.id } }),
    ).toBe(3);

    const pro = await givenChildminder(api, { name: 'Petra Pro' });
    await api.given.plan(pro.user.id, PlanKey.ChildminderPro);
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await api
            .http()
            .post(SCHEDULE)
            .set(pro.auth)
            .send(opening({ date: ukDay(3 + i) }))
        ).status,
      ).toBe(201);
    }
  });

  it('refuses bad input with 400s naming the fields', async () => {
    const bad = await api
      .http()
      .post(SCHEDULE)
      .set(minder.auth)
      .send({ date: 'tomorrow', startTime: '9am', endTime: '13:00', places: 7, ageGroups: ['teen'] });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.details.map((d: { field: string }) => d.field))].sort()).toEqual([
      'ageGroups',
      'date',
      'places',
      'startTime',
    ]);

    const backwards = await api
      .http()
      .post(SCHEDULE)
      .set(minder.auth)
      .send(opening({ startTime: '14:00' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.details[0].field).toBe('endTime');

    const parent = await api.given.signedIn(Role.Parent, { postcode: 'M20 3AB' });
    const radius = await api.http().patch(SETTINGS).set(parent.auth).send({ radiusMiles: 26 });
    expect(radius.status).toBe(400);
    expect(radius.body.details[0].field).toBe('radiusMiles');
    const rule = await api.http().patch(SETTINGS).set(parent.auth).send({ autoAcceptReturningFamilies: true });
    expect(rule.status).toBe(400);
    expect(rule.body.details[0].field).toBe('autoAcceptReturningFamilies');
  });

  it("a parent cannot choose another parent's child for alerts, nor publish; settings round-trip", async () => {
    const parentA = await api.given.signedIn(Role.Parent, { postcode: 'M20 3AB', plan: PlanKey.ParentPlus });
    const childOfA = await givenChild(api, parentA, 'Amy', bornAgo({ years: 2 }));
    const parentB = await api.given.signedIn(Role.Parent, { postcode: 'M20 3AB' });
    const stolen = await api
      .http()
      .patch(SETTINGS)
      .set(parentB.auth)
      .send({ childIds: [childOfA] });
    expect(stolen.status).toBe(404);
    expect((await api.http().post(SCHEDULE).set(parentB.auth).send(opening())).status).toBe(403);

    const own = await api
      .http()
      .patch(SETTINGS)
      .set(parentA.auth)
      .send({ enabled: true, radiusMiles: 10, childIds: [childOfA], channels: { email: false } });
    expect(own.status).toBe(200);
    expect(own.body).toEqual({
      alerts: {
        enabled: true,
        radiusMiles: 10,
        childIds: [childOfA],
        channels: { email: false, inApp: true },
        planIncludesAlerts: true,
      },
    });

    const rules = await api.http().patch(SETTINGS).set(minder.auth).send({ autoAcceptReturningFamilies: true });
    expect(rules.status).toBe(200);
    expect(rules.body).toEqual({ autoAccept: { autoAcceptReturningFamilies: true } });
    expect((await api.http().get(SETTINGS).set(minder.auth)).body).toEqual(rules.body);
  });

  it('alerts are Parent Plus: a Free parent gets 402 naming the plan, a lapsed one no alerts; both still see matching openings', async () => {
    const toddler = bornAgo({ years: 2 });
    const free = await api.given.signedIn(Role.Parent, { firstName: 'Freya', postcode: 'M20 3AB' });
    await givenChild(api, free, 'Freya junior', toddler);

    const refused = await api.http().patch(SETTINGS).set(free.auth).send({ enabled: true, radiusMiles: 5 });
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({
      code: 'ENTITLEMENT_REQUIRED',
      message: 'This needs the Plus plan. Upgrade to Plus to unlock it.',
    });
    expect(refused.body.details).toEqual(
      expect.arrayContaining([
        { field: 'entitlement', message: 'alerts.last_minute' },
        { field: 'plan', message: PlanKey.ParentPlus },
      ]),
    );
    // Nothing was saved, not even the radius sent with it.
    const unchanged = await api.http().get(SETTINGS).set(free.auth);
    expect(unchanged.body.alerts).toMatchObject({ enabled: false, radiusMiles: 5, planIncludesAlerts: false });
    // The other settings can be prepared on any plan.
    const radius = await api.http().patch(SETTINGS).set(free.auth).send({ radiusMiles: 8 });
    expect(radius.status).toBe(200);
    expect(radius.body.alerts).toMatchObject({ enabled: false, radiusMiles: 8, planIncludesAlerts: false });

    // A Plus parent turns alerts on, then the plan ends (as the billing webhook records it).
    const lapsed = await parentWithAlerts('Lars', 'M20 3AB', toddler);
    await api.dataSource
      .getRepository(Subscription)
      .update({ userId: lapsed.user.id }, { status: SubscriptionStatus.Canceled, canceledAt: new Date() });
    expect((await api.http().get(SETTINGS).set(lapsed.auth)).body.alerts).toMatchObject({
      enabled: true,
      planIncludesAlerts: false,
    });
    const plus = await parentWithAlerts('Paula', 'M20 3AB', toddler);

    const other = await givenChildminder(api, { name: 'Tess Teaser' });
    const published = await api
      .http()
      .post(SCHEDULE)
      .set(other.auth)
      .send(opening({ date: ukDay(3) }));
    expect(published.status).toBe(201);
    expect(await alertEmails(plus)).toHaveLength(1);
    expect(await alertsInApp(plus)).toHaveLength(1);
    for (const parent of [free, lapsed]) {
      expect(await alertEmails(parent)).toHaveLength(0);
      expect(await alertsInApp(parent)).toHaveLength(0);
      // A teaser: the matching openings are still listed for them.
      const seen = await api.http().get(SCHEDULE).set(parent.auth);
      expect(seen.status).toBe(200);
      expect(seen.body.items).toContainEqual(
        expect.objectContaining({ id: published.body.id, childminderName: 'Tess Teaser' }),
      );
    }
    // Turning alerts on again needs the plan again.
    expect((await api.http().patch(SETTINGS).set(lapsed.auth).send({ enabled: true })).status).toBe(402);
  });

  it('another childminder cannot delete my opening (404); I can (204)', async () => {
    const created = await api
      .http()
      .post(SCHEDULE)
      .set(minder.auth)
      .send(opening({ date: ukDay(4) }));
    const other = await givenChildminder(api, { name: 'Olga Other' });
    const theirs = await api.http().delete(SCHEDULE).query({ id: created.body.id }).set(other.auth);
    expect(theirs.status).toBe(404);
    expect(await api.dataSource.getRepository(LastMinuteOpening).findOneBy({ id: created.body.id })).not.toBeNull();
    const mine = await api.http().delete(SCHEDULE).query({ id: created.body.id }).set(minder.auth);
    expect(mine.status).toBe(204);
    expect(await api.dataSource.getRepository(LastMinuteOpening).findOneBy({ id: created.body.id })).toBeNull();
  });
});
