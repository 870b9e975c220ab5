import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { careFieldProblem } from './care-needed.validator';
import { SearchChildmindersQuery } from './search-childminders.query';

describe('careFieldProblem', () => {
  it('is nothing when no care is asked for, or when all three fields are right', () => {
    for (const field of ['days', 'from', 'to'] as const) {
      expect(careFieldProblem(field, {})).toBeNull();
      expect(careFieldProblem(field, { days: ['monday'], from: '08:00', to: '18:00' })).toBeNull();
    }
  });

  it('makes the three go together, naming the one missing', () => {
    expect(careFieldProblem('days', { from: '08:00', to: '18:00' })).toMatch(/^days is required with from and to/);
    expect(careFieldProblem('from', { days: ['monday'], to: '18:00' })).toMatch(/^from is required with days/);
    expect(careFieldProblem('to', { days: ['monday'], from: '08:00' })).toMatch(/^to is required with days/);
  });

  it('refuses unknown days, bad times and a to that is not after from', () => {
    expect(careFieldProblem('days', { days: ['mon'], from: '08:00', to: '18:00' })).toBe(
      'each of days must be one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday',
    );
    expect(careFieldProblem('days', { days: [], from: '08:00', to: '18:00' })).toBe(
      'days must list at least one weekday',
    );
    expect(careFieldProblem('from', { days: ['monday'], from: '8am', to: '18:00' })).toBe(
      'from must be a 24-hour time such as 08:00',
    );
    expect(careFieldProblem('to', { days: ['monday'], from: '08:00', to: '24:00' })).toBe(
      'to must be a 24-hour time such as 18:00',
    );
    expect(careFieldProblem('to', { days: ['monday'], from: '08:00', to: '08:00' })).toBe(
      'to must be after from (care within one day)',
    );
    // A bad from is reported on from alone.
    expect(careFieldProblem('to', { days: ['monday'], from: 'soon', to: '07:00' })).toBeNull();
  });
});

describe('SearchChildmindersQuery care fields', () => {
  const errorsOf = async (query: Record<string, unknown>) =>
    (await validate(plainToInstance(SearchChildmindersQuery, { postcode: 'M20', ...query }))).flatMap((e) =>
      Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })),
    );

  it('reads days from a comma list or repeats, in any case, once each', async () => {
    const query = plainToInstance(SearchChildmindersQuery, {
      postcode: 'M20',
      days: ['Monday, wednesday', 'MONDAY'],
      from: '08:00',
      to: '18:00',
    });
    expect(query.days).toEqual(['monday', 'wednesday']);
    expect(await validate(query)).toEqual([]);
  });

  it('gives one message per wrong field, naming it', async () => {
    expect(await errorsOf({ days: 'monday', to: '07:00' })).toEqual([
      { field: 'from', message: 'from is required with days: the UK time care starts, such as 08:00' },
    ]);
    expect(await errorsOf({ days: 'monday', from: '09:00', to: '08:30' })).toEqual([
      { field: 'to', message: 'to must be after from (care within one day)' },
    ]);
    expect(await errorsOf({ days: 'funday', from: '09:00', to: '10:00' })).toEqual([
      {
        field: 'days',
        message: 'each of days must be one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday',
      },
    ]);
    expect(await errorsOf({})).toEqual([]);
  });
});
