import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DailyCount } from '@app/database/daily-counts';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { RequestMeta } from '@app/common/http/request-meta';
import { ActivityType } from '@app/modules/activity/activity-type';
import { ActivityService } from '@app/modules/activity/activity.service';
import { ChatStatusResponse, UpdateChatStatusDto } from './dto/chat-status.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfileResponse, toProfileResponse, toUserResponse, UserResponse } from './dto/user.response';
import { ChatStatus, User, UserStatus } from './entities/user.entity';
import { UserErrorCode, UserException } from './user.exception';
import { UserListFilters, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly activity: ActivityService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The user behind an id, or the feature's 404. */
  async requireUser(id: string, manager?: EntityManager): Promise<User> {
    const user = await this.users.findById(id, manager);
    if (!user) throw new UserException(UserErrorCode.NotFound, 'User not found');
    return user;
  }

  /** The account registered with `email` (any case), if there is one. */
  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.users.findByEmail(email.trim().toLowerCase(), manager);
  }

  /** The users behind `ids` that still exist, by id. */
  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<Map<string, User>> {
    const users = await this.users.findByIds(ids, manager);
    return new Map(users.map((u) => [u.id, u]));
  }

  /** Active accounts holding one of `roles`. */
  findActiveByRoles(roles: readonly Role[], manager?: EntityManager): Promise<User[]> {
    return this.users.findActiveByRoles(roles, manager);
  }

  /** Every account holding `role`, whatever its status, by last name. */
  findByRole(role: Role): Promise<User[]> {
    return this.users.findByRole(role);
  }

  /** The ids of every account holding `role`, in findByRole's order (by last name). */
  idsWithRoleByName(role: Role): Promise<string[]> {
    return this.users.idsWithRoleByName(role);
  }

  /** Up to `limit` ids of users of `role` after `afterId`, in id order: walks all of them in batches. */
  idsWithRoleAfter(role: Role, afterId: string, limit: number, manager?: EntityManager): Promise<string[]> {
    return this.users.idsWithRoleAfter(role, afterId, limit, manager);
  }

  /** The users behind `ids` (unknown ids are left out). */
  findManyByIds(ids: readonly string[], manager?: EntityManager): Promise<User[]> {
    return this.users.findByIds(ids, manager);
  }

  /** The active account behind `id` if it holds `role`, or null ("may a parent write to this childminder?"). */
  findActiveWithRole(id: string, role: Role): Promise<User | null> {
    return this.users.findActiveWithRole(id, role);
  }

  /** The active accounts among `ids` (unknown, suspended and erased ones are left out). */
  findActiveByIds(ids: readonly string[]): Promise<User[]> {
    return this.users.findActiveByIds(ids);
  }

  /** Support agents and admins with their chat status (offline when never set). */
  async listChatStaff(manager?: EntityManager): Promise<User[]> {
    const staff = await this.users.findChatStaff(manager);
    for (const user of staff) user.chatStatus ??= ChatStatus.Offline;
    return staff;
  }

  async getMe(auth: AuthContext): Promise<UserResponse> {
    return toUserResponse(await this.requireAccount(auth.userId));
  }

  async getProfile(auth: AuthContext): Promise<ProfileResponse> {
    return toProfileResponse(await this.requireAccount(auth.userId));
  }

  /** The caller's account columns only (see UsersRepository.findAccountById), or the 404. */
  private async requireAccount(id: string): Promise<User> {
    const user = await this.users.findAccountById(id);
    if (!user) throw new UserException(UserErrorCode.NotFound, 'User not found');
    return user;
  }

  async updateProfile(auth: AuthContext, dto: UpdateProfileDto, meta: RequestMeta): Promise<ProfileResponse> {
    const changed = Object.keys(dto).filter((key) => dto[key as keyof UpdateProfileDto] !== undefined);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findById(auth.userId, manager);
      if (!user) throw new UserException(UserErrorCode.NotFound, 'User not found');
      if (changed.length === 0) return;
      await this.users.update(user.id, dto, manager);
      await this.activity.record(user.id, ActivityType.ProfileUpdated, meta, { fields: changed.join(', ') }, manager);
    });
    return this.getProfile(auth);
  }

  // --- For other modules (auth, admin, documents, subscriptions, ...): the users table stays
  // this module's to read and write; they call these instead of a repository. ---

  /** A new account object with its id, to insert with `insert` or `insertAccount`. */
  build(
    fields: Omit<User, 'id' | 'createdAt' | 'updatedAt' | 'displayName' | 'emailVerified' | 'twoFactorEnabled'>,
  ): User {
    return Object.assign(new User(), fields);
  }

  /** The user behind an id, or null (callers answer with their own error). */
  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.users.findById(id, manager);
  }

  /** The user behind an id, locked for the rest of the caller's transaction, or null. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<User | null> {
    return this.users.findByIdForUpdate(id, manager);
  }

  /** Inserts a new account (registration checks the address first). */
  insert(user: User, manager?: EntityManager): Promise<User> {
    return this.users.insert(user, manager);
  }

  update(id: string, changes: Partial<User>, manager?: EntityManager): Promise<void> {
    return this.users.update(id, changes, manager);
  }

  /**
   * Moves the user's last accepted TOTP step to `step`, unless another request already moved it
   * as far: of two concurrent sign-ins with the same code only one gets true.
   */
  advanceTwoFactorStep(user: User, step: number, manager: EntityManager): Promise<boolean> {
    return this.users.advanceTwoFactorStep(user.id, user.twoFactorLastStep, step, manager);
  }

  listForAdmin(filters: UserListFilters): Promise<[User[], number]> {
    return this.users.findPage(filters);
  }

  /** The user behind an id, locked for the rest of the caller's transaction, or the 404. */
  async lockUser(id: string, manager: EntityManager): Promise<User> {
    const user = await this.users.findByIdForUpdate(id, manager);
    if (!user) throw new UserException(UserErrorCode.NotFound, 'User not found');
    return user;
  }

  /** Inserts an account an admin created; 409 when the address is taken. */
  async insertAccount(user: User, manager: EntityManager): Promise<User> {
    await this.assertEmailFree(user.email, manager);
    return this.users.insert(user, manager);
  }

  /** 409 when another account has this (normalised) address. */
  async assertEmailFree(email: string, manager: EntityManager): Promise<void> {
    if (await this.users.findByEmail(email, manager)) {
      throw new UserException(UserErrorCode.EmailTaken, 'An account with this email address already exists', [
        { field: 'email', message: 'An account with this email address already exists' },
      ]);
    }
  }

  async updateAccount(id: string, changes: Partial<User>, manager: EntityManager): Promise<void> {
    await this.users.update(id, changes, manager);
  }

  /**
   * Locks every super admin's row (in id order) and returns the active ones. A transaction that
   * may demote, suspend or erase a super admin calls this FIRST, before locking its target, so
   * two such transactions take their locks in the same order and the second sees what the first
   * committed: two super admins removing each other at once cannot leave none.
   */
  async lockSuperAdmins(manager: EntityManager): Promise<User[]> {
    return (await this.users.lockSuperAdmins(manager)).filter((user) => user.status === UserStatus.Active);
  }

  /**
   * Refuses to demote, suspend or erase the last active super admin: someone must always be able
   * to manage admins. Counts under the super admins' locks (see lockSuperAdmins), so the answer
   * holds until the caller's transaction ends.
   */
  async assertNotLastSuperAdmin(user: User, manager: EntityManager): Promise<void> {
    if (user.role !== Role.SuperAdmin || user.status !== UserStatus.Active) return;
    if ((await this.lockSuperAdmins(manager)).length <= 1) {
      throw new UserException(
        UserErrorCode.LastSuperAdmin,
        'This is the last active super admin: make another super admin first',
      );
    }
  }

  countByRole(): Promise<Record<string, number>> {
    return this.users.countByRole();
  }

  signupsByDay(from: Date, to: Date): Promise<DailyCount[]> {
    return this.users.signupsByDay(from, to);
  }

  findActiveInSegment(segment: { role?: Role; userIds?: string[]; postcodePrefix?: string }, limit: number) {
    return this.users.findActiveInSegment(segment, limit);
  }

  async getChatStatus(auth: AuthContext): Promise<ChatStatusResponse> {
    const user = await this.requireUser(auth.userId);
    return { status: user.chatStatus ?? ChatStatus.Offline };
  }

  async updateChatStatus(auth: AuthContext, dto: UpdateChatStatusDto, meta: RequestMeta): Promise<ChatStatusResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(auth.userId, { chatStatus: dto.status }, manager);
      await this.activity.record(auth.userId, ActivityType.ChatStatusChanged, meta, { status: dto.status }, manager);
    });
    return { status: dto.status };
  }
}
