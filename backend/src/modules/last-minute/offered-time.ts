import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TimeRange } from '@app/modules/availability/time-ranges';
import { LastMinuteRepository } from './last-minute.repository';

/**
 * The time childminders have offered as last-minute places, for the bookings module: a published
 * opening is an offer of that time, so a request for it must not be refused as "not available"
 * just because no availability block covers it. (Explicit time off still applies.)
 */
@Injectable()
export class OfferedTime {
  constructor(private readonly lastMinute: LastMinuteRepository) {}

  /** The childminder's openings that overlap `from`-`to`, read in the caller's transaction. */
  async between(childminderId: string, from: Date, to: Date, manager?: EntityManager): Promise<TimeRange[]> {
    const openings = await this.lastMinute.overlapping(childminderId, from, to, manager);
    return openings.map((opening) => ({ start: +opening.startsAt, end: +opening.endsAt }));
  }
}
