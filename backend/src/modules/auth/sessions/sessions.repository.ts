import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { AuthSession } from '../entities/auth-session.entity';
import { RefreshToken } from '../entities/refresh-token.entity';

/** The auth_sessions and refresh_tokens tables, by the questions sign-in and refresh ask. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private sessions(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AuthSession);
  }

  private tokens(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RefreshToken);
  }

  async insertSession(session: AuthSession, manager: EntityManager): Promise<void> {
    await this.sessions(manager).insert(session);
  }

  findSession(id: string, manager?: EntityManager): Promise<AuthSession | null> {
    return this.sessions(manager).findOne({ where: { id } });
  }

  /**
   * Records when a session was last used, without entity listeners: not a change the session
   * cache must forget anything for (it updates its own entry).
   */
  async markUsed(id: string, at: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(AuthSession)
      .set({ lastUsedAt: at })
      .where('id = :id', { id })
      .callListeners(false)
      .execute();
  }

  /** The unrevoked sessions among these ids (a missing id was revoked or never existed). */
  findUnrevokedSessions(ids: readonly string[]): Promise<AuthSession[]> {
    return this.sessions().find({ where: { id: In([...ids]), revokedAt: IsNull() } });
  }

  findUnrevokedSession(id: string): Promise<AuthSession | null> {
    return this.sessions().findOne({ where: { id, revokedAt: IsNull() } });
  }

  async updateSession(
    id: string,
    changes: Partial<Pick<AuthSession, 'lastUsedAt' | 'ip' | 'expiresAt'>>,
    manager: EntityManager,
  ): Promise<void> {
    await this.sessions(manager).update(id, changes);
  }

  /** Revokes the session unless it already is (the first reason stays). */
  async revoke(id: string, reason: string, manager?: EntityManager): Promise<void> {
    await this.sessions(manager).update({ id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  /** Revokes every unrevoked session of the user, except `keep` when given. */
  async revokeAllForUser(userId: string, reason: string, manager: EntityManager, keep?: string): Promise<void> {
    await this.sessions(manager).update(
      { userId, revokedAt: IsNull(), ...(keep ? { id: Not(keep) } : {}) },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  /** The user's unrevoked sessions, newest first (at most `take`). */
  findUnrevokedForUser(userId: string, take: number): Promise<AuthSession[]> {
    return this.sessions().find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' }, take });
  }

  findRefreshToken(tokenHash: string, manager?: EntityManager): Promise<RefreshToken | null> {
    return this.tokens(manager).findOne({ where: { tokenHash } });
  }

  /** Conditional update: of two concurrent uses of one refresh token, only one gets true. */
  async spendRefreshToken(id: string, manager: EntityManager): Promise<boolean> {
    const spent = await this.tokens(manager).update({ id, usedAt: IsNull() }, { usedAt: new Date() });
    return (spent.affected ?? 0) > 0;
  }

  async insertRefreshToken(token: RefreshToken, manager: EntityManager): Promise<void> {
    await this.tokens(manager).insert(token);
  }
}
