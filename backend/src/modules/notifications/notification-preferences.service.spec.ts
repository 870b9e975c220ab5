import { DataSource } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { dataSourceOptions } from '@app/database/data-source-options';
import { ActivityType } from '@app/modules/activity/activity-type';
import { ActivityService } from '@app/modules/activity/activity.service';
import { UserActivity } from '@app/modules/activity/entities/user-activity.entity';
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import { NotificationPreferencesRepository } from './notification-preferences.repository';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationChannel, NotificationType } from './notification-types';
import { NotificationErrorCode, NotificationException } from './notifications.exception';

// The embedded default (SQLite) with the real migrations; MariaDB is covered by test/api/notifications.
describe(NotificationPreferencesService.name, () => {
  let dataSource: DataSource;
  let service: NotificationPreferencesService;
  let userId: string;

  beforeEach(async () => {
    dataSource = new DataSource(dataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    service = new NotificationPreferencesService(
      new NotificationPreferencesRepository(dataSource.getRepository(NotificationPreference)),
      new ActivityService(dataSource.getRepository(UserActivity)),
      dataSource,
    );
    const user = Object.assign(new User(), {
      email: 'sam@example.com',
      passwordHash: 'x',
      role: Role.Parent,
      status: UserStatus.Active,
      firstName: 'Sam',
      lastName: 'Lee',
    });
    await dataSource.getRepository(User).insert(user);
    userId = user.id;
  });
  afterEach(() => dataSource.destroy());

  const stored = () =>
    dataSource.getRepository(NotificationPreference).find({ order: { type: 'ASC', channel: 'ASC' } });
  const activity = () => dataSource.getRepository(UserActivity).find();
  const bookings = async () =>
    (await service.list(userId)).preferences.find((p) => p.type === NotificationType.Bookings);

  describe('list', () => {
    it('gives every type its default when the user has chosen nothing', async () => {
      const { preferences } = await service.list(userId);
      expect(preferences.map((p) => [p.type, p.email, p.inApp, p.locked])).toEqual([
        ['account_security', true, true, true],
        ['messages', true, true, false],
        ['bookings', true, true, false],
        ['reminders', true, true, false],
        ['last_minute', true, true, false],
        ['product_news', false, false, false],
      ]);
    });
  });

  describe('update', () => {
    it('stores only the channels that change, overwrites earlier choices, and records the activity', async () => {
      await service.update(userId, [{ type: NotificationType.Bookings, email: false, inApp: true }]);
      expect(await stored()).toEqual([
        expect.objectContaining({ type: 'bookings', channel: NotificationChannel.Email, enabled: false }),
      ]);
      expect(await bookings()).toMatchObject({ email: false, inApp: true });

      await service.update(userId, [{ type: NotificationType.Bookings, email: true }]);
      expect(await stored()).toEqual([
        expect.objectContaining({ type: 'bookings', channel: NotificationChannel.Email, enabled: true }),
      ]);
      expect((await activity()).map((a) => [a.type, a.metadata])).toEqual([
        [ActivityType.NotificationPreferencesUpdated, { changes: 'bookings.email=off' }],
        [ActivityType.NotificationPreferencesUpdated, { changes: 'bookings.email=on' }],
      ]);
    });

    it('writes nothing, not even activity, when nothing changes', async () => {
      await service.update(userId, [
        { type: NotificationType.Messages, email: true },
        { type: NotificationType.AccountSecurity, inApp: true },
      ]);
      expect(await stored()).toEqual([]);
      expect(await activity()).toEqual([]);
    });

    it('refuses to turn off a locked type and writes nothing', async () => {
      const attempt = service.update(userId, [
        { type: NotificationType.Messages, email: false },
        { type: NotificationType.AccountSecurity, inApp: false },
      ]);
      await expect(attempt).rejects.toBeInstanceOf(NotificationException);
      await expect(attempt).rejects.toMatchObject({
        code: NotificationErrorCode.PreferenceLocked,
        details: [
          {
            field: 'preferences.1.inApp',
            message: 'Account security notifications are always on and cannot be changed',
          },
        ],
      });
      expect(await stored()).toEqual([]);
      expect(await activity()).toEqual([]);
    });
  });

  describe('allows', () => {
    it("follows the user's choice, else the default; locked types are always allowed", async () => {
      expect(await service.allows(userId, NotificationType.ProductNews, NotificationChannel.Email)).toBe(false);
      await service.update(userId, [{ type: NotificationType.ProductNews, email: true }]);
      expect(await service.allows(userId, NotificationType.ProductNews, NotificationChannel.Email)).toBe(true);
      expect(await service.allows(userId, NotificationType.ProductNews, NotificationChannel.InApp)).toBe(false);

      // Even a row written behind the service's back cannot silence a locked type.
      await dataSource
        .getRepository(NotificationPreference)
        .insert({ userId, type: NotificationType.AccountSecurity, channel: NotificationChannel.Email, enabled: false });
      expect(await service.allows(userId, NotificationType.AccountSecurity, NotificationChannel.Email)).toBe(true);
    });
  });
});
