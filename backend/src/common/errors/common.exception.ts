import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from './domain.exception';

export enum CommonErrorCode {
  NotFound = 'NOT_FOUND',
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  Conflict = 'CONFLICT',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

export class CommonException extends defineDomainException<CommonErrorCode>('CommonException', {
  [CommonErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [CommonErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [CommonErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [CommonErrorCode.Conflict]: HttpStatus.CONFLICT,
  [CommonErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [CommonErrorCode.ServiceUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
}) {}

/** The one answer for "no such object, or not yours": never reveal which. */
export const notFound = (what: string) => new CommonException(CommonErrorCode.NotFound, `${what} not found`);
