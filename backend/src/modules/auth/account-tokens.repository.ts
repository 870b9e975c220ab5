import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { AccountToken, AccountTokenPurpose } from './entities/account-token.entity';

/** The account_tokens table (emailed single-use links), inside the caller's transaction. */
@Injectable()
export class AccountTokensRepository {
  /** Marks the user's unused tokens for `purpose` as used. */
  async voidUnused(userId: string, purpose: AccountTokenPurpose, manager: EntityManager): Promise<void> {
    await manager.getRepository(AccountToken).update({ userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
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
