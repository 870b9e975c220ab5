import { criteriaFromParams, paramsFromCriteria } from './search-criteria';

/** A ParamMap's `get`, without loading the router in a unit test. */
const convertToParamMap = (params: Record<string, string>) => ({ get: (name: string) => params[name] ?? null });

describe('search criteria in the URL', () => {
  it('is nothing without a postcode', () => {
    expect(criteriaFromParams(convertToParamMap({ radius: '5' }))).toBeNull();
  });

  it('reads every filter, dropping values the API would refuse', () => {
    const criteria = criteriaFromParams(
      convertToParamMap({
        postcode: ' M20 2LS ',
        radius: '10',
        maxRate: '700',
        services: 'meals,ironing,school_pick_up',
        languages: 'Polish, Urdu',
        fundedHours: '20',
        specialNeeds: 'true',
        verified: 'true',
        children: '2023-04-01,yesterday',
        sort: 'cheapest',
        page: '2',
      }),
    );
    expect(criteria).toEqual({
      postcode: 'M20 2LS',
      radiusMiles: 10,
      maxHourlyRate: 700,
      services: ['meals', 'school_pick_up'],
      languages: ['Polish', 'Urdu'],
      fundedHours: null,
      specialNeeds: true,
      verifiedOnly: true,
      minRating: null,
      ageOfChildren: ['2023-04-01'],
      sort: 'distance',
      page: 2,
      pageSize: 10,
    });
  });

  it('round-trips, leaving defaults out of the URL', () => {
    const criteria = criteriaFromParams(convertToParamMap({ postcode: 'M20', services: 'meals', sort: 'price' }))!;
    const params = paramsFromCriteria(criteria);
    expect(params).toMatchObject({ postcode: 'M20', radius: null, services: 'meals', sort: 'price', page: null });
    const clean = Object.fromEntries(
      Object.entries(params)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, String(v)]),
    );
    expect(criteriaFromParams(convertToParamMap(clean))).toEqual(criteria);
  });
});
