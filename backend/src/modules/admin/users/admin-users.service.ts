import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { MessageResponse } from '@app/modules/auth/dto/auth.response';
import { ADMIN_ROLES, Role, STAFF_ROLES } from '@app/common/auth/role';
import { RequestMeta } from '@app/common/http/request-meta';
import { Page, PageQuery, toPage } from '@app/common/pagination/page';
import { FlatJson } from '@app/database/flat-json';
import { ActivityService } from '@app/modules/activity/activity.service';
import { AuditService } from '@app/modules/audit/audit.service';
import { AccountLinks } from '@app/modules/auth/account-links.service';
import { PasswordHasher } from '@app/modules/auth/password/password-hasher';
import { PasswordPolicy } from '@app/modules/auth/password/password-policy.service';
import { RevokeReason, SessionsService } from '@app/modules/auth/sessions/sessions.service';
import { BookingsService } from '@app/modules/bookings/bookings.service';
import { DocumentsService } from '@app/modules/documents/documents.service';
import { PrivacyService } from '@app/modules/privacy/privacy.service';
import { RealtimeService } from '@app/modules/realtime/realtime.service';
import { AdminSubscriptionsService } from '@app/modules/subscriptions/admin-subscriptions.service';
import { ChatStatus, type User, UserStatus } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { AdminErrorCode, AdminException } from '../admin.exception';
import { SupportFiguresPort } from '../dashboard/figures.port';
import {
  CreateAdminUserDto,
  DeleteAdminUserQuery,
  ListAdminUsersQuery,
  MakeAdminDto,
  SearchAdminUsersQuery,
  UpdateAdminUserDto,
} from './admin-user.dto';
import {
  AdminUserDetailResponse,
  AdminUserResponse,
  toAdminSessionResponse,
  toAdminUserResponse,
} from './admin-user.response';

const isAdminRole = (role: Role) => ADMIN_ROLES.includes(role);
const PROFILE_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'postcode'] as const;

/**
 * Admins managing accounts: find, create, edit, suspend and reactivate, send a reset link,
 * promote, erase. Every change is audited with the actor, the target, the time and the IP.
 * Roles: admins manage parents, childminders and support agents; a role change to or from an
 * admin role is for super admins; the last active super admin cannot be demoted, suspended or
 * erased; nobody suspends, demotes or erases themselves here (the account area has "delete my
 * account").
 */
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeService,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly links: AccountLinks,
    private readonly privacy: PrivacyService,
    private readonly bookings: BookingsService,
    private readonly documents: DocumentsService,
    private readonly subscriptions: AdminSubscriptionsService,
    private readonly support: SupportFiguresPort,
  ) {}

  async list(query: ListAdminUsersQuery): Promise<Page<AdminUserResponse>> {
    const [rows, total] = await this.users.listForAdmin({
      role: query.role,
      status: query.status,
      verified: query.verified,
      twoFactor: query.twoFactor,
      createdFrom: query.createdFrom,
      createdTo: query.createdTo,
      text: query.q,
      sort: query.sort,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      skip: query.skip,
      take: query.pageSize,
    });
    return toPage(rows.map(toAdminUserResponse), total, query);
  }

  search(query: SearchAdminUsersQuery): Promise<Page<AdminUserResponse>> {
    return this.list(
      Object.assign(new ListAdminUsersQuery(), {
        q: query.q,
        role: query.role,
        page: query.page,
        pageSize: query.pageSize,
      }),
    );
  }

  async get(id: string): Promise<AdminUserDetailResponse> {
    const user = await this.users.requireUser(id);
    const recent = Object.assign(new PageQuery(), { page: 1, pageSize: 20 });
    return {
      user: toAdminUserResponse(user),
      activity: (await this.activity.listForUser(id, recent)).items,
      sessions: (await this.sessions.listActiveForUser(id)).map(toAdminSessionResponse),
      bookings: await this.bookings.countsForUser(id),
      documents: await this.documents.countsByStatus(id),
      subscription: await this.subscriptions.currentForUser(id),
      openTickets: await this.support.read((figures) => figures.openTicketsFor(id)),
    };
  }

  async create(auth: AuthContext, dto: CreateAdminUserDto, meta: RequestMeta): Promise<AdminUserResponse> {
    if (isAdminRole(dto.role)) this.requireSuperAdmin(auth, 'Only a super admin can create admin accounts');
    if (dto.password !== undefined) await this.policy.assertAcceptable(dto.password, 'password', { email: dto.email });
    const passwordHash = await this.hasher.hash(dto.password ?? randomUnusablePassword());
    const user = this.users.build({
      email: dto.email,
      passwordHash,
      role: dto.role,
      status: UserStatus.Active,
      firstName: dto.firstName,
      lastName: dto.lastName,
      phone: dto.phone ?? null,
      postcode: dto.postcode ?? null,
      // An account made by staff needs no confirmation step: the link below proves the mailbox.
      emailVerifiedAt: new Date(),
      twoFactorSecretEncrypted: null,
      twoFactorEnabledAt: null,
      twoFactorLastStep: null,
      chatStatus: STAFF_ROLES.includes(dto.role) ? ChatStatus.Offline : null,
      lastLoginAt: null,
      // Made by staff: the person has not been asked yet (see User.privacyConsentAt).
      privacyConsentAt: null,
      privacyNoticeVersion: null,
      avatarUrl: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await this.users.insertAccount(user, manager);
      if (dto.password === undefined) await this.links.sendPasswordLink(user, 'welcome', manager);
      await this.record(auth, meta, 'admin.user.create', user.id, { role: dto.role }, manager);
    });
    return toAdminUserResponse(await this.users.requireUser(user.id));
  }

  async update(auth: AuthContext, id: string, dto: UpdateAdminUserDto, meta: RequestMeta): Promise<AdminUserResponse> {
    let statusChanged = false;
    await this.dataSource.transaction(async (manager) => {
      const mayRemoveSuperAdmin = dto.role !== undefined || dto.status !== undefined;
      const user = mayRemoveSuperAdmin
        ? await this.lockForSuperAdminChange(auth, id, manager)
        : await this.lockManageable(auth, id, manager);
      const changes: Partial<User> = {};
      const audit: FlatJson = {};
      for (const field of PROFILE_FIELDS) {
        const value = dto[field];
        if (value === undefined || value === user[field]) continue;
        changes[field] = value as never;
        // Which fields changed, not their values: the audit log is not a second copy of the profile.
        audit[field] = 'changed';
      }
      if (dto.emailVerified !== undefined && dto.emailVerified !== user.emailVerified) {
        changes.emailVerifiedAt = dto.emailVerified ? new Date() : null;
        audit.emailVerified = dto.emailVerified;
      }
      if (dto.role !== undefined && dto.role !== user.role) {
        await this.assertRoleChangeAllowed(auth, user, dto.role, manager);
        changes.role = dto.role;
        changes.chatStatus = STAFF_ROLES.includes(dto.role) ? (user.chatStatus ?? ChatStatus.Offline) : null;
        audit.oldRole = user.role;
        audit.newRole = dto.role;
      }
      if (dto.status !== undefined && dto.status !== user.status) {
        if (dto.status === UserStatus.Suspended) await this.users.assertNotLastSuperAdmin(user, manager);
        changes.status = dto.status;
        audit.oldStatus = user.status;
        audit.newStatus = dto.status;
        statusChanged = true;
      }
      if (Object.keys(changes).length === 0) return;
      if (changes.email !== undefined) await this.users.assertEmailFree(changes.email, manager);
      if (dto.reason) audit.reason = dto.reason;
      await this.users.updateAccount(user.id, changes, manager);
      const signOut = changes.status === UserStatus.Suspended || changes.role !== undefined;
      if (signOut) {
        // A suspension or a new role takes effect everywhere at once: every session ends now.
        await this.sessions.revokeAllForUser(user.id, RevokeReason.Suspended, manager);
      }
      const action =
        changes.status === UserStatus.Suspended
          ? 'admin.user.suspend'
          : changes.status === UserStatus.Active
            ? 'admin.user.reactivate'
            : 'admin.user.update';
      await this.record(auth, meta, action, user.id, audit, manager);
    });
    const updated = await this.users.requireUser(id);
    if (statusChanged && updated.status === UserStatus.Suspended) await this.realtime.disconnectUser(id);
    if (dto.role !== undefined) await this.realtime.disconnectUser(id);
    return toAdminUserResponse(updated);
  }

  async erase(auth: AuthContext, id: string, query: DeleteAdminUserQuery, meta: RequestMeta): Promise<void> {
    // The erasure is one transaction across every module; the rules are checked again inside it,
    // under the same locks, so nothing committed in between (another super admin's removal) slips past.
    const guard = async (manager: EntityManager) => {
      await this.users.assertNotLastSuperAdmin(await this.lockForSuperAdminChange(auth, id, manager), manager);
    };
    await this.dataSource.transaction(guard);
    await this.privacy.erase(id, { guard });
    // The audit entry names only the id.
    await this.record(auth, meta, 'admin.user.erase', id, query.reason ? { reason: query.reason } : {});
  }

  async sendResetLink(auth: AuthContext, id: string, meta: RequestMeta): Promise<MessageResponse> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockManageable(auth, id, manager, { allowSelf: true });
      await this.links.sendPasswordLink(user, 'reset', manager);
      await this.record(auth, meta, 'admin.user.reset_password', user.id, {}, manager);
    });
    return { message: 'A password reset link has been emailed to the user. It works for 1 hour.' };
  }

  async makeAdmin(auth: AuthContext, dto: MakeAdminDto, meta: RequestMeta): Promise<AdminUserResponse> {
    return this.update(auth, dto.userId, Object.assign(new UpdateAdminUserDto(), { role: dto.role }), meta);
  }

  // ---- rules ----

  /**
   * For a change that may remove a super admin (a role, a status, an erasure): every super admin's
   * row is locked first, in id order, then the target, so that two such changes queue rather than
   * both pass the last-super-admin check. A caller who stopped being a super admin while waiting
   * (the other change demoted them) is refused.
   */
  private async lockForSuperAdminChange(auth: AuthContext, id: string, manager: EntityManager): Promise<User> {
    const superAdmins = await this.users.lockSuperAdmins(manager);
    if (auth.role === Role.SuperAdmin && !superAdmins.some((admin) => admin.id === auth.userId)) {
      throw new AdminException(AdminErrorCode.SuperAdminOnly, 'You are no longer a super admin');
    }
    return this.lockManageable(auth, id, manager);
  }

  /** The target, locked; 404 when missing; refused when erased, or when it is the caller's own account. */
  private async lockManageable(
    auth: AuthContext,
    id: string,
    manager: EntityManager,
    options: { allowSelf?: boolean } = {},
  ): Promise<User> {
    const user = await this.users.lockUser(id, manager);
    if (user.status === UserStatus.Erased) {
      throw new AdminException(AdminErrorCode.UserErased, 'This account has been erased and cannot be changed');
    }
    if (!options.allowSelf && user.id === auth.userId) {
      throw new AdminException(
        AdminErrorCode.OwnAccount,
        'You cannot change your own role or status, or delete your own account, from the admin screens',
      );
    }
    // Another admin's account is a super admin's to manage.
    if (isAdminRole(user.role) && user.id !== auth.userId) {
      this.requireSuperAdmin(auth, 'Only a super admin can change an admin account');
    }
    return user;
  }

  private async assertRoleChangeAllowed(auth: AuthContext, user: User, role: Role, manager: EntityManager) {
    if (isAdminRole(role) || isAdminRole(user.role)) {
      this.requireSuperAdmin(auth, 'Only a super admin can give or take away an admin role');
    }
    if (user.role === Role.SuperAdmin) await this.users.assertNotLastSuperAdmin(user, manager);
  }

  private requireSuperAdmin(auth: AuthContext, message: string): void {
    if (auth.role !== Role.SuperAdmin) throw new AdminException(AdminErrorCode.SuperAdminOnly, message);
  }

  private record(
    auth: AuthContext,
    meta: RequestMeta,
    action: string,
    userId: string,
    metadata: FlatJson,
    manager?: EntityManager,
  ): Promise<void> {
    return this.audit.record(
      auth,
      { action, subjectType: 'user', subjectId: userId, ownerId: userId, metadata, ip: meta.ip },
      manager,
    );
  }
}

/** Nobody knows it, so nobody can sign in with it; the emailed link sets the real one. */
const randomUnusablePassword = () => randomBytes(32).toString('base64url');
