import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum JobsErrorCode {
  /** `POST /api/cron` named no registered job (details name the `job` field). */
  UnknownJob = 'JOB_UNKNOWN',
  /** The job holds its lease somewhere in the cluster: running now. */
  Busy = 'JOB_BUSY',
}

export class JobsException extends defineDomainException<JobsErrorCode>('JobsException', {
  [JobsErrorCode.UnknownJob]: HttpStatus.BAD_REQUEST,
  [JobsErrorCode.Busy]: HttpStatus.CONFLICT,
}) {}
