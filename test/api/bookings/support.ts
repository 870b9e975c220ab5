import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { Booking, BookingStatus } from '@app/modules/bookings/entities/booking.entity';
import { AgeGroup, EYFS_DEFAULT_CAPACITY, WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { profileCompleteness } from '@app/modules/childminders/profile-completeness';
import { GeocoderService } from '@app/modules/geo/geocoder.service';
import { Subscription, SubscriptionStatus } from '@app/modules/subscriptions/entities/subscription.entity';
import { BillingInterval, PlanKey } from '@app/modules/subscriptions/plans';
import type { SignedInUser } from '../../factories/given';
import type { TestApp } from '../../support/test-app';

export const PARENT_BOOKINGS = '/api/dashboard/parent/bookings';
export const MINDER_BOOKINGS = '/api/dashboard/childminder/bookings';
export const AVAILABILITY = '/api/dashboard/childminder/availability';
export const UK = 'Europe/London';

/** A UK wall-clock time `days` from today, as the API takes it (ISO with offset). */
export const ukAt = (days: number, time: string) =>
  DateTime.now()
    .setZone(UK)
    .startOf('day')
    .plus({ days })
    .set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) })
    .toISO({ suppressMilliseconds: true })!;

/** A date of birth `years`/`months` before today (UK). */
export const bornAgo = (offset: { years?: number; months?: number; days?: number }) =>
  DateTime.now().setZone(UK).startOf('day').minus(offset).toISODate()!;

export interface Minder extends SignedInUser {
  profile: ChildminderProfile;
}

/**
 * A signed-in childminder with a listed profile and (unless `open: false`) available time every
 * day 07:00-19:00 UK time from today, added through the API as a childminder would.
 */
export async function givenChildminder(
  api: TestApp,
  options: {
    name?: string;
    capacity?: Partial<typeof EYFS_DEFAULT_CAPACITY>;
    ownChildren?: string[];
    ageGroups?: AgeGroup[];
    open?: boolean;
  } = {},
): Promise<Minder> {
  const name = options.name ?? 'Claire Hughes';
  const minder = await api.given.signedIn(Role.Childminder, { firstName: name.split(' ')[0], postcode: 'M20 2LS' });
  const location = api.app.get(GeocoderService).locate('M20 2LS');
  const capacity = { ...EYFS_DEFAULT_CAPACITY, ...options.capacity };
  const profile = Object.assign(new ChildminderProfile(), {
    userId: minder.user.id,
    displayName: name,
    bio: 'Registered childminder with a big garden, daily outings and home-cooked meals. I follow the EYFS closely.',
    photoUrl: null,
    town: location.town,
    postcode: 'M20 2LS',
    postcodeDistrict: location.outcode,
    latitude: location.latitude,
    longitude: location.longitude,
    hourlyRatePence: 650,
    ageGroups: options.ageGroups ?? [AgeGroup.Baby, AgeGroup.Toddler, AgeGroup.Preschool, AgeGroup.SchoolAge],
    languages: ['English'],
    services: [],
    specialNeedsExperience: false,
    specialNeedsDetails: null,
    openingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, { open: '07:00', close: '19:00' }])),
    ofstedUrn: 'EY654321',
    ofstedRegisteredOn: null,
    inspection: null,
    capacityUnder8: capacity.under8,
    capacityYoung: capacity.young,
    capacityUnder1: capacity.under1,
    ownChildrenDatesOfBirth: options.ownChildren ?? [],
    visible: true,
    active: true,
    ratingAverage: null,
    ratingCount: 0,
  });
  const completeness = profileCompleteness(profile);
  profile.completeness = completeness.percent;
  profile.complete = completeness.complete;
  await api.dataSource.getRepository(ChildminderProfile).insert(profile);
  if (options.open !== false) {
    const response = await api
      .http()
      .post(AVAILABILITY)
      .set(minder.auth)
      .send({
        startsAt: ukAt(0, '07:00'),
        endsAt: ukAt(0, '19:00'),
        type: 'available',
        title: 'Open every day',
        recurrence: 'FREQ=DAILY',
      });
    if (response.status !== 201)
      throw new Error(`Could not add availability: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return { ...minder, profile };
}

/** A signed-in parent on Parent Plus (bookings need the `bookings.request` entitlement). */
export async function givenPlusParent(api: TestApp, firstName = 'Priya'): Promise<SignedInUser> {
  const parent = await api.given.signedIn(Role.Parent, { firstName, lastName: 'Shah' });
  await api.dataSource.getRepository(Subscription).insert(
    Object.assign(new Subscription(), {
      userId: parent.user.id,
      planKey: PlanKey.ParentPlus,
      interval: BillingInterval.Month,
      status: SubscriptionStatus.Active,
      stripeCustomerId: `cus_${parent.user.id}`,
      stripeSubscriptionId: `sub_${parent.user.id}`,
      stripePriceId: 'price_parent_plus_month',
      currentPeriodEnd: DateTime.now().plus({ days: 30 }).toJSDate(),
      trialEnd: null,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      hasPaymentMethod: true,
      lastEventCreated: 0,
      renewalReminderFor: null,
      trialReminderFor: null,
    }),
  );
  return parent;
}

/** Adds a child through the API; returns its id. */
export async function givenChild(
  api: TestApp,
  parent: SignedInUser,
  firstName: string,
  dateOfBirth: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const response = await api
    .http()
    .post('/api/dashboard/parent/children')
    .set(parent.auth)
    .send({ firstName, dateOfBirth, ...extra });
  if (response.status !== 201)
    throw new Error(`Could not add a child: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

export interface RequestBody {
  childminderId: string;
  childIds: string[];
  startsAt: string;
  endsAt: string;
  weeks?: number;
  notes?: string;
}

/** Anyone holding an access token. */
export type Caller = Pick<SignedInUser, 'auth'>;

export const requestBooking = (api: TestApp, parent: Caller, body: RequestBody) =>
  api.http().post(`${PARENT_BOOKINGS}/create`).set(parent.auth).send(body);

export const answer = (api: TestApp, minder: Caller, id: string, body: Record<string, unknown>) =>
  api.http().patch(`${MINDER_BOOKINGS}/${id}`).set(minder.auth).send(body);

/**
 * A booking of `parent`'s with `minder`, confirmed and then completed. Completion is what the
 * lifecycle job writes once the time has passed; a test cannot let it pass, so it is written here.
 */
export async function givenCompletedBooking(
  api: TestApp,
  minder: Minder,
  parent: SignedInUser,
  dayOffset: number,
): Promise<string> {
  const child = await givenChild(api, parent, 'Maya', bornAgo({ years: 2 }));
  const requested = await requestBooking(api, parent, {
    childminderId: minder.profile.id,
    childIds: [child],
    startsAt: ukAt(dayOffset, '09:00'),
    endsAt: ukAt(dayOffset, '12:00'),
  });
  if (requested.status !== 201) throw new Error(`Could not request a booking: ${requested.status}`);
  const confirmed = await answer(api, minder, requested.body.id, { action: 'confirm' });
  if (confirmed.status !== 200) throw new Error(`Could not confirm the booking: ${confirmed.status}`);
  await api.dataSource.getRepository(Booking).update(requested.body.id, { status: BookingStatus.Completed });
  return requested.body.id as string;
}
