import { Injectable } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { SettingsService } from '@app/modules/settings/settings.service';
import { AuthErrorCode, AuthException } from '../auth.exception';

export const MAX_PASSWORD_LENGTH = 128;
const BREACHED_LIST_SIZE = 10_000;

/**
 * NIST 800-63B style: a minimum length, no composition rules, and no password that appears in
 * the most common breached passwords. The limits come from settings so admins can change them live.
 */
@Injectable()
export class PasswordPolicy {
  private breached: Set<string> | undefined;

  /** Throws a 400 naming `field` when the password is not acceptable. */
  async assertAcceptable(password: string, field: string, context: { email?: string } = {}): Promise<void> {
    const { 'password.minLength': minLength, 'password.rejectBreached': rejectBreached } =
      await this.settingsService.getMany(['password.minLength', 'password.rejectBreached']);
    const problems: string[] = [];
    if ([...password].length < minLength) problems.push(`${field} must be at least ${minLength} characters long`);
    if ([...password].length > MAX_PASSWORD_LENGTH) {
      problems.push(`${field} must be at most ${MAX_PASSWORD_LENGTH} characters long`);
    }
    if (rejectBreached && this.isBreached(password)) {
      problems.push(`${field} appears in a list of breached passwords; choose another`);
    }
    if (context.email && password.toLowerCase() === context.email.toLowerCase()) {
      problems.push(`${field} must not be your email address`);
    }
    if (problems.length > 0) {
      throw new AuthException(
        AuthErrorCode.WeakPassword,
        problems.join('; '),
        problems.map((message) => ({ field, message })),
      );
    }
  }

  private isBreached(password: string): boolean {
    this.breached ??= new Set(
      (dictionary['passwords-common'] as string[]).slice(0, BREACHED_LIST_SIZE).map((p) => p.toLowerCase()),
    );
    return this.breached.has(password.toLowerCase());
  }

  constructor(private readonly settingsService: SettingsService) {}
}
