import { Injectable, Module } from '@nestjs/common';
import { ReplyTimesPort } from '@app/modules/childminders/reply-times.port';
import { MessagingRepository } from './messaging.repository';
import { MIN_ASKED_TO_JUDGE, RESPONSE_WINDOW_DAYS, responseStats } from './response-times';

/** Messaging's answer to ReplyTimesPort, from the first-contact marks on conversations. */
@Injectable()
export class ReplyTimes extends ReplyTimesPort {
  constructor(private readonly repository: MessagingRepository) {
    super();
  }

  async usualReplyMinutes(childminderUserId: string): Promise<number | null> {
    const now = new Date();
    const since = new Date(now.getTime() - RESPONSE_WINDOW_DAYS * 24 * 3600_000);
    const contacts = (await this.repository.firstContactsSince([childminderUserId], since)).get(childminderUserId);
    const stats = responseStats(contacts ?? [], now);
    return stats.asked >= MIN_ASKED_TO_JUDGE ? stats.medianReplyMinutes : null;
  }
}

/**
 * Reply times for the childminder profile (ReplyTimesPort). It needs nothing but the
 * conversations table, so ChildmindersModule imports it while MessagingModule (through
 * BookingsModule) imports ChildmindersModule: no cycle.
 */
@Module({
  providers: [MessagingRepository, ReplyTimes, { provide: ReplyTimesPort, useExisting: ReplyTimes }],
  exports: [ReplyTimesPort],
})
export class ReplyTimesModule {}
