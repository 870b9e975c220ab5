import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum BackupsErrorCode {
  /** A backup or restore is running already somewhere in the cluster. */
  Busy = 'BACKUP_BUSY',
  /** No such backup, or it failed, or its archive is gone. */
  NotFound = 'BACKUP_NOT_FOUND',
  /** The archive is damaged, altered, not ours, or from another database dialect: refused, nothing changed. */
  ArchiveInvalid = 'BACKUP_ARCHIVE_INVALID',
  /** The archive's schema is newer than this server knows. */
  SchemaNewer = 'BACKUP_SCHEMA_NEWER',
  /** The restore confirmation did not match. */
  ConfirmationMismatch = 'BACKUP_CONFIRMATION_MISMATCH',
  /** The schedule is not valid (bad cron expression, weekly without a day). */
  ScheduleInvalid = 'BACKUP_SCHEDULE_INVALID',
}

export class BackupsException extends defineDomainException<BackupsErrorCode>('BackupsException', {
  [BackupsErrorCode.Busy]: HttpStatus.CONFLICT,
  [BackupsErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [BackupsErrorCode.ArchiveInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [BackupsErrorCode.SchemaNewer]: HttpStatus.UNPROCESSABLE_ENTITY,
  [BackupsErrorCode.ConfirmationMismatch]: HttpStatus.BAD_REQUEST,
  [BackupsErrorCode.ScheduleInvalid]: HttpStatus.BAD_REQUEST,
}) {}
