import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestMeta } from '@app/common/http/request-meta';
import { ActivityType } from '@app/modules/activity/activity-type';
import { ActivityService } from '@app/modules/activity/activity.service';
import {
  NotificationPreferenceResponse,
  NotificationPreferencesResponse,
} from './dto/notification-preferences.response';
import { NotificationPreferenceUpdateDto } from './dto/update-notification-preferences.dto';
import { NotificationPreference } from './entities/notification-preference.entity';
import { NotificationPreferencesRepository, PreferenceChoice } from './notification-preferences.repository';
import {
  NOTIFICATION_TYPES,
  NotificationChannel,
  NotificationType,
  NotificationTypeDefinition,
  notificationTypeDefinition,
} from './notification-types';
import { NotificationErrorCode, NotificationException } from './notifications.exception';

/** The request's channel names and the stored ones. */
const CHANNEL_FIELDS = [
  ['email', NotificationChannel.Email],
  ['inApp', NotificationChannel.InApp],
] as const;

type Settings = Map<NotificationType, Record<NotificationChannel, boolean>>;

/**
 * Who wants which notifications on which channel. Other modules ask `allows()` before they
 * send; users read and change their choices through `list()` and `update()`.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly preferences: NotificationPreferencesRepository,
    private readonly activity: ActivityService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(userId: string): Promise<NotificationPreferencesResponse> {
    return toNotificationPreferencesResponse(effectiveSettings(await this.preferences.findForUser(userId)));
  }

  /**
   * Applies the changes all or nothing. Setting a channel to the value it already has is not a
   * change, so sending a locked type back unchanged is accepted; turning it off is refused.
   */
  async update(
    userId: string,
    changes: NotificationPreferenceUpdateDto[],
    meta?: RequestMeta,
  ): Promise<NotificationPreferencesResponse> {
    await this.dataSource.transaction(async (manager) => {
      const current = effectiveSettings(await this.preferences.findForUser(userId, manager));
      const choices: PreferenceChoice[] = [];
      changes.forEach((change, index) => {
        const definition = notificationTypeDefinition(change.type);
        for (const [field, channel] of CHANNEL_FIELDS) {
          const wanted = change[field];
          if (wanted === undefined || wanted === current.get(change.type)![channel]) continue;
          if (definition.locked) throw lockedError(definition, `preferences.${index}.${field}`);
          choices.push({ type: change.type, channel, enabled: wanted });
        }
      });
      if (choices.length === 0) return;
      await this.preferences.save(userId, choices, manager);
      await this.activity.record(
        userId,
        ActivityType.NotificationPreferencesUpdated,
        meta,
        { changes: choices.map((c) => `${c.type}.${c.channel}=${c.enabled ? 'on' : 'off'}`).join(', ') },
        manager,
      );
    });
    return this.list(userId);
  }

  /**
   * Whether `userId` wants notifications of `type` on `channel`: their choice, else the default.
   * Callers inside a transaction pass its manager: a read on another pooled connection while the
   * transaction holds a lock others queue on can starve the pool.
   */
  async allows(
    userId: string,
    type: NotificationType,
    channel: NotificationChannel,
    manager?: EntityManager,
  ): Promise<boolean> {
    const definition = notificationTypeDefinition(type);
    if (definition.locked) return definition.defaults[channel];
    const choice = await this.preferences.findChoice(userId, type, channel, manager);
    return choice?.enabled ?? definition.defaults[channel];
  }
}

function effectiveSettings(rows: NotificationPreference[]): Settings {
  const settings: Settings = new Map(NOTIFICATION_TYPES.map((t) => [t.type, { ...t.defaults }]));
  for (const row of rows) {
    const definition = NOTIFICATION_TYPES.find((t) => t.type === row.type);
    // Rows of a retired type or channel are ignored; a locked type always has its defaults.
    if (!definition || definition.locked) continue;
    const channels = settings.get(definition.type)!;
    if (row.channel in channels) channels[row.channel as NotificationChannel] = row.enabled;
  }
  return settings;
}

function toNotificationPreferencesResponse(settings: Settings): NotificationPreferencesResponse {
  return {
    preferences: NOTIFICATION_TYPES.map((definition): NotificationPreferenceResponse => ({
      type: definition.type,
      label: definition.label,
      description: definition.description,
      email: settings.get(definition.type)![NotificationChannel.Email],
      inApp: settings.get(definition.type)![NotificationChannel.InApp],
      locked: definition.locked,
    })),
  };
}

function lockedError(definition: NotificationTypeDefinition, field: string): NotificationException {
  const message = `${definition.label} notifications are always on and cannot be changed`;
  return new NotificationException(NotificationErrorCode.PreferenceLocked, message, [{ field, message }]);
}
