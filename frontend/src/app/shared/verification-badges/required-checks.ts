import type { VerificationBadge } from '@core/api/api-types';

/**
 * The checks every childminder must have verified and in date (the platform's default mandatory
 * requirements): a childminder without all of them is marked "checks not complete".
 */
export const REQUIRED_CHECKS: readonly VerificationBadge[] = [
  'ofsted_registration',
  'dbs_certificate',
  'first_aid_certificate',
  'public_liability_insurance',
  'safeguarding_training',
];

/** Each check as a noun, for the "checks not complete" line. */
export const CHECK_NAMES: Readonly<Record<VerificationBadge, string>> = {
  ofsted_registration: 'Ofsted registration',
  dbs_certificate: 'DBS check',
  first_aid_certificate: 'paediatric first aid',
  public_liability_insurance: 'insurance',
  safeguarding_training: 'safeguarding training',
  other: 'other document',
};

/** The required checks these badges do not cover, in REQUIRED_CHECKS order. */
export const missingChecks = (badges: readonly VerificationBadge[]): VerificationBadge[] =>
  REQUIRED_CHECKS.filter((check) => !badges.includes(check));
