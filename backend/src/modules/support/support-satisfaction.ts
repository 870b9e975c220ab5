import { Injectable } from '@nestjs/common';

export interface SatisfactionSummary {
  /** Average rating from 1 to 5, or null when there are none in the range. */
  average: number | null;
  count: number;
}

/** What the live chat module answers about its ratings (it owns them). */
export interface SatisfactionSource {
  satisfactionBetween(from: Date, to: Date): Promise<SatisfactionSummary>;
}

/**
 * The ticket stats' satisfaction figure comes from live chat ratings, which the chat module owns.
 * The chat module imports SupportModule (to turn "leave a message" into a ticket), so support
 * cannot import chat back: instead chat hands its source over here once, at start-up
 * (`provide(this)` in its onModuleInit). Until it does, the figure is "no ratings".
 */
@Injectable()
export class SupportSatisfaction {
  private source: SatisfactionSource | null = null;

  provide(source: SatisfactionSource): void {
    this.source = source;
  }

  between(from: Date, to: Date): Promise<SatisfactionSummary> {
    return this.source ? this.source.satisfactionBetween(from, to) : Promise.resolve({ average: null, count: 0 });
  }
}
