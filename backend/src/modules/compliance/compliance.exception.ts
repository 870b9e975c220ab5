import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum ComplianceErrorCode {
  RequirementNotFound = 'COMPLIANCE_REQUIREMENT_NOT_FOUND',
  RequirementExists = 'COMPLIANCE_REQUIREMENT_EXISTS',
  ChildminderNotFound = 'COMPLIANCE_CHILDMINDER_NOT_FOUND',
  /** PATCH names exactly one of `requirement` or `override`. */
  OneChangeRequired = 'COMPLIANCE_ONE_CHANGE_REQUIRED',
  JobBusy = 'COMPLIANCE_JOB_BUSY',
}

export class ComplianceException extends defineDomainException<ComplianceErrorCode>('ComplianceException', {
  [ComplianceErrorCode.RequirementNotFound]: HttpStatus.NOT_FOUND,
  [ComplianceErrorCode.RequirementExists]: HttpStatus.CONFLICT,
  [ComplianceErrorCode.ChildminderNotFound]: HttpStatus.NOT_FOUND,
  [ComplianceErrorCode.OneChangeRequired]: HttpStatus.BAD_REQUEST,
  [ComplianceErrorCode.JobBusy]: HttpStatus.CONFLICT,
}) {}
