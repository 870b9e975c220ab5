import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { normalisePostcode, UK_POSTCODE_PATTERN } from '@app/common/validation/validators';
import { countBy, countByDay, DailyCount } from '@app/database/daily-counts';
import { forUpdate } from '@app/database/locking';
import { User, UserStatus } from './entities/user.entity';

/** An admin's view of the user list: every filter optional. */
export interface UserListFilters {
  role?: Role;
  status?: UserStatus;
  verified?: boolean;
  twoFactor?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
  /** Words each matching the start of the first name, last name, email or postcode. */
  text?: string;
  sort: 'createdAt' | 'lastLoginAt' | 'email' | 'lastName';
  order: 'ASC' | 'DESC';
  skip: number;
  take: number;
}

/** The users table, by the questions the product asks of it. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  private repo(manager?: EntityManager): Repository<User> {
    return manager ? manager.getRepository(User) : this.users;
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /** Emails are stored lower-cased; callers pass them normalised. */
  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOne({ where: { email } });
  }

  async insert(user: User, manager?: EntityManager): Promise<User> {
    await this.repo(manager).insert(user);
    return user;
  }

  async update(id: string, changes: Partial<User>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update(id, changes);
  }

  /** Row lock for changes that must not interleave (two-factor step, password change). */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<User | null> {
    return manager.getRepository(User).findOne({ where: { id }, ...forUpdate(manager) });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  /** One page of users for admins; erased accounts only when asked for by status. */
  findPage(filters: UserListFilters): Promise<[User[], number]> {
    const query = this.users.createQueryBuilder('user');
    if (filters.status) query.andWhere('user.status = :status', { status: filters.status });
    else query.andWhere('user.status <> :erased', { erased: UserStatus.Erased });
    if (filters.role) query.andWhere('user.role = :role', { role: filters.role });
    if (filters.verified !== undefined) {
      query.andWhere(filters.verified ? 'user.emailVerifiedAt IS NOT NULL' : 'user.emailVerifiedAt IS NULL');
    }
    if (filters.twoFactor !== undefined) {
      query.andWhere(filters.twoFactor ? 'user.twoFactorEnabledAt IS NOT NULL' : 'user.twoFactorEnabledAt IS NULL');
    }
    if (filters.createdFrom) query.andWhere('user.createdAt >= :from', { from: filters.createdFrom });
    if (filters.createdTo) query.andWhere('user.createdAt < :to', { to: filters.createdTo });
    const text = (filters.text ?? '').trim();
    if (UK_POSTCODE_PATTERN.test(text)) {
      query.andWhere('user.postcode LIKE :postcode', { postcode: `${normalisePostcode(text)}%` });
    } else {
      text
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 5)
        .forEach((word, i) => {
          const prefix = `${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;
          query.andWhere(
            new Brackets((or) =>
              or
                .where(`LOWER(user.firstName) LIKE :w${i} ESCAPE '!'`, { [`w${i}`]: prefix })
                .orWhere(`LOWER(user.lastName) LIKE :w${i} ESCAPE '!'`)
                .orWhere(`user.email LIKE :w${i} ESCAPE '!'`)
                .orWhere(`user.postcode LIKE :p${i} ESCAPE '!'`, { [`p${i}`]: prefix.toUpperCase() }),
            ),
          );
        });
    }
    return query
      .orderBy(`user.${filters.sort}`, filters.order)
      .addOrderBy('user.id', 'ASC')
      .skip(filters.skip)
      .take(filters.take)
      .getManyAndCount();
  }

  /** Active accounts holding a role (the last super admin rule). */
  countActiveWithRole(role: Role, manager?: EntityManager): Promise<number> {
    return this.repo(manager).count({ where: { role, status: UserStatus.Active } });
  }

  /** Users by role, not counting erased accounts. */
  countByRole(): Promise<Record<string, number>> {
    return countBy(
      this.users.createQueryBuilder('user').where('user.status <> :erased', { erased: UserStatus.Erased }),
      'user',
      'role',
    );
  }

  /** Sign-ups per UTC day and role in [from, to) (served by IDX_users_created_at). */
  signupsByDay(from: Date, to: Date): Promise<DailyCount[]> {
    return countByDay(this.users.createQueryBuilder('user'), 'user', 'createdAt', 'role', { from, to });
  }

  /** Active users matching a segment, for admin emails: ids, names and addresses only. */
  findActiveInSegment(
    segment: { role?: Role; userIds?: string[]; postcodePrefix?: string },
    limit: number,
  ): Promise<User[]> {
    const query = this.users.createQueryBuilder('user').where('user.status = :active', { active: UserStatus.Active });
    if (segment.role) query.andWhere('user.role = :role', { role: segment.role });
    if (segment.userIds)
      query.andWhere('user.id IN (:...ids)', { ids: segment.userIds.length ? segment.userIds : [''] });
    if (segment.postcodePrefix) {
      query.andWhere('user.postcode LIKE :prefix', { prefix: `${segment.postcodePrefix.replace(/[%_!]/g, '')}%` });
    }
    return query.orderBy('user.createdAt', 'ASC').take(limit).getMany();
  }
}
