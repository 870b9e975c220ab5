import { DataSource } from 'typeorm';
import { Role } from '@app/common/auth/role';
import type { RedisConnection } from '@app/common/redis/redis.module';
import type { AppConfig } from '@app/config/app-config';
import { dataSourceOptions } from '@app/database/data-source-options';
import { ActivityService } from '@app/modules/activity/activity.service';
import { UserActivity } from '@app/modules/activity/entities/user-activity.entity';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { JobsRepository } from '@app/modules/jobs/jobs.repository';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { EmailOutboxRepository } from '@app/modules/notifications/email/email-outbox.repository';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { EmailOutbox } from '@app/modules/notifications/entities/email-outbox.entity';
import { NotificationPreference } from '@app/modules/notifications/entities/notification-preference.entity';
import { NotificationPreferencesRepository } from '@app/modules/notifications/notification-preferences.repository';
import { NotificationPreferencesService } from '@app/modules/notifications/notification-preferences.service';
import { NotificationType } from '@app/modules/notifications/notification-types';
import { PresenceService } from '@app/modules/realtime/presence.service';
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import { UsersRepository } from '@app/modules/users/users.repository';
import { UsersService } from '@app/modules/users/users.service';
import { Conversation } from './entities/conversation.entity';
import { Message } from './entities/message.entity';
import { DIGEST_DELAY_MS, DIGEST_LOOKBACK_MS, MessageDigestJob } from './message-digest.job';
import { MessagingRepository } from './messaging.repository';

const MINUTE = 60_000;

// The embedded default (SQLite) with the real migrations; MariaDB is covered by test/api/messaging.
describe(MessageDigestJob.name, () => {
  let dataSource: DataSource;
  let job: MessageDigestJob;
  let presence: PresenceService;
  let preferences: NotificationPreferencesService;
  let parent: User;
  let minder: User;
  let conversation: Conversation;
  const t0 = new Date('2026-11-29T10:00:00.000Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

  const user = async (role: Role, firstName: string, email: string) => {
    const row = Object.assign(new User(), {
      email,
      passwordHash: 'x',
      role,
      status: UserStatus.Active,
      firstName,
      lastName: 'Test',
    });
    await dataSource.getRepository(User).insert(row);
    return row;
  };
  const message = async (sender: User, text: string, createdAt: Date) => {
    await dataSource
      .getRepository(Message)
      .insert(Object.assign(new Message(), { conversationId: conversation.id, senderId: sender.id, text, createdAt }));
    // As MessagingService.send does: the sender has read everything up to their own message.
    await dataSource.getRepository(Conversation).update(conversation.id, {
      lastMessageAt: createdAt,
      [sender.id === parent.id ? 'parentLastReadAt' : 'childminderLastReadAt']: createdAt,
    });
  };
  const emails = () => dataSource.getRepository(EmailOutbox).find({ order: { createdAt: 'ASC' } });

  beforeEach(async () => {
    dataSource = new DataSource(dataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    presence = new PresenceService({ client: undefined, isReady: false } as unknown as RedisConnection);
    const activity = new ActivityService(dataSource.getRepository(UserActivity));
    preferences = new NotificationPreferencesService(
      new NotificationPreferencesRepository(dataSource.getRepository(NotificationPreference)),
      activity,
      dataSource,
    );
    const jobs = new JobsService(new JobsRepository(dataSource));
    job = new MessageDigestJob(
      jobs,
      new JobRegistry(jobs),
      new MessagingRepository(dataSource),
      presence,
      preferences,
      new EmailOutboxService(new EmailOutboxRepository(dataSource.getRepository(EmailOutbox))),
      { publicUrl: 'https://cmc.example' } as AppConfig,
      dataSource,
      new UsersService(new UsersRepository(dataSource.getRepository(User)), activity, dataSource),
    );
    parent = await user(Role.Parent, 'Amira', 'amira@example.com');
    minder = await user(Role.Childminder, 'Sarah', 'sarah@example.com');
    conversation = Object.assign(new Conversation(), {
      parentId: parent.id,
      childminderId: minder.id,
      lastMessageAt: null,
      parentLastReadAt: null,
      childminderLastReadAt: null,
      parentDigestedUpTo: null,
      childminderDigestedUpTo: null,
      blockedById: null,
      blockedAt: null,
      createdAt: t0,
    });
    await dataSource.getRepository(Conversation).insert(conversation);
  });
  afterEach(() => dataSource.destroy());

  describe('runNow', () => {
    it('sends one email per conversation once the oldest unread message is 10 minutes old, then never again', async () => {
      await message(parent, 'Hello', at(0));
      await message(parent, 'Tuesdays?', at(4));

      expect(await job.runNow(new Date(at(0).getTime() + DIGEST_DELAY_MS - 1))).toEqual({
        emailed: 0,
        suppressed: 0,
        deferredOnline: 0,
      });
      expect(await emails()).toEqual([]);

      expect(await job.runNow(at(10))).toEqual({ emailed: 1, suppressed: 0, deferredOnline: 0 });
      const [digest] = await emails();
      expect(digest).toMatchObject({ toAddress: 'sarah@example.com', template: 'message-digest', userId: minder.id });
      expect(digest!.subject).toBe('Amira Test sent you 2 messages');
      expect(digest!.text).toContain('“Tuesdays?”');
      expect(digest!.text).toContain(`https://cmc.example/childminder/messages?to=${parent.id}&name=Amira+Test`);

      expect((await job.runNow(at(30))).emailed).toBe(0);
      expect(await emails()).toHaveLength(1);
      const stored = await dataSource.getRepository(Conversation).findOneByOrFail({ id: conversation.id });
      expect(stored.childminderDigestedUpTo).toEqual(at(4));
      expect(stored.parentDigestedUpTo).toBeNull();
    });

    it('emails the other side too, and leaves out messages read, too old, or in a blocked conversation', async () => {
      await message(minder, 'Yes, we have space', at(0));
      expect(await job.runNow(at(11))).toMatchObject({ emailed: 1 });
      expect((await emails()).map((e) => e.toAddress)).toEqual(['amira@example.com']);

      // Read before the digest: nothing to say.
      await message(parent, 'Great', at(20));
      await dataSource.getRepository(Conversation).update(conversation.id, { childminderLastReadAt: at(20) });
      expect((await job.runNow(at(40))).emailed).toBe(0);

      // Blocked, or older than the look-back: not emailed.
      await message(parent, 'Are you there?', at(50));
      await dataSource.getRepository(Conversation).update(conversation.id, { blockedById: minder.id });
      expect((await job.runNow(at(70))).emailed).toBe(0);
      await dataSource.getRepository(Conversation).update(conversation.id, { blockedById: null });
      expect((await job.runNow(new Date(at(50).getTime() + DIGEST_LOOKBACK_MS + MINUTE))).emailed).toBe(0);
      expect(await emails()).toHaveLength(1);
    });

    it('respects the Messages email preference, and waits while the recipient is online', async () => {
      await preferences.update(minder.id, [{ type: NotificationType.Messages, email: false }]);
      await message(parent, 'Hello', at(0));
      expect(await job.runNow(at(11))).toEqual({ emailed: 0, suppressed: 1, deferredOnline: 0 });
      // Passed over for good: turning emails back on does not send it late.
      await preferences.update(minder.id, [{ type: NotificationType.Messages, email: true }]);
      expect((await job.runNow(at(12))).suppressed).toBe(0);

      await message(parent, 'Still there?', at(20));
      const untrack = presence.track(minder.id, 'socketio');
      expect(await job.runNow(at(31))).toEqual({ emailed: 0, suppressed: 0, deferredOnline: 1 });
      untrack();
      expect(await job.runNow(at(32))).toEqual({ emailed: 1, suppressed: 0, deferredOnline: 0 });
      expect((await emails()).map((e) => e.subject)).toEqual(['Amira Test sent you a message']);
    });
  });
});
