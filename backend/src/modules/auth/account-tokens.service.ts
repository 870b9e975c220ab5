import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomToken, sha256Hex } from '@app/common/crypto/secret-box';
import { AccountTokensRepository } from './account-tokens.repository';
import { AccountToken, AccountTokenPurpose } from './entities/account-token.entity';

export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  [AccountTokenPurpose.EmailVerification]: 48 * 60,
  [AccountTokenPurpose.PasswordReset]: 60,
};

/** Emailed single-use tokens: 32 random bytes in the link, only their hash in the database. */
@Injectable()
export class AccountTokensService {
  constructor(private readonly tokens: AccountTokensRepository) {}

  /** Issues a token, voiding the user's earlier unused ones for the same purpose. */
  async issue(userId: string, purpose: AccountTokenPurpose, manager: EntityManager): Promise<string> {
    await this.tokens.voidUnused(userId, purpose, manager);
    const token = randomToken(32);
    await this.tokens.insert(
      Object.assign(new AccountToken(), {
        userId,
        purpose,
        tokenHash: sha256Hex(token),
        expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000),
        usedAt: null,
      }),
      manager,
    );
    return token;
  }

  /** Spends a token: the user id it was issued to, or undefined if unknown, used or expired. */
  async consume(token: string, purpose: AccountTokenPurpose, manager: EntityManager): Promise<string | undefined> {
    const row = await this.tokens.findUsable(sha256Hex(token), purpose, manager);
    if (!row) return undefined;
    return (await this.tokens.spend(row.id, manager)) ? row.userId : undefined;
  }
}
