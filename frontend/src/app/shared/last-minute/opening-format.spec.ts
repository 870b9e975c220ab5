import {
  bookingRequestParams,
  formatAgeGroups,
  formatDistance,
  formatOpeningTime,
  formatPlaces,
  ukWallClock,
} from './opening-format';

describe('opening labels', () => {
  it('shows the time in UK time, in winter and in summer', () => {
    expect(formatOpeningTime({ startsAt: '2026-12-01T13:00:00Z', endsAt: '2026-12-01T17:00:00Z' })).toBe(
      'Tue 1 Dec 2026, 13:00–17:00',
    );
    expect(formatOpeningTime({ startsAt: '2026-07-07T08:00:00Z', endsAt: '2026-07-07T12:00:00Z' })).toBe(
      'Tue 7 Jul 2026, 09:00–13:00',
    );
  });

  it('counts places and names age groups youngest first', () => {
    expect(formatPlaces(1)).toBe('1 place');
    expect(formatPlaces(3)).toBe('3 places');
    expect(formatAgeGroups(['preschool', 'baby'])).toBe('Under 1, Pre-school (3–4)');
  });

  it('rounds distances to a tenth of a mile, never to nothing', () => {
    expect(formatDistance(null)).toBe('');
    expect(formatDistance(0.02)).toBe('0.1 miles away');
    expect(formatDistance(1.04)).toBe('1 mile away');
    expect(formatDistance(3.46)).toBe('3.5 miles away');
  });
});

describe('bookingRequestParams', () => {
  it('prefills the request form with the childminder and the UK day and times', () => {
    expect(
      bookingRequestParams({ profileId: 'p-1', startsAt: '2026-07-07T12:00:00Z', endsAt: '2026-07-07T16:30:00Z' }),
    ).toEqual({ childminder: 'p-1', date: '2026-07-07', start: '13:00', end: '17:30' });
  });

  it('takes the UK date, not the UTC one, just after midnight in summer', () => {
    expect(ukWallClock('2026-06-30T23:30:00Z')).toEqual({ date: '2026-07-01', time: '00:30' });
  });
});
