import { DateTime } from 'luxon';
import { UK_ZONE } from '@app/modules/children/child-age';
import { Capacity } from '@app/modules/childminders/childminder-vocabulary';
import { formatUkRange } from '@app/modules/availability/time-ranges';

/**
 * EYFS capacity, as pure functions. A childminder's registered limits apply at every instant:
 * children under 8 (the childminder's own included), of whom "young" children (until the
 * 1 September after their 5th birthday), of whom babies under 1. A child's band is judged on the
 * UK calendar date of each instant, so a first birthday in the middle of a block changes the
 * count from that midnight.
 */

export type CapacityRule = 'under8' | 'young' | 'under1';

/** Which limits a child counts against on a day. */
export interface EyfsBands {
  under8: boolean;
  young: boolean;
  under1: boolean;
}

/** A child in care: an id (to count each child once) and a date of birth `YYYY-MM-DD`. */
export interface CareChild {
  id: string;
  dateOfBirth: string;
}

/** Children in care between two instants. */
export interface CareSpan {
  start: Date;
  end: Date;
  children: readonly CareChild[];
}

export interface CapacityViolation {
  rule: CapacityRule;
  limit: number;
  /** The most children of the band present at once during the span. */
  count: number;
  start: Date;
  end: Date;
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: UK_ZONE }).startOf('day');

/**
 * The `years`th birthday. Someone born on 29 February has it on 1 March in other years, as in
 * UK law (Family Law Reform Act 1969 s.9), rather than Luxon's 28 February.
 */
export function birthday(dateOfBirth: string, years: number): DateTime {
  const born = day(dateOfBirth);
  const same = DateTime.fromObject({ year: born.year + years, month: born.month, day: born.day }, { zone: UK_ZONE });
  return same.isValid ? same : DateTime.fromObject({ year: born.year + years, month: 3, day: 1 }, { zone: UK_ZONE });
}

/** The first 1 September strictly after the fifth birthday: the day a child stops being "young". */
export function endOfEarlyYears(dateOfBirth: string): DateTime {
  const fifth = birthday(dateOfBirth, 5);
  const september = DateTime.fromObject({ year: fifth.year, month: 9, day: 1 }, { zone: UK_ZONE });
  return september > fifth ? september : september.plus({ years: 1 });
}

/** The bands a child born on `dateOfBirth` is in on the UK date `on` (`YYYY-MM-DD` or a DateTime). */
export function eyfsBandsOn(dateOfBirth: string, on: DateTime | string): EyfsBands {
  const date = typeof on === 'string' ? day(on) : on.setZone(UK_ZONE).startOf('day');
  return {
    under8: date < birthday(dateOfBirth, 8),
    young: date < endOfEarlyYears(dateOfBirth),
    under1: date < birthday(dateOfBirth, 1),
  };
}

const RULES: readonly CapacityRule[] = ['under1', 'young', 'under8'];

/** UK midnights strictly inside (start, end): where a child's band may change. */
function midnightsBetween(start: number, end: number): number[] {
  const result: number[] = [];
  let next = DateTime.fromMillis(start, { zone: UK_ZONE }).startOf('day').plus({ days: 1 });
  while (+next < end) {
    result.push(+next);
    next = next.plus({ days: 1 });
  }
  return result;
}

export interface CapacityInput {
  limits: Capacity;
  /** The childminder's own children's dates of birth: present at every instant. */
  ownChildren: readonly string[];
  /** Care already promised (confirmed bookings) that may overlap the request. */
  booked: readonly CareSpan[];
  requested: CareSpan;
}

/**
 * Every limit the requested care would break, as merged spans per rule, earliest first. Empty
 * when the request fits at every instant.
 */
export function capacityViolations(input: CapacityInput): CapacityViolation[] {
  const start = +input.requested.start;
  const end = +input.requested.end;
  const cuts = new Set<number>([start, end, ...midnightsBetween(start, end)]);
  for (const span of input.booked) {
    for (const edge of [+span.start, +span.end]) if (edge > start && edge < end) cuts.add(edge);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const own = input.ownChildren.map((dateOfBirth, index) => ({ id: `own:${index}`, dateOfBirth }));
  const open = new Map<CapacityRule, CapacityViolation>();
  const found: CapacityViolation[] = [];

  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i]!, edges[i + 1]!];
    const present = new Map<string, CareChild>();
    for (const child of [...own, ...input.requested.children]) present.set(child.id, child);
    for (const span of input.booked) {
      if (+span.start <= from && +span.end >= to) for (const child of span.children) present.set(child.id, child);
    }
    const date = DateTime.fromMillis(from, { zone: UK_ZONE });
    const counts: Record<CapacityRule, number> = { under8: 0, young: 0, under1: 0 };
    for (const child of present.values()) {
      const bands = eyfsBandsOn(child.dateOfBirth, date);
      for (const rule of RULES) if (bands[rule]) counts[rule]++;
    }
    for (const rule of RULES) {
      const over = counts[rule] > input.limits[rule];
      const current = open.get(rule);
      if (over && current && +current.end === from) {
        current.end = new Date(to);
        current.count = Math.max(current.count, counts[rule]);
      } else if (over) {
        const violation = {
          rule,
          limit: input.limits[rule],
          count: counts[rule],
          start: new Date(from),
          end: new Date(to),
        };
        open.set(rule, violation);
        found.push(violation);
      }
    }
  }
  return found.sort((a, b) => +a.start - +b.start || RULES.indexOf(a.rule) - RULES.indexOf(b.rule));
}

const BAND_NAMES: Record<CapacityRule, string> = {
  under1: 'under-1s',
  young: 'early-years children (until the 1 September after their 5th birthday)',
  under8: 'children under 8',
};

/** "only 1 place for under-1s on Tue 3 Mar 09:00-12:00" (Europe/London). */
export function describeViolation(violation: CapacityViolation): string {
  const places =
    violation.limit === 0 ? 'no places' : `only ${violation.limit} place${violation.limit === 1 ? '' : 's'}`;
  return `${places} for ${BAND_NAMES[violation.rule]} on ${formatUkRange(violation.start, violation.end)}`;
}
