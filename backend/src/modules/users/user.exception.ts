import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum UserErrorCode {
  NotFound = 'USER_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
}

export class UserException extends defineDomainException<UserErrorCode>('UserException', {
  [UserErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [UserErrorCode.EmailTaken]: HttpStatus.CONFLICT,
}) {}
