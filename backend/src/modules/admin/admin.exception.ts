import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum AdminErrorCode {
  /** Only a super admin may create, promote to or demote from an admin role. */
  SuperAdminOnly = 'SUPER_ADMIN_ONLY',
  /** An admin cannot suspend, demote or delete their own account from the admin screens. */
  OwnAccount = 'OWN_ACCOUNT',
  /** The account is erased: nothing about it can change any more. */
  UserErased = 'USER_ERASED',
  EmailRateLimited = 'EMAIL_RATE_LIMITED',
  NoRecipients = 'NO_RECIPIENTS',
}

export class AdminException extends defineDomainException<AdminErrorCode>('AdminException', {
  [AdminErrorCode.SuperAdminOnly]: HttpStatus.FORBIDDEN,
  [AdminErrorCode.OwnAccount]: HttpStatus.CONFLICT,
  [AdminErrorCode.UserErased]: HttpStatus.CONFLICT,
  [AdminErrorCode.EmailRateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [AdminErrorCode.NoRecipients]: HttpStatus.BAD_REQUEST,
}) {}
