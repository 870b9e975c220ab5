import { HttpStatus } from '@nestjs/common';
import { defineDomainException, ErrorDetail } from '@app/common/errors/domain.exception';

export enum ChildminderErrorCode {
  /** No such profile, or one that is not listed (hidden, inactive or incomplete): never told apart. */
  NotFound = 'CHILDMINDER_NOT_FOUND',
  /** The signed-in childminder has not started a profile yet. */
  OwnProfileMissing = 'CHILDMINDER_PROFILE_NOT_STARTED',
  ProfileExists = 'CHILDMINDER_PROFILE_EXISTS',
  /** The user an admin named is not a childminder. */
  NotAChildminder = 'NOT_A_CHILDMINDER',
  InvalidProfile = 'CHILDMINDER_PROFILE_INVALID',
  /** Recommendations need a postcode: none given and none on the account. */
  PostcodeRequired = 'POSTCODE_REQUIRED',
}

export class ChildminderException extends defineDomainException<ChildminderErrorCode>('ChildminderException', {
  [ChildminderErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ChildminderErrorCode.OwnProfileMissing]: HttpStatus.NOT_FOUND,
  [ChildminderErrorCode.ProfileExists]: HttpStatus.CONFLICT,
  [ChildminderErrorCode.NotAChildminder]: HttpStatus.BAD_REQUEST,
  [ChildminderErrorCode.InvalidProfile]: HttpStatus.BAD_REQUEST,
  [ChildminderErrorCode.PostcodeRequired]: HttpStatus.BAD_REQUEST,
}) {}

export const childminderNotFound = () =>
  new ChildminderException(ChildminderErrorCode.NotFound, 'Childminder not found');

/** A 400 naming the fields, in the same shape as the validation pipe's. */
export const invalidProfile = (details: ErrorDetail[]) =>
  new ChildminderException(ChildminderErrorCode.InvalidProfile, details.map((d) => d.message).join('; '), details);
