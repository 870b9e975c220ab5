import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { GoogleIdentity } from '../entities/google-identity.entity';
import { GooglePendingSignIn } from '../entities/google-pending-sign-in.entity';
import { GoogleSignInState } from '../entities/google-sign-in-state.entity';

/** Using a state up: it was ours and unused (`ok`), or why not. */
export type StateUse = 'ok' | 'unknown' | 'used' | 'expired';

/** The rows of "Sign in with Google": states in flight, pending steps and the links themselves. */
@Injectable()
export class GoogleSignInRepository {
  constructor(
    @InjectRepository(GoogleSignInState) private readonly states: Repository<GoogleSignInState>,
    @InjectRepository(GooglePendingSignIn) private readonly pending: Repository<GooglePendingSignIn>,
    @InjectRepository(GoogleIdentity) private readonly identities: Repository<GoogleIdentity>,
  ) {}

  async insertState(state: GoogleSignInState): Promise<void> {
    await this.states.insert(state);
  }

  /** Marks the state used, once: a second use (a replay) or a late one is refused and said so. */
  async useState(stateHash: string, now: Date): Promise<{ use: StateUse; state?: GoogleSignInState }> {
    const state = await this.states.findOne({ where: { stateHash } });
    if (!state) return { use: 'unknown' };
    const result = await this.states.update({ stateHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    if (result.affected) return { use: 'ok', state };
    if (state.usedAt) return { use: 'used' };
    const latest = await this.states.findOne({ where: { stateHash } });
    return { use: latest?.usedAt ? 'used' : 'expired' };
  }

  /** Forgets states and pending steps that expired a day ago (kept a while so a late replay is told "used"). */
  async deleteExpired(before: Date): Promise<void> {
    await this.states.delete({ expiresAt: LessThanOrEqual(before) });
    await this.pending.delete({ expiresAt: LessThanOrEqual(before) });
  }

  async insertPending(pending: GooglePendingSignIn): Promise<void> {
    await this.pending.insert(pending);
  }

  findPending(tokenHash: string, now: Date): Promise<GooglePendingSignIn | null> {
    return this.pending.findOne({ where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) } });
  }

  /** Uses the pending step up; false when another request already did. */
  async usePending(id: string, now: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .getRepository(GooglePendingSignIn)
      .update({ id, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    return !!result.affected;
  }

  findIdentityBySub(googleSub: string): Promise<GoogleIdentity | null> {
    return this.identities.findOne({ where: { googleSub } });
  }

  findIdentityOfUser(userId: string): Promise<GoogleIdentity | null> {
    return this.identities.findOne({ where: { userId } });
  }

  /** Links the Google account to the user, replacing a link the user had to another Google account. */
  async link(
    userId: string,
    googleSub: string,
    googleEmail: string,
    passwordChosen: boolean,
    manager: EntityManager,
  ): Promise<void> {
    const repository = manager.getRepository(GoogleIdentity);
    await repository.delete({ userId });
    await repository.insert(
      Object.assign(new GoogleIdentity(), { userId, googleSub, googleEmail, lastSignInAt: new Date(), passwordChosen }),
    );
  }

  /** Removes the user's link to Google; false when there was none. */
  async unlink(userId: string, manager: EntityManager): Promise<boolean> {
    return ((await manager.getRepository(GoogleIdentity).delete({ userId })).affected ?? 0) > 0;
  }

  /** The owner has set a password (a reset link): unlinking Google no longer locks them out. */
  async markPasswordChosen(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(GoogleIdentity).update({ userId, passwordChosen: false }, { passwordChosen: true });
  }

  async touch(id: string, googleEmail: string): Promise<void> {
    await this.identities.update(id, { googleEmail, lastSignInAt: new Date() });
  }
}
