import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum SystemErrorCode {
  /** The platform is in maintenance mode: only admins (and sign-in, health) get through. */
  Maintenance = 'MAINTENANCE',
}

export class SystemException extends defineDomainException<SystemErrorCode>('SystemException', {
  [SystemErrorCode.Maintenance]: HttpStatus.SERVICE_UNAVAILABLE,
}) {}
