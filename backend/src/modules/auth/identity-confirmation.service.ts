import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '@app/modules/users/users.service';
import { AuthErrorCode, AuthException } from './auth.exception';
import { PasswordHasher } from './password/password-hasher';
import { TwoFactorService } from './two-factor/two-factor.service';

/**
 * "Is it really you?" before something that cannot be undone (deleting the account): the
 * current password, or a current two-factor code for an account that has 2FA on.
 */
@Injectable()
export class IdentityConfirmation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async confirm(userId: string, proof: { password?: string; code?: string }): Promise<void> {
    const confirmed = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(userId, manager);
      if (!user) return false;
      if (proof.password !== undefined) return this.hasher.verify(user.passwordHash, proof.password);
      if (proof.code !== undefined && user.twoFactorEnabled)
        return this.twoFactor.acceptCode(user, proof.code, manager);
      return false;
    });
    if (!confirmed) {
      throw new AuthException(
        AuthErrorCode.CurrentPasswordIncorrect,
        'Confirm with your current password, or a code from your authenticator app',
        [{ field: proof.password !== undefined ? 'password' : 'code', message: 'This is not correct' }],
      );
    }
  }
}
