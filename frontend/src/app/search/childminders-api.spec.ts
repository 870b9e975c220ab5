// Angular's libraries are partially compiled; outside the Angular CLI the JIT compiler links them.
import '@angular/compiler';
import { searchParams } from './childminders-api';
import type { SearchCriteria } from './childminder-types';

const criteria: SearchCriteria = {
  postcode: 'M20',
  radiusMiles: 5,
  maxHourlyRate: null,
  services: [],
  languages: [],
  fundedHours: null,
  specialNeeds: false,
  verifiedOnly: false,
  minRating: null,
  ageOfChildren: [],
  care: null,
  sort: 'distance',
  page: 1,
  pageSize: 10,
};

describe('searchParams', () => {
  it('sends only the filters that narrow the search', () => {
    const params = searchParams(criteria);
    expect(params.keys().sort()).toEqual(['page', 'pageSize', 'postcode', 'radiusMiles', 'sort']);
  });

  it('sends the days and hours needed as days, from and to', () => {
    const params = searchParams({ ...criteria, care: { days: ['monday', 'thursday'], from: '08:30', to: '17:00' } });
    expect(params.get('days')).toBe('monday,thursday');
    expect(params.get('from')).toBe('08:30');
    expect(params.get('to')).toBe('17:00');
  });
});
