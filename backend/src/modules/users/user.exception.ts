import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum UserErrorCode {
  NotFound = 'USER_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
  /** The platform must keep at least one active super admin. */
  LastSuperAdmin = 'LAST_SUPER_ADMIN',
}

export class UserException extends defineDomainException<UserErrorCode>('UserException', {
  [UserErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [UserErrorCode.EmailTaken]: HttpStatus.CONFLICT,
  [UserErrorCode.LastSuperAdmin]: HttpStatus.CONFLICT,
}) {}
