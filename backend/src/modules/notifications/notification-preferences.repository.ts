import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { NotificationPreference } from './entities/notification-preference.entity';
import { NotificationChannel, NotificationType } from './notification-types';

export interface PreferenceChoice {
  type: NotificationType;
  channel: NotificationChannel;
  enabled: boolean;
}

/** Users' explicit notification choices; a missing row means "the type's default". */
@Injectable()
export class NotificationPreferencesRepository {
  constructor(@InjectRepository(NotificationPreference) private readonly rows: Repository<NotificationPreference>) {}

  private repo(manager?: EntityManager): Repository<NotificationPreference> {
    return manager ? manager.getRepository(NotificationPreference) : this.rows;
  }

  findForUser(userId: string, manager?: EntityManager): Promise<NotificationPreference[]> {
    return this.repo(manager).find({ where: { userId } });
  }

  /** With `manager`, read on the caller's transaction connection (see NotificationPreferencesService.allows). */
  findChoice(
    userId: string,
    type: NotificationType,
    channel: NotificationChannel,
    manager?: EntityManager,
  ): Promise<NotificationPreference | null> {
    const rows = manager ? manager.getRepository(NotificationPreference) : this.rows;
    return rows.findOne({ where: { userId, type, channel } });
  }

  /** Inserts or overwrites the user's choices (one statement on both dialects). */
  async save(userId: string, choices: PreferenceChoice[], manager: EntityManager): Promise<void> {
    if (choices.length === 0) return;
    await this.repo(manager).upsert(
      choices.map((choice) => ({ userId, ...choice, updatedAt: new Date() })),
      { conflictPaths: ['userId', 'type', 'channel'], skipUpdateIfNoValuesChanged: false },
    );
  }
}
