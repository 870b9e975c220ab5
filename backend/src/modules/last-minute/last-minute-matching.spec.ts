import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import { matchOpening, ukRange } from './last-minute-matching';

// Manchester centre and Didsbury (about 5 miles apart), and London (about 160 miles away).
const MANCHESTER = { latitude: 53.4808, longitude: -2.2426 };
const DIDSBURY = { latitude: 53.4165, longitude: -2.2316 };
const LONDON = { latitude: 51.5074, longitude: -0.1278 };
const MONDAY_9AM = new Date('2026-12-07T09:00:00Z');

describe('matchOpening', () => {
  const opening = { location: DIDSBURY, ageGroups: [AgeGroup.Toddler], startsAt: MONDAY_9AM };
  const toddler = '2025-01-15';

  it('matches a parent within the radius with a child of the age group, with the distance', () => {
    const miles = matchOpening({ location: MANCHESTER, radiusMiles: 10, childDatesOfBirth: [toddler] }, opening);
    expect(miles).toBeGreaterThan(4);
    expect(miles).toBeLessThan(5);
  });

  it.each([
    ['too far', { location: LONDON, radiusMiles: 25, childDatesOfBirth: [toddler] }],
    ['radius too small', { location: MANCHESTER, radiusMiles: 1, childDatesOfBirth: [toddler] }],
    ['wrong age group', { location: MANCHESTER, radiusMiles: 10, childDatesOfBirth: ['2020-01-01'] }],
    ['no children', { location: MANCHESTER, radiusMiles: 10, childDatesOfBirth: [] }],
    ['no location', { location: null, radiusMiles: 10, childDatesOfBirth: [toddler] }],
  ])('does not match: %s', (_case, alert) => {
    expect(matchOpening(alert, opening)).toBeNull();
  });

  it('takes the age group on the day of the opening (first birthday moves a baby up)', () => {
    const babyTurningOne = '2025-12-07';
    const alert = { location: MANCHESTER, radiusMiles: 10, childDatesOfBirth: [babyTurningOne] };
    expect(matchOpening(alert, opening)).not.toBeNull();
    expect(matchOpening(alert, { ...opening, startsAt: new Date('2026-12-06T12:00:00Z') })).toBeNull();
  });
});

describe('ukRange', () => {
  it('reads UK local times: GMT in winter, BST in summer', () => {
    expect(ukRange('2026-12-07', '09:00', '13:30')).toEqual({
      startsAt: new Date('2026-12-07T09:00:00Z'),
      endsAt: new Date('2026-12-07T13:30:00Z'),
    });
    expect(ukRange('2026-07-07', '09:00', '10:00')?.startsAt).toEqual(new Date('2026-07-07T08:00:00Z'));
  });

  it('refuses an empty or backwards range and unreal dates', () => {
    expect(ukRange('2026-12-07', '09:00', '09:00')).toBeNull();
    expect(ukRange('2026-12-07', '10:00', '09:00')).toBeNull();
    expect(ukRange('2026-02-30', '09:00', '10:00')).toBeNull();
  });
});
