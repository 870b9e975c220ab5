import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { PasswordHasher } from '@app/modules/auth/password/password-hasher';
import { distanceMiles, GeoPoint } from '@app/modules/geo/geo-math';
import { GeocoderService } from '@app/modules/geo/geocoder.service';
import { findOutcodesFile, parseCsvLine } from '@app/modules/geo/outcode-table';
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import {
  AgeGroup,
  ChildminderService,
  EYFS_DEFAULT_CAPACITY,
  Inspection,
  LegacyGrade,
  OpeningHours,
  REPORT_CARD_AREAS,
  ReportCardGrade,
} from '@app/modules/childminders/childminder-vocabulary';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { profileCompleteness } from '@app/modules/childminders/profile-completeness';
import { DEMO_BIOS, FIRST_NAMES, LAST_NAMES, SECOND_LANGUAGES } from './demo-words';

/** How many childminders the demo has besides the demo account. */
export const DEMO_CHILDMINDER_COUNT = 299;

/** Clusters where parents are likely to try the demo; the rest are spread over the whole table. */
const CLUSTERS: { outcode: string; radiusMiles: number; count: number }[] = [
  { outcode: 'M20', radiusMiles: 10, count: 60 },
  { outcode: 'SW1A', radiusMiles: 10, count: 50 },
  { outcode: 'B1', radiusMiles: 12, count: 20 },
  { outcode: 'LS1', radiusMiles: 12, count: 15 },
  { outcode: 'BS1', radiusMiles: 10, count: 12 },
  { outcode: 'EH1', radiusMiles: 10, count: 12 },
  { outcode: 'G1', radiusMiles: 10, count: 10 },
  { outcode: 'CF10', radiusMiles: 10, count: 10 },
];

/** Mulberry32: a small deterministic generator, so every demo database is the same. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface District extends GeoPoint {
  outcode: string;
  town: string | null;
}

/**
 * About 300 childminders over real postcode districts, with varied profiles: the search, the
 * filters and the recommendations have something to find anywhere in the UK, and plenty around
 * the demo parent (M20). All of them share one password hash (hashing 300 times would take
 * a minute); only the demo account's password is ever shown. They start unrated: their ratings
 * come from the reviews that ReviewHistoryDemoSeeder writes.
 */
@Injectable()
@DemoData(10)
export class ChildmindersDemoSeeder implements DemoDataSeeder {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly geocoder: GeocoderService,
  ) {}

  async seed(context: DemoSeedContext): Promise<void> {
    const random = seededRandom(20260301);
    const districts = this.districts();
    const chosen = this.chooseDistricts(districts, random);
    const passwordHash = await this.hasher.hash(`demo-childminder-${Date.now()}-unused`);
    const users: User[] = [];
    const profiles: ChildminderProfile[] = [];

    const demoUserId = context.users[Role.Childminder];
    if (demoUserId) profiles.push(this.demoAccountProfile(demoUserId));

    chosen.forEach((district, index) => {
      const first = pick(FIRST_NAMES, random);
      const last = pick(LAST_NAMES, random);
      const user = Object.assign(new User(), {
        email: `demo.minder${String(index + 1).padStart(3, '0')}.${first}.${last}@example.com`
          .toLowerCase()
          .replace(/[^a-z0-9.@-]/g, ''),
        passwordHash,
        role: Role.Childminder,
        status: UserStatus.Active,
        firstName: first,
        lastName: last,
        phone: null,
        postcode: fullPostcode(district.outcode, random) as string | null,
        emailVerifiedAt: new Date(),
        twoFactorSecretEncrypted: null,
        twoFactorEnabledAt: null,
        twoFactorLastStep: null,
        chatStatus: null,
        lastLoginAt: null,
      });
      users.push(user);
      profiles.push(this.randomProfile(user, district, index, random));
    });

    const userRepo = context.manager.getRepository(User);
    const profileRepo = context.manager.getRepository(ChildminderProfile);
    for (const batch of chunks(users, 100)) await userRepo.insert(batch);
    for (const batch of chunks(profiles, 100)) await profileRepo.insert(batch);
  }

  private districts(): District[] {
    const lines = readFileSync(findOutcodesFile(), 'utf8').split(/\r?\n/).slice(1);
    return lines
      .filter((line) => line.trim())
      .map((line) => parseCsvLine(line))
      .map(([outcode, latitude, longitude, town]) => ({
        outcode: outcode!.trim().toUpperCase(),
        latitude: Number(latitude),
        longitude: Number(longitude),
        town: town?.trim() || null,
      }))
      .filter((d) => Number.isFinite(d.latitude) && Number.isFinite(d.longitude));
  }

  private chooseDistricts(all: District[], random: () => number): District[] {
    const chosen: District[] = [];
    for (const cluster of CLUSTERS) {
      const centre = this.geocoder.locate(cluster.outcode);
      const near = all.filter((d) => distanceMiles(centre, d) <= cluster.radiusMiles);
      for (let i = 0; i < cluster.count; i++) chosen.push(pick(near, random));
    }
    while (chosen.length < DEMO_CHILDMINDER_COUNT) chosen.push(pick(all, random));
    return chosen;
  }

  private demoAccountProfile(userId: string): ChildminderProfile {
    const location = this.geocoder.locate('M20 2LS');
    return finish(
      Object.assign(new ChildminderProfile(), {
        userId,
        displayName: 'Claire Hughes',
        bio:
          'Registered childminder in Didsbury for nine years. A calm, home-from-home setting with a large garden, ' +
          'daily outings to Fletcher Moss park and the library, and home-cooked meals. I follow the EYFS and keep ' +
          'parents posted through the day with photos and notes.',
        photoUrl: null,
        town: 'Didsbury',
        postcode: 'M20 2LS',
        postcodeDistrict: location.outcode,
        latitude: location.latitude,
        longitude: location.longitude,
        hourlyRatePence: 700,
        ageGroups: [AgeGroup.Baby, AgeGroup.Toddler, AgeGroup.Preschool, AgeGroup.SchoolAge],
        languages: ['English', 'French'],
        services: [
          ChildminderService.SchoolDropOff,
          ChildminderService.SchoolPickUp,
          ChildminderService.Meals,
          ChildminderService.FundedHours15,
          ChildminderService.FundedHours30,
        ],
        specialNeedsExperience: true,
        specialNeedsDetails: 'Makaton trained; experience supporting children with autism and speech delay.',
        openingHours: weekdays('07:30', '18:00'),
        ofstedUrn: 'EY498231',
        ofstedRegisteredOn: '2017-04-03',
        inspection: {
          framework: 'legacy',
          inspectedOn: '2023-06-14',
          overallGrade: LegacyGrade.Outstanding,
        } satisfies Inspection,
        ownChildrenDatesOfBirth: [],
        // Ratings are never set here: the reviews seeders write reviews and recompute them.
        ratingAverage: null,
        ratingCount: 0,
      }),
    );
  }

  private randomProfile(user: User, district: District, index: number, random: () => number): ChildminderProfile {
    const location = this.geocoder.locate(user.postcode!);
    const ageGroups = Object.values(AgeGroup).filter((group, i) =>
      group === AgeGroup.Over8 ? random() < 0.3 : i === 1 || random() < 0.75,
    );
    const services = Object.values(ChildminderService).filter(() => random() < 0.55);
    const wales =
      location.outcode.startsWith('CF') || location.outcode.startsWith('SA') || location.outcode.startsWith('LL');
    const languages = ['English'];
    if (wales && random() < 0.5) languages.push('Welsh');
    if (random() < 0.25) languages.push(pick(SECOND_LANGUAGES, random));
    // This draw and the two at the end once made up a rating (ratings now come from the seeded
    // reviews); they stay so that every other generated detail is what it has always been.
    const hadMadeUpRating = random() < 0.75;
    const opens = pick(['07:00', '07:30', '08:00'], random);
    const closes = pick(['17:30', '18:00', '18:30'], random);
    const hours = weekdays(opens, closes);
    if (random() < 0.2) hours.friday = { open: opens, close: '15:30' };
    const inspectionRoll = random();
    const profile = finish(
      Object.assign(new ChildminderProfile(), {
        userId: user.id,
        displayName: `${user.firstName} ${user.lastName}`,
        bio: pick(DEMO_BIOS, random).replace('{town}', district.town ?? location.outcode),
        photoUrl: null,
        town: district.town,
        postcode: user.postcode,
        postcodeDistrict: location.outcode,
        latitude: location.latitude,
        longitude: location.longitude,
        hourlyRatePence: 450 + Math.floor(random() * 19) * 25,
        ageGroups,
        languages,
        services,
        specialNeedsExperience: random() < 0.3,
        specialNeedsDetails: null,
        openingHours: hours,
        // A random profile leaves a few things out, so completeness and "only complete" show.
        ofstedUrn: random() < 0.96 ? `EY${String(400000 + index * 317).padStart(6, '0')}` : null,
        ofstedRegisteredOn: `${2008 + Math.floor(random() * 16)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
        inspection:
          inspectionRoll < 0.6
            ? {
                framework: 'legacy',
                inspectedOn: `${2019 + Math.floor(random() * 6)}-${pad(1 + Math.floor(random() * 12))}-15`,
                overallGrade: pick(
                  [
                    LegacyGrade.Good,
                    LegacyGrade.Good,
                    LegacyGrade.Good,
                    LegacyGrade.Outstanding,
                    LegacyGrade.RequiresImprovement,
                  ],
                  random,
                ),
              }
            : inspectionRoll < 0.85
              ? {
                  framework: 'report_card',
                  inspectedOn: `2026-${pad(1 + Math.floor(random() * 9))}-10`,
                  safeguardingMet: true,
                  grades: Object.fromEntries(
                    REPORT_CARD_AREAS.map((area) => [
                      area,
                      pick(
                        [
                          ReportCardGrade.ExpectedStandard,
                          ReportCardGrade.StrongStandard,
                          ReportCardGrade.StrongStandard,
                          ReportCardGrade.Exceptional,
                          ReportCardGrade.NeedsAttention,
                        ],
                        random,
                      ),
                    ]),
                  ) as Record<(typeof REPORT_CARD_AREAS)[number], ReportCardGrade>,
                }
              : null,
        ownChildrenDatesOfBirth:
          random() < 0.2
            ? [
                `${2019 + Math.floor(random() * 6)}-${pad(1 + Math.floor(random() * 12))}-0${1 + Math.floor(random() * 9)}`,
              ]
            : [],
        visible: random() < 0.97,
        active: random() < 0.98,
        ratingAverage: null,
        ratingCount: 0,
      }),
    );
    if (hadMadeUpRating) {
      random();
      random();
    }
    return profile;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function weekdays(open: string, close: string): OpeningHours {
  return Object.fromEntries(
    ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => [day, { open, close }]),
  ) as OpeningHours;
}

/** A plausible full postcode in the district: a digit and two letters from the inward-code alphabet. */
export function fullPostcode(outcode: string, random: () => number): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  const letter = () => letters[Math.floor(random() * letters.length)];
  return `${outcode} ${Math.floor(random() * 10)}${letter()}${letter()}`;
}

/** Defaults for the columns a demo profile does not vary, and its computed completeness. */
function finish(profile: ChildminderProfile): ChildminderProfile {
  const completed = Object.assign(profile, {
    capacityUnder8: EYFS_DEFAULT_CAPACITY.under8,
    capacityYoung: EYFS_DEFAULT_CAPACITY.young,
    capacityUnder1: EYFS_DEFAULT_CAPACITY.under1,
    visible: profile.visible ?? true,
    active: profile.active ?? true,
  });
  const completeness = profileCompleteness(completed);
  completed.completeness = completeness.percent;
  completed.complete = completeness.complete;
  return completed;
}
