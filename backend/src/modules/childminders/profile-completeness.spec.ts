import { AgeGroup } from './childminder-vocabulary';
import { CompletenessInput, profileCompleteness } from './profile-completeness';

const complete: CompletenessInput = {
  displayName: 'Claire Hughes',
  bio: 'A calm home setting with a garden, outings every day and home-cooked meals.',
  photoUrl: 'https://example.com/claire.jpg',
  postcode: 'M20 2LS',
  latitude: 53.4,
  longitude: -2.2,
  hourlyRatePence: 650,
  ageGroups: [AgeGroup.Toddler],
  languages: ['English'],
  services: [],
  openingHours: { monday: { open: '08:00', close: '18:00' } },
  ofstedUrn: 'EY123456',
  ofstedRegisteredOn: null,
  inspection: null,
};

describe('profileCompleteness', () => {
  it('is complete when every required item is there, even with optional ones missing', () => {
    const result = profileCompleteness(complete);
    expect(result.complete).toBe(true);
    expect(result.missing.map((m) => m.key)).toEqual(['services', 'ofstedRegisteredOn', 'inspection']);
    expect(result.percent).toBe(75);
  });

  it.each<[string, Partial<CompletenessInput>]>([
    ['bio', { bio: 'Too short.' }],
    ['postcode', { latitude: null }],
    ['hourlyRate', { hourlyRatePence: null }],
    ['ageGroups', { ageGroups: [] }],
    ['languages', { languages: [] }],
    ['openingHours', { openingHours: { monday: null } }],
    ['ofstedUrn', { ofstedUrn: null }],
  ])('is not complete without %s, which is listed first', (key, change) => {
    const result = profileCompleteness({ ...complete, ...change });
    expect(result.complete).toBe(false);
    expect(result.missing[0]).toMatchObject({ key, required: true });
  });

  it('is 100% with everything', () => {
    expect(
      profileCompleteness({
        ...complete,
        services: [],
        ofstedRegisteredOn: '2019-01-01',
        inspection: { framework: 'legacy', inspectedOn: '2023-01-01', overallGrade: 'good' as never },
      }).percent,
    ).toBe(92);
  });
});
