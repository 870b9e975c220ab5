import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, IsNull, LessThan, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Role, STAFF_ROLES } from '@app/common/auth/role';
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
/** What toProfileResponse reads (never the hash or the 2FA secret). */
const ACCOUNT_COLUMNS = [
  'id',
  'email',
  'role',
  'firstName',
  'lastName',
  'phone',
  'postcode',
  'emailVerifiedAt',
  'twoFactorEnabledAt',
  'avatarUrl',
  'createdAt',
] as const satisfies readonly (keyof User)[];

@Injectable()
export class UsersRepository {
  private accountSql?: string;
  private accountColumns?: ColumnMetadata[];

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  private repo(manager?: EntityManager): Repository<User> {
    return manager ? manager.getRepository(User) : this.users;
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /**
   * The columns the user's own account and profile responses show. Every page load asks for
   * them, so the SQL is built once and the row is hydrated directly, column by column, instead of
   * going through a query builder and the entity transformer on each request.
   */
  async findAccountById(id: string): Promise<User | null> {
    const columns = (this.accountColumns ??= ACCOUNT_COLUMNS.map((name) =>
      this.users.metadata.findColumnWithPropertyName(name)!,
    ));
    this.accountSql ??= this.users
      .createQueryBuilder('user')
      .select(ACCOUNT_COLUMNS.map((name) => `user.${name}`))
      .where('user.id = :id', { id })
      .getQueryAndParameters()[0];
    const rows: Record<string, unknown>[] = await this.users.query(this.accountSql, [id]);
    if (rows.length === 0) return null;
    const driver = this.users.manager.connection.driver;
    const user = new User();
    for (const column of columns) {
      (user as unknown as Record<string, unknown>)[column.propertyName] = driver.prepareHydratedValue(
        rows[0][`user_${column.databaseName}`],
        column,
      );
    }
    return user;
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

  /** Conditional update: true only when the stored step was still `previous` or below `step`. */
  async advanceTwoFactorStep(
    id: string,
    previous: number | null,
    step: number,
    manager: EntityManager,
  ): Promise<boolean> {
    const moved = await manager
      .getRepository(User)
      .update(previous === null ? { id, twoFactorLastStep: IsNull() } : { id, twoFactorLastStep: LessThan(step) }, {
        twoFactorLastStep: step,
      });
    return (moved.affected ?? 0) > 0;
  }

  /**
   * Every super admin's row, locked in id order. One order for every caller, so two transactions
   * taking these locks queue instead of deadlocking. The rows are locked through the primary key
   * (record locks only): a locking scan of the role index would also lock its gaps, and a
   * role change inserting into such a gap deadlocks with the transaction waiting there. Callers
   * re-check the role on the locked (latest) rows.
   */
  async lockSuperAdmins(manager: EntityManager): Promise<User[]> {
    const ids = await manager.getRepository(User).find({ select: { id: true }, where: { role: Role.SuperAdmin } });
    if (ids.length === 0) return [];
    const locked = await manager.getRepository(User).find({
      where: { id: In(ids.map((user) => user.id)) },
      order: { id: 'ASC' },
      ...forUpdate(manager),
    });
    return locked.filter((user) => user.role === Role.SuperAdmin);
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<User[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.repo(manager).find({ where: { id: In(unique) } });
  }

  /** The active account behind `id` if it holds `role`, or null. */
  findActiveWithRole(id: string, role: Role): Promise<User | null> {
    return this.users.findOne({ where: { id, role, status: UserStatus.Active } });
  }

  /** The active accounts among `ids`. */
  findActiveByIds(ids: readonly string[]): Promise<User[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.users.find({ where: { id: In(unique), status: UserStatus.Active } });
  }

  /** Active accounts holding one of `roles`, by name (staff pickers, notifying every admin). */
  findActiveByRoles(roles: readonly Role[], manager?: EntityManager): Promise<User[]> {
    return this.repo(manager).find({
      where: { role: In([...roles]), status: UserStatus.Active },
      order: { firstName: 'ASC', lastName: 'ASC' },
    });
  }

  /** Every account holding `role`, whatever its status, by last name (compliance overviews). */
  findByRole(role: Role): Promise<User[]> {
    return this.users.find({ where: { role }, order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' } });
  }

  /** The ids of every account holding `role`, in findByRole's order (by last name), without the rows. */
  async idsWithRoleByName(role: Role): Promise<string[]> {
    const rows = await this.users
      .createQueryBuilder('user')
      .select('user.id', 'id')
      .where('user.role = :role', { role })
      .orderBy('user.lastName', 'ASC')
      .addOrderBy('user.firstName', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** Up to `limit` ids of users of `role` after `afterId`, in id order: walks all of them in batches. */
  async idsWithRoleAfter(role: Role, afterId: string, limit: number, manager?: EntityManager): Promise<string[]> {
    const rows = await this.repo(manager)
      .createQueryBuilder('user')
      .select('user.id', 'id')
      .where('user.role = :role AND user.id > :afterId', { role, afterId })
      .orderBy('user.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** Active support agents and admins: the people who can answer the live chat. */
  findChatStaff(manager?: EntityManager): Promise<User[]> {
    return this.repo(manager).find({
      where: { role: In([...STAFF_ROLES]), status: UserStatus.Active },
      order: { firstName: 'ASC', lastName: 'ASC' },
    });
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
