import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LastMinuteRepository } from './last-minute.repository';

/**
 * The childminders' auto-accept rules, for the bookings module to ask: this module owns the
 * rules (they are set on the last-minute settings page), bookings owns the bookings and decides
 * what a rule means for a request.
 */
@Injectable()
export class AutoAcceptRules {
  constructor(private readonly lastMinute: LastMinuteRepository) {}

  /**
   * Whether the childminder confirms requests from families with a completed booking with them
   * without answering by hand. Read in the caller's transaction, so a request sees the rule as it
   * stands when the childminder's row lock is held.
   */
  async confirmsReturningFamilies(childminderId: string, manager?: EntityManager): Promise<boolean> {
    const settings = await this.lastMinute.findSettings(childminderId, manager);
    return settings?.autoAcceptReturningFamilies ?? false;
  }
}
