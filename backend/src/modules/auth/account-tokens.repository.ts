import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { AccountToken, AccountTokenPurpose } from './entities/account-token.entity';

/** The account_tokens table (emailed single-use links), inside the caller's transaction. */
@Injectable()
export class AccountTokensRepository {
  /**
   * Marks the user's unused tokens for `purpose` as used. Found first with a plain read and then
   * updated by id: on MariaDB an UPDATE whose WHERE matches nothing (a new account has no tokens)
   * still locks the index gap where such rows would go, and two registrations locking one gap
   * and then inserting into it deadlock, which answered one of them with a 500.
   */
  async voidUnused(userId: string, purpose: AccountTokenPurpose, manager: EntityManager): Promise<void> {
    const repository = manager.getRepository(AccountToken);
    const unused = await repository.find({ select: { id: true }, where: { userId, purpose, usedAt: IsNull() } });
    if (unused.length === 0) return;
    await repository.update({ id: In(unused.map((t) => t.id)), usedAt: IsNull() }, { usedAt: new Date() });
  }

  async insert(token: AccountToken, manager: EntityManager): Promise<void> {
    await manager.getRepository(AccountToken).insert(token);
  }

  /** The unused, unexpired token with this hash and purpose, if any. */
  findUsable(tokenHash: string, purpose: AccountTokenPurpose, manager: EntityManager): Promise<AccountToken | null> {
    return manager.getRepository(AccountToken).findOne({
      where: { tokenHash, purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
  }

  /** Conditional update: true only for the one caller that spent the token. */
  async spend(id: string, manager: EntityManager): Promise<boolean> {
    const spent = await manager.getRepository(AccountToken).update({ id, usedAt: IsNull() }, { usedAt: new Date() });
    return (spent.affected ?? 0) > 0;
  }
}
