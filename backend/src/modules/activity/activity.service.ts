import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { FlatJson } from '@app/database/flat-json';
import { Page, PageQuery, toPage } from '@app/common/pagination/page';
import { RequestMeta } from '@app/common/http/request-meta';
import { ACTIVITY_DESCRIPTIONS, ActivityType } from './activity-type';
import { ActivityEntryResponse, toActivityEntryResponse } from './dto/activity-entry.response';
import { UserActivity } from './entities/user-activity.entity';

/** Records what happens to accounts; every module writes activity through this service. */
@Injectable()
export class ActivityService {
  constructor(@InjectRepository(UserActivity) private readonly activity: Repository<UserActivity>) {}

  async record(
    userId: string,
    type: ActivityType,
    meta: RequestMeta | undefined,
    metadata?: FlatJson,
    manager?: EntityManager,
  ): Promise<void> {
    const repository = manager ? manager.getRepository(UserActivity) : this.activity;
    await repository.insert(
      Object.assign(new UserActivity(), {
        userId,
        type,
        description: ACTIVITY_DESCRIPTIONS[type],
        ip: meta?.ip ?? null,
        userAgent: meta?.userAgent?.slice(0, 255) ?? null,
        metadata: metadata ?? null,
      }),
    );
  }

  async listForUser(userId: string, query: PageQuery): Promise<Page<ActivityEntryResponse>> {
    const [rows, total] = await this.activity.findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return toPage(rows.map(toActivityEntryResponse), total, query);
  }

  /** Whether this user has signed in before from this browser and address (for new sign-in emails). */
  async hasSignedInFrom(userId: string, meta: RequestMeta): Promise<boolean> {
    const count = await this.activity.count({
      where: {
        userId,
        type: ActivityType.LoginSucceeded,
        ip: meta.ip ?? IsNull(),
        userAgent: meta.userAgent ? meta.userAgent.slice(0, 255) : IsNull(),
      },
    });
    return count > 0;
  }
}
