import { Injectable } from '@nestjs/common';
import { AuthContext } from '@app/common/auth/auth-context';
import { randomToken, SecretBox, sha256Hex } from '@app/common/crypto/secret-box';
import { AppConfig } from '@app/config/app-config';
import { CalendarEntriesSource } from './calendar-entries';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { feedNotFound } from './calendar-sync.exception';
import { CalendarFeedResponse } from './dto/calendar-sync.response';
import { CalendarFeed } from './entities/calendar-feed.entity';
import { buildIcs } from './ics';

const DAY_MS = 86_400_000;
/** The feed holds entries from this many days back ... */
export const FEED_PAST_DAYS = 60;
/** ... to this many days ahead. */
export const FEED_AHEAD_DAYS = 180;

/**
 * Each user's ICS feed at a secret URL: bookings (and, for childminders, availability) for
 * calendar apps that subscribe by URL. A wrong or replaced secret is a 404.
 */
@Injectable()
export class IcsFeedService {
  constructor(
    private readonly config: AppConfig,
    private readonly feeds: CalendarFeedsRepository,
    private readonly box: SecretBox,
    private readonly entries: CalendarEntriesSource,
  ) {}

  /** The caller's feed address, made on first use. */
  async feedFor(auth: AuthContext): Promise<CalendarFeedResponse> {
    const feed = await this.feeds.findByUser(auth.userId);
    if (feed) return this.response(this.box.open(feed.tokenSealed));
    const token = randomToken();
    await this.feeds.insert(
      Object.assign(new CalendarFeed(), {
        userId: auth.userId,
        role: auth.role,
        tokenHash: sha256Hex(token),
        tokenSealed: this.box.seal(token),
      }),
    );
    return this.response(token);
  }

  /** A new secret: calendars subscribed to the old address stop receiving updates. */
  async regenerate(auth: AuthContext): Promise<CalendarFeedResponse> {
    const feed = await this.feeds.findByUser(auth.userId);
    if (!feed) return this.feedFor(auth);
    const token = randomToken();
    await this.feeds.replaceToken(feed.id, sha256Hex(token), this.box.seal(token));
    return this.response(token);
  }

  /** The iCalendar document behind a secret. */
  async render(token: string, now = new Date()): Promise<string> {
    const feed = await this.feeds.findByTokenHash(sha256Hex(token));
    if (!feed) throw feedNotFound();
    const entries = await this.entries.entriesFor(
      feed,
      new Date(+now - FEED_PAST_DAYS * DAY_MS),
      new Date(+now + FEED_AHEAD_DAYS * DAY_MS),
    );
    return buildIcs(entries, { name: 'Childminder Connect', host: new URL(this.config.publicUrl).hostname });
  }

  private response(token: string): CalendarFeedResponse {
    const url = `${this.config.publicUrl}/api/calendar-feeds/${token}`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }
}
