import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { randomToken, sha256Hex } from '@app/common/crypto/secret-box';
import { RequestMeta } from '@app/common/http/request-meta';
import { AppConfig } from '@app/config/app-config';
import { type User, UserStatus } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { AuthContext } from '@app/common/auth/auth-context';
import { SettingsService } from '@app/modules/settings/settings.service';
import { AuthSession } from '../entities/auth-session.entity';
import { RefreshToken } from '../entities/refresh-token.entity';
import { LiveSession, SessionCache } from './session-cache';
import { SessionsRepository } from './sessions.repository';

/**
 * How often a session in use writes down that it was used (for the idle timeout, whose smallest
 * setting is 5 minutes): at most once a minute, not on every request.
 */
export const LAST_USED_WRITE_INTERVAL_MS = 60_000;
const POLICY_KEYS = ['session.idleTimeoutMinutes', 'session.absoluteLifetimeDays'] as const;
/** Sessions read per query when checking open connections. */
const ENDED_CHECK_BATCH = 500;

export enum RevokeReason {
  Logout = 'logout',
  ReuseDetected = 'refresh_token_reused',
  PasswordReset = 'password_reset',
  PasswordChanged = 'password_changed',
  TwoFactorChanged = 'two_factor_changed',
  Suspended = 'account_suspended',
  Erased = 'account_erased',
  /** Idle or alive for longer than the security settings allow. */
  Expired = 'session_expired',
}

export type RefreshOutcome =
  | { kind: 'rotated'; session: AuthSession; user: User; refreshToken: string }
  | { kind: 'reused'; session: AuthSession }
  | { kind: 'invalid' };

/**
 * Sessions and their refresh tokens. A refresh token is used once; using it issues the next one
 * in the same session (the family). Presenting a spent token means it was copied: the whole
 * family is revoked.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly cache: SessionCache,
    private readonly settings: SettingsService,
    private readonly users: UsersService,
    private readonly repository: SessionsRepository,
  ) {}

  async start(
    userId: string,
    meta: RequestMeta,
    manager: EntityManager,
  ): Promise<{ session: AuthSession; refreshToken: string }> {
    const session = Object.assign(new AuthSession(), {
      userId,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 255) ?? null,
      expiresAt: await this.refreshExpiry(),
      lastUsedAt: new Date(),
      revokedAt: null,
      revokedReason: null,
    });
    await this.repository.insertSession(session, manager);
    const refreshToken = await this.issueToken(session.id, manager);
    return { session, refreshToken };
  }

  async rotate(presented: string, meta: RequestMeta): Promise<RefreshOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const token = await this.repository.findRefreshToken(sha256Hex(presented), manager);
      if (!token) return { kind: 'invalid' };
      const session = await this.repository.findSession(token.sessionId, manager);
      if (!session || session.revokedAt) return { kind: 'invalid' };
      // Spend the token with a conditional update so two concurrent uses cannot both succeed.
      const spent = !token.usedAt && (await this.repository.spendRefreshToken(token.id, manager));
      if (!spent) {
        await this.revokeSession(session.id, RevokeReason.ReuseDetected, manager);
        return { kind: 'reused', session };
      }
      if (token.expiresAt.getTime() <= Date.now() || session.expiresAt.getTime() <= Date.now()) {
        return { kind: 'invalid' };
      }
      if (await this.outlivedPolicy(session)) {
        await this.revokeSession(session.id, RevokeReason.Expired, manager);
        return { kind: 'invalid' };
      }
      const user = await this.users.findById(session.userId, manager);
      if (!user) return { kind: 'invalid' };
      await this.repository.updateSession(
        session.id,
        { lastUsedAt: new Date(), ip: meta.ip, expiresAt: await this.refreshExpiry() },
        manager,
      );
      const refreshToken = await this.issueToken(session.id, manager);
      return { kind: 'rotated', session, user, refreshToken };
    });
  }

  /** The live session behind an access token, with its user; undefined once revoked or expired. */
  async findActive(sessionId: string, userId: string): Promise<{ session: AuthSession; user: User } | undefined> {
    const session = await this.findUnrevoked(sessionId);
    if (!session || session.userId !== userId || session.expiresAt.getTime() <= Date.now()) return undefined;
    return { session, user: session.user! };
  }

  /**
   * Who is calling with this access token's session: undefined once the session is revoked or
   * expired, has been idle or alive for longer than the security settings now allow (it is then
   * revoked, so its refresh token is refused too), or the account is not active. This runs on
   * every signed-in request, so it is answered from SessionCache when it can (see there why that
   * stays correct; a security settings change empties it on every instance).
   */
  async liveCaller(sessionId: string, userId: string): Promise<AuthContext | undefined> {
    const now = Date.now();
    let live = this.cache.get(sessionId, now);
    if (live === undefined) {
      live = await this.readLive(sessionId);
      this.cache.set(sessionId, live, now);
    }
    if (!live || live.userId !== userId || live.expiresAt <= now || live.status !== UserStatus.Active) return undefined;
    if (now - live.lastUsedAt > live.idleTimeoutMs || now - live.startedAt > live.absoluteLifetimeMs) {
      await this.revokeSession(sessionId, RevokeReason.Expired);
      return undefined;
    }
    if (now - live.lastUsedAt >= LAST_USED_WRITE_INTERVAL_MS) await this.markUsed(sessionId, live, now);
    return { userId: live.userId, role: live.role, sessionId, email: live.email };
  }

  /**
   * Which of these sessions (id to user id) have ended: revoked, expired, or idle or alive for
   * longer than the security settings now allow (those are revoked here, as liveCaller does).
   * For connections that stay open without requests (socket.io, SSE), checked in one query;
   * never counts as the session being used.
   */
  async endedAmong(sessions: ReadonlyMap<string, string>, now = Date.now()): Promise<string[]> {
    if (sessions.size === 0) return [];
    const ids = [...sessions.keys()];
    const [rows, limits] = await Promise.all([
      Promise.all(
        Array.from({ length: Math.ceil(ids.length / ENDED_CHECK_BATCH) }, (_, i) =>
          this.repository.findUnrevokedSessions(ids.slice(i * ENDED_CHECK_BATCH, (i + 1) * ENDED_CHECK_BATCH)),
        ),
      ).then((batches) => new Map(batches.flat().map((row) => [row.id, row]))),
      this.settings.getMany([...POLICY_KEYS]),
    ]);
    const ended: string[] = [];
    for (const [sessionId, userId] of sessions) {
      const row = rows.get(sessionId);
      if (!row || row.userId !== userId || row.expiresAt.getTime() <= now) {
        ended.push(sessionId);
        continue;
      }
      const lastUsed = (row.lastUsedAt ?? row.createdAt).getTime();
      if (
        now - lastUsed > limits['session.idleTimeoutMinutes'] * 60_000 ||
        now - row.createdAt.getTime() > limits['session.absoluteLifetimeDays'] * 24 * 3600_000
      ) {
        await this.revokeSession(sessionId, RevokeReason.Expired);
        ended.push(sessionId);
      }
    }
    return ended;
  }

  /** Empties the session cache here and on every other instance, once Redis has passed it on. */
  forgetCachedSessions(): Promise<void> {
    return this.cache.invalidate();
  }

  private async readLive(sessionId: string): Promise<LiveSession | null> {
    const [session, limits] = await Promise.all([
      this.findUnrevoked(sessionId),
      this.settings.getMany([...POLICY_KEYS]),
    ]);
    if (!session?.user) return null;
    return {
      userId: session.userId,
      role: session.user.role,
      email: session.user.email,
      status: session.user.status,
      expiresAt: session.expiresAt.getTime(),
      startedAt: session.createdAt.getTime(),
      lastUsedAt: (session.lastUsedAt ?? session.createdAt).getTime(),
      idleTimeoutMs: limits['session.idleTimeoutMinutes'] * 60_000,
      absoluteLifetimeMs: limits['session.absoluteLifetimeDays'] * 24 * 3600_000,
    };
  }

  /**
   * Records that the session was used now, for the idle timeout. Without entity listeners: this
   * is not a change the session cache must forget anything for (it updates its own entry).
   */
  private async markUsed(sessionId: string, live: LiveSession, now: number): Promise<void> {
    live.lastUsedAt = now;
    try {
      await this.repository.markUsed(sessionId, new Date(now));
    } catch (error) {
      this.logger.warn(`Could not record that session ${sessionId} was used: ${(error as Error).message}`);
    }
  }

  /** The unrevoked session with its user (the users module answers for the user). */
  private async findUnrevoked(sessionId: string): Promise<(AuthSession & { user?: User }) | null> {
    const session = await this.repository.findUnrevokedSession(sessionId);
    if (!session) return null;
    const user = await this.users.findById(session.userId);
    return user ? Object.assign(session, { user }) : null;
  }

  /** The session a refresh token belongs to (spent or not), for logout; undefined when unknown. */
  async findByRefreshToken(presented: string): Promise<AuthSession | undefined> {
    const token = await this.repository.findRefreshToken(sha256Hex(presented));
    if (!token) return undefined;
    return (await this.repository.findSession(token.sessionId)) ?? undefined;
  }

  async revokeSession(sessionId: string, reason: RevokeReason, manager?: EntityManager): Promise<void> {
    await this.repository.revoke(sessionId, reason, manager);
  }

  /** Ends every session of the user, optionally keeping the one making the request. */
  async revokeAllForUser(userId: string, reason: RevokeReason, manager: EntityManager, keep?: string): Promise<void> {
    await this.repository.revokeAllForUser(userId, reason, manager, keep);
  }

  /** The user's live sessions, newest first: where they are signed in (the admin's user page). */
  async listActiveForUser(userId: string): Promise<AuthSession[]> {
    const sessions = await this.repository.findUnrevokedForUser(userId, 50);
    return sessions.filter((session) => session.expiresAt.getTime() > Date.now());
  }

  private async issueToken(sessionId: string, manager: EntityManager): Promise<string> {
    const value = randomToken(32);
    await this.repository.insertRefreshToken(
      Object.assign(new RefreshToken(), {
        sessionId,
        tokenHash: sha256Hex(value),
        usedAt: null,
        expiresAt: await this.refreshExpiry(),
      }),
      manager,
    );
    return value;
  }

  /** Refresh tokens last as long as the security settings say (read on each use: live on every instance). */
  private async refreshExpiry(): Promise<Date> {
    const days = await this.settings.get('auth.refreshTokenLifetimeDays');
    return new Date(Date.now() + days * 24 * 3600 * 1000);
  }

  /** Whether the session has been idle, or alive, for longer than the security settings allow. */
  private async outlivedPolicy(session: AuthSession, now = Date.now()): Promise<boolean> {
    const limits = await this.settings.getMany([...POLICY_KEYS]);
    const lastUsed = (session.lastUsedAt ?? session.createdAt).getTime();
    return (
      now - lastUsed > limits['session.idleTimeoutMinutes'] * 60_000 ||
      now - session.createdAt.getTime() > limits['session.absoluteLifetimeDays'] * 24 * 3600_000
    );
  }
}
