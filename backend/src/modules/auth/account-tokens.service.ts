import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { randomToken, sha256Hex } from '@app/common/crypto/secret-box';
import { AccountToken, AccountTokenPurpose } from './entities/account-token.entity';

export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  [AccountTokenPurpose.EmailVerification]: 48 * 60,
  [AccountTokenPurpose.PasswordReset]: 60,
};

/** Emailed single-use tokens: 32 random bytes in the link, only their hash in the database. */
@Injectable()
export class AccountTokensService {
  /** Issues a token, voiding the user's earlier unused ones for the same purpose. */
  async issue(userId: string, purpose: AccountTokenPurpose, manager: EntityManager): Promise<string> {
    const repository = manager.getRepository(AccountToken);
    await repository.update({ userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
    const token = randomToken(32);
    await repository.insert(
      Object.assign(new AccountToken(), {
        userId,
        purpose,
        tokenHash: sha256Hex(token),
        expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000),
        usedAt: null,
      }),
    );
    return token;
  }

  /** Spends a token: the user id it was issued to, or undefined if unknown, used or expired. */
  async consume(token: string, purpose: AccountTokenPurpose, manager: EntityManager): Promise<string | undefined> {
    const repository = manager.getRepository(AccountToken);
    const row = await repository.findOne({
      where: { tokenHash: sha256Hex(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    if (!row) return undefined;
    const spent = await repository.update({ id: row.id, usedAt: IsNull() }, { usedAt: new Date() });
    return (spent.affected ?? 0) > 0 ? row.userId : undefined;
  }
}
