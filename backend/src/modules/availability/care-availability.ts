import { Injectable } from '@nestjs/common';
import { CareAvailabilityPort, CareNeed } from '@app/modules/childminders/search/care-availability.port';
import { AvailabilityRepository } from './availability.repository';
import { careWeeks, coversCare } from './care-coverage';
import { AvailabilityBlock } from './entities/availability-block.entity';

/**
 * The search's "who can give this care?" (CareAvailabilityPort), answered from the availability
 * blocks alone, so that the childminders module can inject it without importing this module's
 * service (which itself needs ChildmindersService).
 */
@Injectable()
export class CareAvailability implements CareAvailabilityPort {
  constructor(private readonly blocks: AvailabilityRepository) {}

  /**
   * Of these childminders, the ones whose availability gives the care needed in one of the
   * search's weeks (care-coverage.ts). Every candidate's blocks come in one batch.
   */
  async usersCovering(childminderUserIds: readonly string[], need: CareNeed): Promise<ReadonlySet<string>> {
    if (childminderUserIds.length === 0) return new Set();
    const weeks = careWeeks(need);
    const blocks = await this.blocks.findTouchingForChildminders(childminderUserIds, {
      from: weeks[0]!.window.from,
      to: weeks[weeks.length - 1]!.window.to,
    });
    const byUser = new Map<string, AvailabilityBlock[]>();
    for (const block of blocks) {
      const own = byUser.get(block.childminderId);
      if (own) own.push(block);
      else byUser.set(block.childminderId, [block]);
    }
    return new Set(childminderUserIds.filter((id) => coversCare(byUser.get(id) ?? [], weeks)));
  }
}
