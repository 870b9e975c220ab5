import {
  formatDistance,
  formatHourlyRate,
  formatRating,
  formatUsualReply,
  inspectionSummary,
} from './childminder-labels';

describe('childminder labels', () => {
  it('shows pence as pounds an hour', () => {
    expect(formatHourlyRate(650)).toBe('£6.50 an hour');
    expect(formatHourlyRate(1000)).toBe('£10.00 an hour');
    expect(formatHourlyRate(null)).toBe('Rate on request');
  });

  it('says how far away in words', () => {
    expect(formatDistance(0)).toBe('In your area');
    expect(formatDistance(1)).toBe('1 mile away');
    expect(formatDistance(2.4)).toBe('2.4 miles away');
  });

  it('describes a rating and its count', () => {
    expect(formatRating(4.8, 12)).toBe('4.8 out of 5 (12 reviews)');
    expect(formatRating(5, 1)).toBe('5.0 out of 5 (1 review)');
    expect(formatRating(null, 0)).toBe('No reviews yet');
  });

  it('summarises an inspection of either framework', () => {
    expect(inspectionSummary({ framework: 'legacy', inspectedOn: '2023-05-10', overallGrade: 'good' })).toBe(
      'Ofsted: Good (May 2023)',
    );
    expect(inspectionSummary(null)).toBeNull();
  });
});

describe('formatUsualReply', () => {
  it.each([
    [5, 'Usually replies within an hour'],
    [61, 'Usually replies within 2 hours'],
    [24 * 60, 'Usually replies within a day'],
    [30 * 60, 'Usually replies within 2 days'],
  ])('%i minutes: %s', (minutes, words) => expect(formatUsualReply(minutes)).toBe(words));
});
