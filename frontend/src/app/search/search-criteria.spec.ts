import { careTimesProblem, criteriaFromParams, describeCare, paramsFromCriteria } from './search-criteria';

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
        days: 'wednesday,funday,monday',
        from: '08:00',
        to: '17:30',
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
      care: { days: ['monday', 'wednesday'], from: '08:00', to: '17:30' },
      sort: 'distance',
      page: 2,
      pageSize: 10,
    });
  });

  it('takes days and hours only together, and only when care ends after it starts', () => {
    const care = (params: Record<string, string>) =>
      criteriaFromParams(convertToParamMap({ postcode: 'M20', ...params }))!.care;
    expect(care({ days: 'friday', from: '09:00', to: '15:00' })).toEqual({
      days: ['friday'],
      from: '09:00',
      to: '15:00',
    });
    expect(care({ days: 'friday' })).toBeNull();
    expect(care({ from: '09:00', to: '15:00' })).toBeNull();
    expect(care({ days: 'funday', from: '09:00', to: '15:00' })).toBeNull();
    expect(care({ days: 'friday', from: '15:00', to: '09:00' })).toBeNull();
    expect(care({ days: 'friday', from: '9am', to: '15:00' })).toBeNull();
  });

  it('round-trips, leaving defaults out of the URL', () => {
    const criteria = criteriaFromParams(
      convertToParamMap({
        postcode: 'M20',
        services: 'meals',
        sort: 'price',
        days: 'tuesday,monday',
        from: '07:45',
        to: '18:00',
      }),
    )!;
    const params = paramsFromCriteria(criteria);
    expect(params).toMatchObject({
      postcode: 'M20',
      radius: null,
      services: 'meals',
      sort: 'price',
      page: null,
      days: 'monday,tuesday',
      from: '07:45',
      to: '18:00',
    });
    expect(paramsFromCriteria({ ...criteria, care: null })).toMatchObject({ days: null, from: null, to: null });
    const clean = Object.fromEntries(
      Object.entries(params)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, String(v)]),
    );
    expect(criteriaFromParams(convertToParamMap(clean))).toEqual(criteria);
  });
});

describe('the care times of the search form', () => {
  it('are not checked until a day is chosen', () => {
    expect(careTimesProblem([], '', '')).toBeNull();
  });

  it('name the field that is wrong', () => {
    expect(careTimesProblem(['monday'], '', '18:00')).toEqual({
      field: 'from',
      message: 'Enter the time care starts, such as 08:00',
    });
    expect(careTimesProblem(['monday'], '08:00', '')).toEqual({
      field: 'to',
      message: 'Enter the time care ends, such as 18:00',
    });
    expect(careTimesProblem(['monday'], '08:00', '08:00')).toEqual({
      field: 'to',
      message: 'Care must end after it starts, on the same day',
    });
    expect(careTimesProblem(['monday', 'friday'], '08:00', '08:15')).toBeNull();
  });

  it('are described in short for the results', () => {
    expect(describeCare({ days: ['monday', 'wednesday'], from: '08:00', to: '18:00' })).toBe('Mon, Wed 08:00–18:00');
  });
});
