import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan, MoreThan } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { BoundingBox } from '@app/modules/geo/geo-math';
import { UserStatus } from '@app/modules/users/entities/user.entity';
import { LastMinuteOpening } from './entities/last-minute-opening.entity';
import { LastMinuteSettings } from './entities/last-minute-settings.entity';

/** Openings and settings. Profiles, children and users are read through their modules' services. */
@Injectable()
export class LastMinuteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  countCurrentFor(childminderId: string, now: Date, manager: EntityManager): Promise<number> {
    return manager.getRepository(LastMinuteOpening).count({ where: { childminderId, endsAt: MoreThan(now) } });
  }

  async insertOpening(opening: LastMinuteOpening, manager: EntityManager): Promise<void> {
    await manager.getRepository(LastMinuteOpening).insert(opening);
  }

  currentFor(childminderId: string, now: Date): Promise<LastMinuteOpening[]> {
    return this.dataSource.getRepository(LastMinuteOpening).find({
      where: { childminderId, endsAt: MoreThan(now) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** The childminder's openings overlapping `from`-`to`, soonest first. */
  overlapping(childminderId: string, from: Date, to: Date, manager?: EntityManager): Promise<LastMinuteOpening[]> {
    return (manager ?? this.dataSource.manager).getRepository(LastMinuteOpening).find({
      where: { childminderId, startsAt: LessThan(to), endsAt: MoreThan(from) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  findOwned(id: string, childminderId: string): Promise<LastMinuteOpening | null> {
    return this.dataSource.getRepository(LastMinuteOpening).findOne({ where: { id, childminderId } });
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.getRepository(LastMinuteOpening).delete({ id });
  }

  /** Current openings of profiles inside `box`, soonest first (callers filter by exact distance). */
  currentWithin(box: BoundingBox, now: Date): Promise<LastMinuteOpening[]> {
    return this.dataSource
      .getRepository(LastMinuteOpening)
      .createQueryBuilder('opening')
      .innerJoinAndSelect('opening.profile', 'profile')
      .where('opening.endsAt > :now', { now })
      .andWhere('profile.latitude BETWEEN :minLat AND :maxLat', { minLat: box.minLatitude, maxLat: box.maxLatitude })
      .andWhere('profile.longitude BETWEEN :minLng AND :maxLng', {
        minLng: box.minLongitude,
        maxLng: box.maxLongitude,
      })
      .orderBy('opening.startsAt', 'ASC')
      .addOrderBy('opening.id', 'ASC')
      .getMany();
  }

  findSettings(userId: string, manager?: EntityManager): Promise<LastMinuteSettings | null> {
    return (manager ?? this.dataSource.manager).getRepository(LastMinuteSettings).findOne({ where: { userId } });
  }

  async saveSettings(settings: LastMinuteSettings, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(LastMinuteSettings).save(settings);
  }

  /** Active parents who have turned last-minute alerts on, with their user row (postcode, email, names). */
  alertingParents(manager: EntityManager): Promise<LastMinuteSettings[]> {
    return manager
      .getRepository(LastMinuteSettings)
      .createQueryBuilder('settings')
      .innerJoinAndSelect('settings.user', 'user')
      .where('settings.alertsEnabled = :on', { on: true })
      .andWhere('user.role = :role', { role: Role.Parent })
      .andWhere('user.status = :active', { active: UserStatus.Active })
      .andWhere('user.postcode IS NOT NULL')
      .getMany();
  }
}
