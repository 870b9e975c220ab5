import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config/app-config';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { NotificationPreferencesService } from '@app/modules/notifications/notification-preferences.service';
import { NotificationChannel, NotificationType } from '@app/modules/notifications/notification-types';
import { PresenceService } from '@app/modules/realtime/presence.service';
import type { User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { ConversationSide, DigestCandidate, MessagingRepository } from './messaging.repository';
import { MessagingErrorCode, MessagingException } from './messaging.exception';

export const MESSAGE_DIGEST_JOB = 'message-digest';
/** A message is emailed about once it has stayed unread this long. */
export const DIGEST_DELAY_MS = 10 * 60_000;
/** Unread messages older than this are not emailed about (e.g. after the job was down for days). */
export const DIGEST_LOOKBACK_MS = 24 * 60 * 60_000;
const EVERY_MS = 60_000;
const LEASE_MS = 5 * 60_000;
/** Conversations handled per side and run; the rest wait for the next minute. */
const BATCH = 500;
const EXCERPTS = 3;
const EXCERPT_LENGTH = 200;

export interface DigestRunSummary {
  /** Digest emails queued. */
  emailed: number;
  /** Digests not sent because the recipient turned message emails off (or is no longer active). */
  suppressed: number;
  /** Due digests left for a later run because the recipient is online now. */
  deferredOnline: number;
}

const clip = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
};

/**
 * Every minute, on one instance: a participant who is offline (no live SSE or socket.io
 * connection anywhere) and has left the other side's messages unread for 10 minutes gets ONE
 * email for that conversation, covering all of those messages, if their Messages email
 * preference allows. The conversation's digest mark then moves to the newest message covered, so
 * the same messages are never emailed twice; newer ones start their own 10 minutes. A decision
 * not to email (preference off) moves the mark too; an online recipient is looked at again
 * next minute, when they may have read the messages.
 */
@Injectable()
export class MessageDigestJob implements OnModuleInit {
  private readonly logger = new Logger(MessageDigestJob.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly registry: JobRegistry,
    private readonly repository: MessagingRepository,
    private readonly presence: PresenceService,
    private readonly preferences: NotificationPreferencesService,
    private readonly outbox: EmailOutboxService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: MESSAGE_DIGEST_JOB,
      description:
        'Emails offline users about messages left unread for 10 minutes: one email per conversation, if their preferences allow.',
      schedule: 'Every minute',
      leaseMs: LEASE_MS,
      work: async () => ({ ...(await this.sendDue(new Date())) }),
    });
  }

  @Interval(MESSAGE_DIGEST_JOB, EVERY_MS)
  async tick(): Promise<void> {
    try {
      await this.registry.run(MESSAGE_DIGEST_JOB);
    } catch (error) {
      // A scheduler callback must never throw; the next minute tries again.
      this.logger.error({ err: error }, 'Message digest failed');
    }
  }

  /** One run across the cluster (the job's lease); `now` is injectable for tests. */
  async runNow(now: Date = new Date()): Promise<DigestRunSummary> {
    let summary: DigestRunSummary | undefined;
    const run = await this.jobs.runExclusive(MESSAGE_DIGEST_JOB, LEASE_MS, async () => {
      summary = await this.sendDue(now);
      return { ...summary };
    });
    if (!run) throw new MessagingException(MessagingErrorCode.DigestBusy, 'The message digest is already running.');
    if (!summary) throw new Error(run.error ?? 'The message digest failed');
    return summary;
  }

  async sendDue(now: Date): Promise<DigestRunSummary> {
    const summary: DigestRunSummary = { emailed: 0, suppressed: 0, deferredOnline: 0 };
    const window = {
      since: new Date(now.getTime() - DIGEST_LOOKBACK_MS),
      dueBefore: new Date(now.getTime() - DIGEST_DELAY_MS),
      until: now,
    };
    for (const side of ['parent', 'childminder'] as const) {
      const candidates = await this.repository.findDigestCandidates(side, window, BATCH);
      if (candidates.length === 0) continue;
      const ids = candidates.flatMap((c) => [c.recipientId, c.senderId]);
      const [online, users] = await Promise.all([
        this.presence.onlineAmong(candidates.map((c) => c.recipientId)),
        this.users.findActiveByIds(ids),
      ]);
      const byId = new Map(users.map((u) => [u.id, u]));
      for (const candidate of candidates) {
        if (online.has(candidate.recipientId)) {
          summary.deferredOnline++;
          continue;
        }
        const outcome = await this.digest(side, candidate, byId, now);
        if (outcome) summary[outcome]++;
      }
    }
    return summary;
  }

  private async digest(
    side: ConversationSide,
    candidate: DigestCandidate,
    users: Map<string, User>,
    now: Date,
  ): Promise<'emailed' | 'suppressed' | undefined> {
    const recipient = users.get(candidate.recipientId);
    const wanted =
      !!recipient &&
      (await this.preferences.allows(recipient.id, NotificationType.Messages, NotificationChannel.Email));
    return this.dataSource.transaction(async (manager) => {
      // Re-read: the recipient may have read the thread since the candidates were listed.
      const conversation = await this.repository.findConversation(candidate.conversationId, manager);
      if (!conversation || conversation.blockedById) return undefined;
      const unread = await this.repository.unreadForDigest(conversation, side, now, EXCERPTS, manager);
      const newest = unread.newest[0];
      if (!newest) return undefined;
      if (!(await this.repository.advanceDigestMark(conversation.id, side, newest.createdAt, manager))) {
        return undefined;
      }
      if (!wanted || !recipient) return 'suppressed';
      const sender = users.get(candidate.senderId);
      const senderName = sender?.displayName ?? (side === 'parent' ? 'Your childminder' : 'A parent');
      const area = side === 'parent' ? 'parent' : 'childminder';
      const query = new URLSearchParams({ to: candidate.senderId, name: senderName });
      await this.outbox.enqueue(manager, {
        to: recipient.email,
        toName: recipient.displayName,
        userId: recipient.id,
        template: 'message-digest',
        variables: {
          firstName: recipient.firstName,
          senderName,
          unreadCount: unread.count,
          excerpts: unread.newest.map((m) => clip(m.text)),
          link: `${this.config.publicUrl}/${area}/messages?${query.toString()}`,
          preferencesLink: `${this.config.publicUrl}/account/notifications`,
        },
      });
      return 'emailed';
    });
  }
}
