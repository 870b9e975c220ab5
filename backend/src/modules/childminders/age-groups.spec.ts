import { DateTime } from 'luxon';
import { UK_ZONE } from '@app/modules/children/child-age';
import { ageGroupOn, ageGroupsOf } from './age-groups';
import { AgeGroup } from './childminder-vocabulary';

const on = DateTime.fromISO('2026-03-10', { zone: UK_ZONE });

describe('ageGroupOn', () => {
  it.each([
    ['2026-03-10', AgeGroup.Baby],
    ['2025-03-11', AgeGroup.Baby],
    ['2025-03-10', AgeGroup.Toddler], // first birthday
    ['2023-03-11', AgeGroup.Toddler],
    ['2023-03-10', AgeGroup.Preschool], // third birthday
    ['2021-03-10', AgeGroup.SchoolAge], // fifth birthday
    ['2018-03-11', AgeGroup.SchoolAge],
    ['2018-03-10', AgeGroup.Over8], // eighth birthday
    ['2026-03-11', null],
    ['2026-02-30', null],
  ])('born %s: %s', (born, group) => expect(ageGroupOn(born, on)).toBe(group));

  it('a leap-day baby turns one on 28 February in a common year (calendar arithmetic, as in describeAge)', () => {
    expect(ageGroupOn('2024-02-29', DateTime.fromISO('2025-02-27', { zone: UK_ZONE }))).toBe(AgeGroup.Baby);
    expect(ageGroupOn('2024-02-29', DateTime.fromISO('2025-02-28', { zone: UK_ZONE }))).toBe(AgeGroup.Toddler);
  });
});

describe('ageGroupsOf', () => {
  it('gives each group once, in the vocabulary order', () => {
    expect(ageGroupsOf(['2019-01-01', '2025-12-01', '2025-11-01'], on)).toEqual([AgeGroup.Baby, AgeGroup.SchoolAge]);
  });
});
