import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { AvailabilityService } from '@app/modules/availability/availability.service';
import { OfferedTime } from '@app/modules/last-minute/offered-time';
import { formatUkRange, overlaps, subtractRanges, TimeRange } from '@app/modules/availability/time-ranges';
import { UK_ZONE } from '@app/modules/children/child-age';
import { ChildrenService } from '@app/modules/children/children.service';
import type { Child } from '@app/modules/children/entities/child.entity';
import { ageGroupOn } from '@app/modules/childminders/age-groups';
import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import type { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { BookingErrorCode, BookingProblem } from './booking.exception';
import { Session } from './booking-rules';
import { BookingsRepository } from './bookings.repository';
import { capacityViolations, CareSpan, describeViolation } from './capacity';
import { BookingStatus } from './entities/booking.entity';

const AGE_GROUP_WORDS: Record<AgeGroup, string> = {
  [AgeGroup.Baby]: 'babies (under 1)',
  [AgeGroup.Toddler]: 'toddlers (1 to 3)',
  [AgeGroup.Preschool]: 'pre-schoolers (3 to 5)',
  [AgeGroup.SchoolAge]: 'school-age children (5 to 8)',
  [AgeGroup.Over8]: 'children over 8',
};

/** At most this many problems are reported: a 52-week request could otherwise list hundreds. */
const MAX_PROBLEMS = 20;

export interface BookingCandidate {
  profile: ChildminderProfile;
  children: readonly Child[];
  sessions: readonly Session[];
  /** When re-checking an existing booking: it does not compete with itself. */
  bookingId: string | null;
  /**
   * Which other bookings hold a child's time: pending and confirmed when a parent asks (they
   * should not ask twice for the same hour), confirmed only when a childminder confirms.
   */
  childClashStatuses: readonly BookingStatus[];
}

/**
 * The rules a booking must pass at request and again at confirmation. Runs inside the caller's
 * transaction, after the childminder's profile row has been locked, so what it reads cannot
 * change until the caller commits. Returns every problem, each naming the rule and the time.
 */
@Injectable()
export class BookingChecks {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly children: ChildrenService,
    private readonly availability: AvailabilityService,
    private readonly offered: OfferedTime,
  ) {}

  async problems(candidate: BookingCandidate, manager: EntityManager): Promise<BookingProblem[]> {
    const { sessions } = candidate;
    const from = sessions[0]!.start;
    const to = sessions[sessions.length - 1]!.end;
    const problems = [
      ...this.ageGroupProblems(candidate),
      ...(await this.availabilityProblems(candidate, from, to, manager)),
      ...(await this.childClashProblems(candidate, from, to, manager)),
      ...(await this.capacityProblems(candidate, from, to, manager)),
    ];
    const seen = new Set<string>();
    return problems.filter((p) => !seen.has(p.message) && !!seen.add(p.message)).slice(0, MAX_PROBLEMS);
  }

  /** A childminder who lists age groups cares only for those. */
  private ageGroupProblems({ profile, children, sessions }: BookingCandidate): BookingProblem[] {
    if (profile.ageGroups.length === 0) return [];
    const problems: BookingProblem[] = [];
    for (const child of children) {
      for (const session of sessions) {
        const group = ageGroupOn(child.dateOfBirth, DateTime.fromJSDate(session.start, { zone: UK_ZONE }));
        if (group && !profile.ageGroups.includes(group)) {
          problems.push({
            code: BookingErrorCode.AgeGroupNotCared,
            field: 'childIds',
            message: `${profile.displayName} does not care for ${AGE_GROUP_WORDS[group]}: ${child.firstName} on ${formatUkRange(session.start, session.end)}`,
          });
          break;
        }
      }
    }
    return problems;
  }

  private async availabilityProblems(
    { profile, sessions }: BookingCandidate,
    from: Date,
    to: Date,
    manager: EntityManager,
  ): Promise<BookingProblem[]> {
    const window = await this.availability.windowFor(profile.userId, from, to, manager);
    // Time published as a last-minute place is open too, whatever the availability blocks say.
    const open = [...window.available, ...(await this.offered.between(profile.userId, from, to, manager))];
    const problems: BookingProblem[] = [];
    for (const session of sessions) {
      const range: TimeRange = { start: +session.start, end: +session.end };
      for (const gap of subtractRanges([range], open)) {
        problems.push({
          code: BookingErrorCode.OutsideAvailability,
          field: 'startsAt',
          message: `${profile.displayName} is not available on ${formatUkRange(gap.start, gap.end)}`,
        });
      }
      for (const off of window.unavailable.filter((u) => overlaps(u.range, range))) {
        const start = Math.max(off.range.start, range.start);
        const end = Math.min(off.range.end, range.end);
        problems.push({
          code: BookingErrorCode.DuringTimeOff,
          field: 'startsAt',
          message: `${profile.displayName} is unavailable (${off.title}) on ${formatUkRange(start, end)}`,
        });
      }
    }
    return problems;
  }

  private async childClashProblems(
    { children, sessions, bookingId, childClashStatuses }: BookingCandidate,
    from: Date,
    to: Date,
    manager: EntityManager,
  ): Promise<BookingProblem[]> {
    const booked = await this.bookings.sessionsOfChildren(
      children.map((c) => c.id),
      from,
      to,
      childClashStatuses,
      bookingId,
      manager,
    );
    const problems: BookingProblem[] = [];
    for (const child of children) {
      for (const session of sessions) {
        const clash = booked.find((b) => b.childId === child.id && b.start < session.end && b.end > session.start);
        if (clash) {
          problems.push({
            code: BookingErrorCode.ChildAlreadyBooked,
            field: 'childIds',
            message: `${child.firstName} is already booked on ${formatUkRange(clash.start, clash.end)}`,
          });
        }
      }
    }
    return problems;
  }

  private async capacityProblems(
    { profile, children, sessions, bookingId }: BookingCandidate,
    from: Date,
    to: Date,
    manager: EntityManager,
  ): Promise<BookingProblem[]> {
    const booked = await this.bookings.confirmedSessions(profile.userId, from, to, bookingId, manager);
    const bookedChildren = await this.children.findByIds([...new Set(booked.flatMap((b) => b.childIds))], manager);
    const birthDates = new Map(bookedChildren.map((c) => [c.id, c.dateOfBirth]));
    const spans: CareSpan[] = booked.map((b) => ({
      start: b.start,
      end: b.end,
      children: b.childIds.filter((id) => birthDates.has(id)).map((id) => ({ id, dateOfBirth: birthDates.get(id)! })),
    }));
    const requested = children.map((c) => ({ id: c.id, dateOfBirth: c.dateOfBirth }));
    return sessions.flatMap((session) =>
      capacityViolations({
        limits: profile.capacity,
        ownChildren: profile.ownChildrenDatesOfBirth ?? [],
        booked: spans.filter((s) => s.start < session.end && s.end > session.start),
        requested: { start: session.start, end: session.end, children: requested },
      }).map((violation) => ({
        code: BookingErrorCode.OverCapacity,
        field: 'childIds',
        message: describeViolation(violation),
      })),
    );
  }
}
