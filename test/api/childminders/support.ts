import { Role } from '@app/common/auth/role';
import { AgeGroup, EYFS_DEFAULT_CAPACITY, WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { profileCompleteness } from '@app/modules/childminders/profile-completeness';
import { GeocoderService } from '@app/modules/geo/geocoder.service';
import type { TestApp } from '../../support/test-app';

export const CHILDMINDERS = '/api/childminders';
export const OWN_PROFILE = '/api/user/childminder-profile';

export const A_BIO =
  'Registered childminder with a big garden, daily outings and home-cooked meals. I follow the EYFS closely.';

/** Everything a complete profile needs, as a childminder would send it through the API. */
export const completeProfileBody = (overrides: Record<string, unknown> = {}) => ({
  displayName: 'Claire Hughes',
  bio: A_BIO,
  postcode: 'M20 2LS',
  hourlyRatePence: 650,
  ageGroups: ['baby', 'toddler', 'preschool'],
  languages: ['English'],
  services: ['meals'],
  openingHours: { monday: { open: '07:30', close: '18:00' }, tuesday: { open: '07:30', close: '18:00' } },
  ofstedUrn: 'EY123456',
  ...overrides,
});

export type ProfileFixture = Partial<ChildminderProfile> & { postcode: string; displayName: string };

/**
 * A childminder user with a listed (visible, active, complete) profile written straight to the
 * database: stories about search need many of them with exact ratings, which no endpoint sets.
 * Pass `account` (e.g. from `api.given.signedIn`) when the story also acts as the childminder.
 */
export async function givenListedChildminder(
  api: TestApp,
  fixture: ProfileFixture,
  account?: { user: { id: string } },
): Promise<ChildminderProfile> {
  const { user } =
    account ?? (await api.given.childminder({ firstName: fixture.displayName, postcode: fixture.postcode }));
  const location = api.app.get(GeocoderService).locate(fixture.postcode);
  const profile = Object.assign(new ChildminderProfile(), {
    userId: user.id,
    bio: A_BIO,
    photoUrl: null,
    town: location.town,
    postcodeDistrict: location.outcode,
    latitude: location.latitude,
    longitude: location.longitude,
    hourlyRatePence: 600,
    ageGroups: [AgeGroup.Toddler, AgeGroup.Preschool],
    languages: ['English'],
    services: [],
    specialNeedsExperience: false,
    specialNeedsDetails: null,
    openingHours: Object.fromEntries(WEEKDAYS.slice(0, 5).map((d) => [d, { open: '08:00', close: '18:00' }])),
    ofstedUrn: 'EY654321',
    ofstedRegisteredOn: null,
    inspection: null,
    capacityUnder8: EYFS_DEFAULT_CAPACITY.under8,
    capacityYoung: EYFS_DEFAULT_CAPACITY.young,
    capacityUnder1: EYFS_DEFAULT_CAPACITY.under1,
    ownChildrenDatesOfBirth: [],
    visible: true,
    active: true,
    ratingAverage: null,
    ratingCount: 0,
    ...fixture,
  });
  const completeness = profileCompleteness(profile);
  profile.completeness = completeness.percent;
  profile.complete = fixture.complete ?? completeness.complete;
  await api.dataSource.getRepository(ChildminderProfile).insert(profile);
  return profile;
}

export const namesOf = (body: { items: { displayName: string }[] }) => body.items.map((i) => i.displayName);

export { Role };
