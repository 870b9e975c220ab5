import { AgeGroup, ChildminderService } from '../childminder-vocabulary';
import { filterClauses } from './search-filters';

const box = { minLatitude: 53.3, maxLatitude: 53.5, minLongitude: -2.4, maxLongitude: -2.1 };

describe('filterClauses', () => {
  it('always starts with the listed flags and the bounding box, which the search index serves', () => {
    expect(filterClauses({ box })).toEqual([
      { sql: 'profile.visible = 1 AND profile.active = 1 AND profile.complete = 1', params: {} },
      {
        sql: 'profile.latitude BETWEEN :minLatitude AND :maxLatitude',
        params: { minLatitude: 53.3, maxLatitude: 53.5 },
      },
      {
        sql: 'profile.longitude BETWEEN :minLongitude AND :maxLongitude',
        params: { minLongitude: -2.4, maxLongitude: -2.1 },
      },
    ]);
  });

  it('adds one condition per filter, each list value as its own LIKE on the delimited column', () => {
    const clauses = filterClauses({
      box,
      maxHourlyRatePence: 700,
      minRating: 4.5,
      compliantOn: '2026-12-07',
      specialNeeds: true,
      services: [ChildminderService.Meals],
      fundedHours: 30,
      languages: ['Polish', 'English'],
      ageGroups: [AgeGroup.Baby],
    }).slice(3);
    expect(clauses).toEqual([
      { sql: 'profile.hourlyRatePence <= :maxRate', params: { maxRate: 700 } },
      { sql: 'profile.ratingAverage >= :minRating', params: { minRating: 4.5 } },
      { sql: 'profile.compliantThrough >= :compliantOn', params: { compliantOn: '2026-12-07' } },
      { sql: 'profile.specialNeedsExperience = 1', params: {} },
      { sql: 'profile.services LIKE :services0', params: { services0: '%|meals|%' } },
      { sql: 'profile.services LIKE :services1', params: { services1: '%|funded_hours_30|%' } },
      { sql: 'profile.languages LIKE :languages0', params: { languages0: '%|Polish|%' } },
      { sql: 'profile.languages LIKE :languages1', params: { languages1: '%|English|%' } },
      { sql: 'profile.ageGroups LIKE :ageGroups0', params: { ageGroups0: '%|baby|%' } },
    ]);
  });

  it('does not ask twice for funded hours named both ways, and specialNeeds=false asks for none', () => {
    const clauses = filterClauses({
      box,
      services: [ChildminderService.FundedHours15],
      fundedHours: 15,
      specialNeeds: false,
    }).slice(3);
    expect(clauses.map((c) => c.sql)).toEqual([
      'profile.specialNeedsExperience = 0',
      'profile.services LIKE :services0',
    ]);
  });
});
