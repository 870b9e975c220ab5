import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DateTime } from 'luxon';
import { UK_ZONE, ukToday } from '../child-age';
import { CreateChildDto } from './create-child.dto';
import { dateOfBirthProblem } from './date-of-birth.validator';
import { UpdateChildDto } from './update-child.dto';

describe('dateOfBirthProblem', () => {
  const today = DateTime.fromISO('2026-03-10', { zone: UK_ZONE });

  it.each([
    ['2026-03-10', null],
    ['2026-03-11', 'future'],
    ['2008-03-10', null],
    ['2008-03-09', 'too-old'],
    ['2024-02-29', null],
    ['2023-02-29', 'format'],
    ['10/03/2026', 'format'],
    ['', 'format'],
    [null, 'format'],
  ])('%p -> %p', (value, problem) => {
    expect(dateOfBirthProblem(value, today)).toBe(problem);
  });
});

describe('child DTO validation', () => {
  const errorsOf = async (cls: typeof CreateChildDto | typeof UpdateChildDto, body: object) =>
    (await validate(plainToInstance(cls, body))).flatMap((e) =>
      Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })),
    );
  const tomorrow = ukToday().plus({ days: 1 }).toISODate()!;

  it('names the rule a date of birth breaks', async () => {
    expect(await errorsOf(CreateChildDto, { firstName: 'Maya', dateOfBirth: tomorrow })).toEqual([
      { field: 'dateOfBirth', message: 'dateOfBirth cannot be in the future' },
    ]);
    expect(await errorsOf(CreateChildDto, { firstName: 'Maya', dateOfBirth: '1990-01-01' })).toEqual([
      { field: 'dateOfBirth', message: 'dateOfBirth must be within the last 18 years' },
    ]);
    expect(await errorsOf(CreateChildDto, { firstName: 'Maya', dateOfBirth: '2023-02-30' })).toEqual([
      { field: 'dateOfBirth', message: 'dateOfBirth must be a real date in the format YYYY-MM-DD' },
    ]);
  });

  it('trims notes, turns blank into null and bounds their length', async () => {
    const dto = plainToInstance(CreateChildDto, { firstName: ' Maya ', dateOfBirth: '2022-01-01', allergies: '   ' });
    expect(dto).toMatchObject({ firstName: 'Maya', allergies: null });
    expect(await validate(dto)).toEqual([]);
    const tooLong = await errorsOf(CreateChildDto, {
      firstName: 'Maya',
      dateOfBirth: '2022-01-01',
      medicalNotes: 'x'.repeat(2001),
    });
    expect(tooLong.map((e) => e.field)).toEqual(['medicalNotes']);
  });

  it('lets a partial update leave fields out, but not clear the name or date of birth', async () => {
    expect(await errorsOf(UpdateChildDto, {})).toEqual([]);
    expect(await errorsOf(UpdateChildDto, { allergies: null })).toEqual([]);
    const cleared = await errorsOf(UpdateChildDto, { firstName: null, dateOfBirth: null });
    expect([...new Set(cleared.map((e) => e.field))].sort()).toEqual(['dateOfBirth', 'firstName']);
  });
});
