import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum AuthErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  EmailNotVerified = 'EMAIL_NOT_VERIFIED',
  AccountSuspended = 'ACCOUNT_SUSPENDED',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  InvalidToken = 'INVALID_TOKEN',
  InvalidSession = 'INVALID_SESSION',
  InvalidTwoFactorCode = 'INVALID_TWO_FACTOR_CODE',
  /** A wrong code while signed in (setup, disable): a 400, so clients do not mistake it for an expired session. */
  TwoFactorCodeIncorrect = 'TWO_FACTOR_CODE_INCORRECT',
  InvalidChallenge = 'INVALID_TWO_FACTOR_CHALLENGE',
  TwoFactorAlreadyEnabled = 'TWO_FACTOR_ALREADY_ENABLED',
  TwoFactorNotEnabled = 'TWO_FACTOR_NOT_ENABLED',
  TwoFactorSetupMissing = 'TWO_FACTOR_SETUP_MISSING',
  CurrentPasswordIncorrect = 'CURRENT_PASSWORD_INCORRECT',
  WeakPassword = 'WEAK_PASSWORD',
  EmailTaken = 'EMAIL_TAKEN',
  /** Linking a Google account to an account with 2FA on: its code is needed too. */
  TwoFactorRequired = 'TWO_FACTOR_REQUIRED',
  GoogleNotConfigured = 'GOOGLE_NOT_CONFIGURED',
  GoogleNotLinked = 'GOOGLE_NOT_LINKED',
  PasswordNeededToUnlink = 'SET_PASSWORD_FIRST',
}

export class AuthException extends defineDomainException<AuthErrorCode>('AuthException', {
  [AuthErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.EmailNotVerified]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.AccountSuspended]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.TooManyAttempts]: HttpStatus.TOO_MANY_REQUESTS,
  [AuthErrorCode.InvalidToken]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.InvalidSession]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.InvalidTwoFactorCode]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.TwoFactorCodeIncorrect]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.InvalidChallenge]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.TwoFactorAlreadyEnabled]: HttpStatus.CONFLICT,
  [AuthErrorCode.TwoFactorNotEnabled]: HttpStatus.CONFLICT,
  [AuthErrorCode.TwoFactorSetupMissing]: HttpStatus.CONFLICT,
  [AuthErrorCode.CurrentPasswordIncorrect]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.WeakPassword]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.EmailTaken]: HttpStatus.CONFLICT,
  [AuthErrorCode.TwoFactorRequired]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.GoogleNotConfigured]: HttpStatus.SERVICE_UNAVAILABLE,
  [AuthErrorCode.GoogleNotLinked]: HttpStatus.NOT_FOUND,
  [AuthErrorCode.PasswordNeededToUnlink]: HttpStatus.CONFLICT,
}) {}

export const tooManyAttempts = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const error = new AuthException(
    AuthErrorCode.TooManyAttempts,
    `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
  error.headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return error;
};
