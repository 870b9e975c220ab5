import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Role, STAFF_ROLES } from '@app/common/auth/role';
import { forUpdate } from '@app/database/locking';
import { User, UserStatus } from './entities/user.entity';

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

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<User[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.repo(manager).find({ where: { id: In(unique) } });
  }

  /** Active accounts holding one of `roles`, by name (staff pickers, notifying every admin). */
  findActiveByRoles(roles: readonly Role[], manager?: EntityManager): Promise<User[]> {
    return this.repo(manager).find({
      where: { role: In([...roles]), status: UserStatus.Active },
      order: { firstName: 'ASC', lastName: 'ASC' },
    });
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
}
