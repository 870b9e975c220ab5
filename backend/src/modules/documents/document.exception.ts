import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum DocumentErrorCode {
  /** No such document, or not one the caller may see: the two are never told apart. */
  NotFound = 'DOCUMENT_NOT_FOUND',
  /** The record exists but its file is gone (the cleanup job will remove the record). */
  FileMissing = 'DOCUMENT_FILE_MISSING',
  LimitReached = 'DOCUMENT_LIMIT_REACHED',
  InvalidDates = 'DOCUMENT_INVALID_DATES',
  ReasonRequired = 'DOCUMENT_REASON_REQUIRED',
  ImageNotFound = 'PROFILE_IMAGE_NOT_FOUND',
}

export class DocumentException extends defineDomainException<DocumentErrorCode>('DocumentException', {
  [DocumentErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [DocumentErrorCode.FileMissing]: HttpStatus.GONE,
  [DocumentErrorCode.LimitReached]: HttpStatus.CONFLICT,
  [DocumentErrorCode.InvalidDates]: HttpStatus.BAD_REQUEST,
  [DocumentErrorCode.ReasonRequired]: HttpStatus.BAD_REQUEST,
  [DocumentErrorCode.ImageNotFound]: HttpStatus.NOT_FOUND,
}) {}

export const documentNotFound = () => new DocumentException(DocumentErrorCode.NotFound, 'Document not found');
