import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum UploadErrorCode {
  /** The body is not multipart/form-data, or has no `file` part, or an empty one. */
  Invalid = 'UPLOAD_INVALID',
  TooLarge = 'UPLOAD_TOO_LARGE',
  /** The bytes are not one of the kind's types, whatever the name or declared type say. */
  UnsupportedType = 'UPLOAD_UNSUPPORTED_TYPE',
}

export class UploadException extends defineDomainException<UploadErrorCode>('UploadException', {
  [UploadErrorCode.Invalid]: HttpStatus.BAD_REQUEST,
  [UploadErrorCode.TooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [UploadErrorCode.UnsupportedType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
}) {}

export const uploadProblem = (code: UploadErrorCode, message: string) =>
  new UploadException(code, message, [{ field: 'file', message }]);
