import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CalendarFeed } from './entities/calendar-feed.entity';

/** The calendar_feeds table: each user's ICS feed secret. */
@Injectable()
export class CalendarFeedsRepository {
  constructor(@InjectRepository(CalendarFeed) private readonly feeds: Repository<CalendarFeed>) {}

  findByUser(userId: string): Promise<CalendarFeed | null> {
    return this.feeds.findOne({ where: { userId } });
  }

  findByTokenHash(tokenHash: string): Promise<CalendarFeed | null> {
    return this.feeds.findOne({ where: { tokenHash } });
  }

  async insert(feed: CalendarFeed): Promise<void> {
    await this.feeds.insert(feed);
  }

  /** A new secret for the feed: the old URL stops working. */
  async replaceToken(id: string, tokenHash: string, tokenSealed: string): Promise<void> {
    await this.feeds.update(id, { tokenHash, tokenSealed });
  }
}
