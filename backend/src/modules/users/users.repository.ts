import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { STAFF_ROLES } from '@app/common/auth/role';
import { forUpdate } from '@app/database/locking';
import { User, UserStatus } from './entities/user.entity';

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

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo(manager).find({ where: { id: In([...new Set(ids)]) } });
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
