import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { SecretBox, sha256Hex } from '@app/common/crypto/secret-box';
import { RequestMeta } from '@app/common/http/request-meta';
import { AppConfig } from '@app/config/app-config';
import { ActivityType } from '@app/modules/activity/activity-type';
import { ActivityService } from '@app/modules/activity/activity.service';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { formatUkDateTime } from '@app/modules/notifications/email/email-templates';
import type { User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { AuthErrorCode, AuthException } from '../auth.exception';
import {
  TwoFactorDisabledResponse,
  TwoFactorEnabledResponse,
  TwoFactorSetupResponse,
  TwoFactorStatusResponse,
} from '../dto/auth.response';
import { DisableTwoFactorDto } from '../dto/auth.dto';
import { RecoveryCode } from '../entities/recovery-code.entity';
import { PasswordHasher } from '../password/password-hasher';
import { RevokeReason, SessionsService } from '../sessions/sessions.service';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { acceptTotp, newTotpSecret, totpUri } from './totp';

const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Recovery codes are typed by hand: no look-alike characters, dashes ignored, case ignored. */
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
}

@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly secretBox: SecretBox,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly activity: ActivityService,
    private readonly outbox: EmailOutboxService,
    private readonly config: AppConfig,
    private readonly recoveryCodes: RecoveryCodesRepository,
  ) {}

  async status(auth: AuthContext): Promise<TwoFactorStatusResponse> {
    const user = await this.requireUser(auth.userId);
    const remaining = await this.recoveryCodes.countUnused(user.id);
    return {
      enabled: user.twoFactorEnabled,
      enabledAt: user.twoFactorEnabledAt?.toISOString() ?? null,
      recoveryCodesRemaining: user.twoFactorEnabled ? remaining : 0,
    };
  }

  /** Starts (or restarts) setup: a new secret is stored, not yet enabled until a code proves it. */
  async setup(auth: AuthContext): Promise<TwoFactorSetupResponse> {
    const user = await this.requireUser(auth.userId);
    if (user.twoFactorEnabled) {
      throw new AuthException(AuthErrorCode.TwoFactorAlreadyEnabled, 'Two-factor authentication is already on');
    }
    const secret = newTotpSecret();
    await this.users.update(user.id, {
      twoFactorSecretEncrypted: this.secretBox.seal(secret),
      twoFactorLastStep: null,
    });
    const otpauthUrl = totpUri(secret, user.email);
    // Loaded when first needed, not at start-up.
    const QRCode = await import('qrcode');
    const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
    return { secret, otpauthUrl, qrCodeDataUrl };
  }

  async enable(auth: AuthContext, code: string, meta: RequestMeta): Promise<TwoFactorEnabledResponse> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(auth.userId, manager);
      if (user.twoFactorEnabled) {
        throw new AuthException(AuthErrorCode.TwoFactorAlreadyEnabled, 'Two-factor authentication is already on');
      }
      if (!user.twoFactorSecretEncrypted) {
        throw new AuthException(AuthErrorCode.TwoFactorSetupMissing, 'Start two-factor setup first');
      }
      const step = await acceptTotp(this.secretBox.open(user.twoFactorSecretEncrypted), code, user.twoFactorLastStep);
      if (step === undefined) throw this.wrongCode();
      const now = new Date();
      await this.users.update(user.id, { twoFactorEnabledAt: now, twoFactorLastStep: step }, manager);
      const recoveryCodes = await this.replaceRecoveryCodes(user.id, manager);
      await this.activity.record(user.id, ActivityType.TwoFactorEnabled, meta, undefined, manager);
      await this.outbox.enqueue(manager, {
        to: user.email,
        toName: user.displayName,
        userId: user.id,
        template: 'two-factor-enabled',
        variables: { firstName: user.firstName, when: formatUkDateTime(now) },
      });
      return { enabled: true as const, recoveryCodes };
    });
  }

  async disable(auth: AuthContext, dto: DisableTwoFactorDto, meta: RequestMeta): Promise<TwoFactorDisabledResponse> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(auth.userId, manager);
      if (!user.twoFactorEnabled) {
        throw new AuthException(AuthErrorCode.TwoFactorNotEnabled, 'Two-factor authentication is not on');
      }
      if (dto.code !== undefined) {
        if ((await this.acceptCode(user, dto.code, manager)) === false) throw this.wrongCode();
      } else if (!(await this.hasher.verify(user.passwordHash, dto.password ?? ''))) {
        throw new AuthException(AuthErrorCode.CurrentPasswordIncorrect, 'The password is not correct', [
          { field: 'password', message: 'The password is not correct' },
        ]);
      }
      await this.users.update(
        user.id,
        { twoFactorEnabledAt: null, twoFactorSecretEncrypted: null, twoFactorLastStep: null },
        manager,
      );
      await this.recoveryCodes.deleteAllFor(user.id, manager);
      await this.sessions.revokeAllForUser(user.id, RevokeReason.TwoFactorChanged, manager, auth.sessionId);
      await this.activity.record(user.id, ActivityType.TwoFactorDisabled, meta, undefined, manager);
      await this.outbox.enqueue(manager, {
        to: user.email,
        toName: user.displayName,
        userId: user.id,
        template: 'two-factor-disabled',
        variables: {
          firstName: user.firstName,
          when: formatUkDateTime(new Date()),
          resetLink: `${this.config.publicUrl}/forgot-password`,
        },
      });
      return { enabled: false as const };
    });
  }

  /**
   * Checks a sign-in code for a user with 2FA on, spending it so it cannot be replayed.
   * Must run inside the caller's transaction with the user row locked.
   */
  async acceptCode(user: User, code: string, manager: EntityManager): Promise<boolean> {
    if (!user.twoFactorSecretEncrypted) return false;
    const step = await acceptTotp(this.secretBox.open(user.twoFactorSecretEncrypted), code, user.twoFactorLastStep);
    if (step === undefined) return false;
    // Conditional update: of two concurrent requests with the same code, only one moves the step.
    return this.users.advanceTwoFactorStep(user, step, manager);
  }

  /** Spends a recovery code; true when it was one of the user's unused codes. */
  async acceptRecoveryCode(userId: string, code: string, manager: EntityManager): Promise<boolean> {
    return this.recoveryCodes.spend(userId, sha256Hex(normaliseRecoveryCode(code)), manager);
  }

  private async replaceRecoveryCodes(userId: string, manager: EntityManager): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.recoveryCodes.deleteAllFor(userId, manager);
    await this.recoveryCodes.insertMany(
      codes.map((code) =>
        Object.assign(new RecoveryCode(), { userId, codeHash: sha256Hex(normaliseRecoveryCode(code)), usedAt: null }),
      ),
      manager,
    );
    return codes;
  }

  private wrongCode(): AuthException {
    return new AuthException(AuthErrorCode.TwoFactorCodeIncorrect, 'The code is not correct or has already been used', [
      { field: 'code', message: 'The code is not correct or has already been used' },
    ]);
  }

  private async requireUser(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new AuthException(AuthErrorCode.InvalidSession, 'Sign in to continue');
    return user;
  }

  private async lockUser(id: string, manager: EntityManager): Promise<User> {
    const user = await this.users.findByIdForUpdate(id, manager);
    if (!user) throw new AuthException(AuthErrorCode.InvalidSession, 'Sign in to continue');
    return user;
  }
}
