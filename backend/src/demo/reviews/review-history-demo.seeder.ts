import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { EntityManager, EntityTarget, Like, Not, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { PasswordHasher } from '@app/modules/auth/password/password-hasher';
import { priceEstimatePence } from '@app/modules/bookings/booking-rules';
import { BookingChild } from '@app/modules/bookings/entities/booking-child.entity';
import { BookingSession } from '@app/modules/bookings/entities/booking-session.entity';
import { Booking, BookingStatus } from '@app/modules/bookings/entities/booking.entity';
import { UK_ZONE, ukToday } from '@app/modules/children/child-age';
import { Child } from '@app/modules/children/entities/child.entity';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { fullPostcode, seededRandom } from '@app/demo/childminders/childminders-demo.seeder';
import { LAST_NAMES } from '@app/demo/childminders/demo-words';
import { distanceMiles, GeoPoint } from '@app/modules/geo/geo-math';
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import { Review } from '@app/modules/reviews/entities/review.entity';
import { ReviewsService } from '@app/modules/reviews/reviews.service';
import { CHILD_FIRST_NAMES, PARENT_FIRST_NAMES, replyText, reviewText } from './review-words';

/** Share of the generated childminders that families have reviewed; the rest are new on the site. */
const REVIEWED_SHARE = 0.75;
/** Most reviews one childminder gets; most get a handful. */
const MOST_REVIEWS = 14;
/** A family has used at most this many childminders over the years. */
const MOST_MINDERS_PER_FAMILY = 4;
/** How often a review comes from a family nearby who already used another childminder. */
const RETURNING_FAMILY_SHARE = 0.75;
/** A returning family lives this close to the childminder. */
const FAMILY_RADIUS_MILES = 12;
/**
 * Care started between these many days ago; with up to four weekly sessions, the last ended at
 * least ten days ago, and the review was written after it.
 */
const OLDEST_START_DAYS = 900;
const NEWEST_START_DAYS = 31;

export const DEMO_FAMILY_EMAIL_PREFIX = 'demo.family';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WEEK = 7 * DAY;

interface Family {
  parent: User;
  children: Child[];
  /** Where they live: near the childminder they first used. */
  home: GeoPoint | null;
  /** The profiles they have had care with. */
  minders: Set<string>;
}

/**
 * Every rating in the demo is made of real reviews. Local demo families (parents who cannot sign
 * in, with their children) have had completed care with most of the generated childminders and
 * written a review of each booking, and some childminders replied; each profile's rating is then
 * recomputed from its reviews exactly as a new review does. The demo accounts are left out: the
 * demo parent's history with the demo childminder is the reviews seeder's (order 40).
 */
@Injectable()
@DemoData(45)
export class ReviewHistoryDemoSeeder implements DemoDataSeeder {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly reviews: ReviewsService,
  ) {}

  async seed({ manager, users }: DemoSeedContext): Promise<void> {
    const userRepo = manager.getRepository(User);
    // The whole demo is seeded once, on an empty database; this also keeps a second run harmless.
    if (await userRepo.exists({ where: { email: Like(`${DEMO_FAMILY_EMAIL_PREFIX}%`) } })) return;

    const minderUsers = await userRepo.find({
      where: { role: Role.Childminder, ...(users[Role.Childminder] ? { id: Not(users[Role.Childminder]!) } : {}) },
      order: { email: 'ASC' },
    });
    const profiles = new Map(
      (await manager.getRepository(ChildminderProfile).find()).map((profile) => [profile.userId, profile]),
    );
    const random = seededRandom(20260315);
    // Calendar days are counted on UTC midnights and only turned into UK instants at the end:
    // luxon's time-zone arithmetic is too slow for thousands of dates on every first start.
    const today = Date.parse(`${ukToday().toISODate()}T00:00:00Z`);
    const now = Date.now();
    // Nobody signs in as a family: one hash of a secret nobody knows, as for the demo childminders.
    const passwordHash = await this.hasher.hash(randomBytes(32).toString('base64url'));
    const families: Family[] = [];
    const rows = { bookings: [] as Booking[], sessions: [] as BookingSession[], kids: [] as BookingChild[] };
    const reviews: Review[] = [];

    const newFamily = (profile: ChildminderProfile): Family => {
      const first = pick(PARENT_FIRST_NAMES, random);
      const last = pick(LAST_NAMES, random);
      const number = String(families.length + 1).padStart(4, '0');
      const parent = Object.assign(new User(), {
        email: `${DEMO_FAMILY_EMAIL_PREFIX}${number}.${first}.${last}@example.com`
          .toLowerCase()
          .replace(/[^a-z0-9.@-]/g, ''),
        passwordHash,
        role: Role.Parent,
        status: UserStatus.Active,
        firstName: first,
        lastName: last,
        phone: null,
        postcode: profile.postcodeDistrict ? fullPostcode(profile.postcodeDistrict, random) : null,
        emailVerifiedAt: new Date(today - (OLDEST_START_DAYS + 60) * DAY),
        twoFactorSecretEncrypted: null,
        twoFactorEnabledAt: null,
        twoFactorLastStep: null,
        chatStatus: null,
        lastLoginAt: null,
      });
      // The eldest is old enough to have been in care during all the seeded past; some have a sibling.
      const eldestDays = 3 * 365 + Math.floor(random() * 6 * 365);
      const ages = random() < 0.45 ? [eldestDays, eldestDays - 540 - Math.floor(random() * 900)] : [eldestDays];
      const names = childNames(random);
      const children = ages
        .filter((days) => days >= 180)
        .map((days) =>
          Object.assign(new Child(), {
            parentId: parent.id,
            firstName: names.next(),
            dateOfBirth: isoDate(today - days * DAY),
            specialNeeds: null,
            allergies: null,
            medicalNotes: null,
          }),
        );
      const family: Family = { parent, children, home: locationOf(profile), minders: new Set() };
      families.push(family);
      return family;
    };

    for (const minderUser of minderUsers) {
      const profile = profiles.get(minderUser.id);
      if (!profile || random() >= REVIEWED_SHARE) continue;
      // Each childminder has her usual standard; single reviews scatter around it.
      const standard = 3.7 + random() * 1.5;
      const count = 1 + Math.floor(random() ** 2 * MOST_REVIEWS);
      const hoursOn = (day: number) => profile.openingHours?.[WEEKDAYS[(new Date(day).getUTCDay() + 6) % 7]!];
      if (!WEEKDAYS.some((weekday) => profile.openingHours?.[weekday])) continue;
      // Families living near her, measured once per childminder (distances are the costly part).
      const here = locationOf(profile);
      const neighbours = families.filter((f) => near(f.home, here));
      for (let i = 0; i < count; i++) {
        const returning = neighbours.filter(
          (f) => f.minders.size < MOST_MINDERS_PER_FAMILY && !f.minders.has(profile.id),
        );
        const family =
          returning.length > 0 && random() < RETURNING_FAMILY_SHARE ? pick(returning, random) : newFamily(profile);
        if (!neighbours.includes(family)) neighbours.push(family);
        family.minders.add(profile.id);

        // A day the childminder opens, between the oldest and newest seeded care; up to four
        // weekly sessions from there, the last still ending weeks before today.
        let day = today - (NEWEST_START_DAYS + Math.floor(random() * (OLDEST_START_DAYS - NEWEST_START_DAYS))) * DAY;
        while (!hoursOn(day)) day -= DAY;
        const hours = hoursOn(day)!;
        const from = minutesOf(hours.open) + 30 * Math.floor(random() * 5);
        const to = Math.min(minutesOf(hours.close), from + 60 * (3 + Math.floor(random() * 6)));
        // The same wall-clock times each week, as sessionsFor makes them (BST or GMT as on the day).
        const sessions = Array.from({ length: pick([1, 1, 2, 3, 4], random) }, (_, week) => ({
          start: ukInstant(day + week * WEEK, from),
          end: ukInstant(day + week * WEEK, to),
        }));
        const first = sessions[0]!.start.getTime();
        const lastEnd = sessions[sessions.length - 1]!.end.getTime();
        // The children born well before the care started; a family always has its eldest.
        const settled = family.children.filter((c) => c.dateOfBirth < isoDate(day - 120 * DAY));
        const booked = settled.length > 0 ? settled : family.children.slice(0, 1);
        const rate = profile.hourlyRatePence ?? 600;
        const booking = Object.assign(new Booking(), {
          parentId: family.parent.id,
          childminderId: profile.userId,
          profileId: profile.id,
          status: BookingStatus.Completed,
          startsAt: sessions[0]!.start,
          endsAt: sessions[sessions.length - 1]!.end,
          weeks: sessions.length,
          notes: null,
          hourlyRatePence: rate,
          priceEstimatePence: priceEstimatePence(rate, sessions, booked.length),
          statusReason: null,
          cancelledBy: null,
          statusChangedAt: new Date(lastEnd + 2 * HOUR),
          reminderSentAt: new Date(first - DAY),
          createdAt: new Date(first - (5 + Math.floor(random() * 20)) * DAY),
        });
        rows.bookings.push(booking);
        for (const s of sessions) {
          rows.sessions.push(
            Object.assign(new BookingSession(), {
              bookingId: booking.id,
              childminderId: profile.userId,
              startsAt: s.start,
              endsAt: s.end,
            }),
          );
        }
        for (const child of booked) {
          rows.kids.push(Object.assign(new BookingChild(), { bookingId: booking.id, childId: child.id }));
        }

        const outlier = random() < 0.07;
        const stars = clamp(Math.round(outlier ? standard - 1.5 - random() * 1.5 : standard + (random() - 0.5) * 1.6));
        const words = {
          child: booked[0]!.firstName,
          minder: minderUser.firstName,
          town: profile.town ?? 'the area',
          parent: family.parent.firstName,
        };
        const written = Math.min(now, lastEnd + (1 + Math.floor(random() * 9)) * DAY);
        // Childminders answer criticism more often than praise.
        const replies = random() < (stars <= 3 ? 0.7 : 0.3);
        reviews.push(
          Object.assign(new Review(), {
            bookingId: booking.id,
            profileId: profile.id,
            parentId: family.parent.id,
            rating: stars,
            text: reviewText(stars, words, random),
            reply: replies ? replyText(stars, words, random) : null,
            repliedAt: replies ? new Date(Math.min(now, written + (1 + Math.floor(random() * 4)) * DAY)) : null,
            createdAt: new Date(written),
            updatedAt: new Date(written),
          }),
        );
      }
    }

    await insertAll(
      manager,
      User,
      families.map((f) => f.parent),
    );
    await insertAll(
      manager,
      Child,
      families.flatMap((f) => f.children),
    );
    await insertAll(manager, Booking, rows.bookings);
    await insertAll(manager, BookingSession, rows.sessions);
    await insertAll(manager, BookingChild, rows.kids);
    await insertAll(manager, Review, reviews);
    // The same rule as a new review: the profile's rating is what its reviews add up to.
    for (const profileId of new Set(reviews.map((r) => r.profileId))) {
      await this.reviews.refreshRating(profileId, manager);
    }
  }
}

const isoDate = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const locationOf = (p: ChildminderProfile): GeoPoint | null =>
  p.latitude !== null && p.longitude !== null ? { latitude: p.latitude, longitude: p.longitude } : null;

/**
 * That calendar day at that many minutes past midnight, UK time. Care is in the daytime, never
 * at a clock change (01:00 UTC), so the day's offset applies; it is looked up once per day,
 * as luxon's zone arithmetic costs more than all the rest of this seeder together.
 */
const ukOffsets = new Map<number, number>();
function ukInstant(utcMidnight: number, minutes: number): Date {
  let offset = ukOffsets.get(utcMidnight);
  if (offset === undefined) {
    offset = DateTime.fromMillis(utcMidnight + 12 * HOUR, { zone: UK_ZONE }).offset;
    ukOffsets.set(utcMidnight, offset);
  }
  return new Date(utcMidnight + (minutes - offset) * 60_000);
}

/** Within a returning family's reach; the latitude check spares most of the trigonometry. */
const near = (a: GeoPoint | null, b: GeoPoint | null): boolean =>
  !!a && !!b && Math.abs(a.latitude - b.latitude) < 0.2 && distanceMiles(a, b) <= FAMILY_RADIUS_MILES;

/** First names for one family's two children at most: siblings never share one. */
function childNames(random: () => number): { next(): string } {
  const count = CHILD_FIRST_NAMES.length;
  const first = Math.floor(random() * count);
  const second = (first + 1 + Math.floor(random() * (count - 1))) % count;
  let taken = 0;
  return { next: () => CHILD_FIRST_NAMES[taken++ === 0 ? first : second]! };
}

const clamp = (stars: number) => Math.max(1, Math.min(5, stars));
const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

/**
 * In batches of 100: one statement per row would be slow, one for all would pass SQLite's
 * variable limit. Nothing is read back into the objects (TypeORM would select every row again
 * for its generated columns on SQLite): every id is made in the application.
 */
async function insertAll<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]) {
  for (let i = 0; i < rows.length; i += 100) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 100) as QueryDeepPartialEntity<T>[])
      .updateEntity(false)
      .execute();
  }
}
