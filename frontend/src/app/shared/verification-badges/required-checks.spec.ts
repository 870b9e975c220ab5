import { missingChecks } from './required-checks';

describe('missingChecks', () => {
  it('names every required check a childminder has no verified, in-date badge for', () => {
    expect(missingChecks(['ofsted_registration', 'dbs_certificate', 'other'])).toEqual([
      'first_aid_certificate',
      'public_liability_insurance',
      'safeguarding_training',
    ]);
  });

  it('is empty when all the required checks are verified', () => {
    expect(
      missingChecks([
        'safeguarding_training',
        'public_liability_insurance',
        'first_aid_certificate',
        'dbs_certificate',
        'ofsted_registration',
      ]),
    ).toEqual([]);
  });
});
