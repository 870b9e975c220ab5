import { EYFS_DEFAULT_CAPACITY } from '@app/modules/childminders/childminder-vocabulary';
import { capacityViolations, CareSpan, describeViolation, endOfEarlyYears, eyfsBandsOn } from './capacity';

describe('EYFS bands', () => {
  it.each([
    // [date of birth, on, under1, young, under8]
    ['2025-03-03', '2026-03-02', true, true, true], // the day before the first birthday
    ['2025-03-03', '2026-03-03', false, true, true], // first birthday: no longer a baby
    ['2024-02-29', '2025-02-28', true, true, true], // leap-day baby: birthday is 1 March
    ['2024-02-29', '2025-03-01', false, true, true],
    ['2020-01-15', '2025-06-01', false, true, true], // already 5, still young until September
    ['2020-08-31', '2025-08-31', false, true, true], // 5th birthday: young until tomorrow
    ['2020-08-31', '2025-09-01', false, false, true], // the 1 September after the 5th birthday
    ['2019-09-01', '2024-09-01', false, true, true], // 5th birthday on 1 September: young a year more
    ['2019-09-01', '2025-08-31', false, true, true],
    ['2019-09-01', '2025-09-01', false, false, true],
    ['2018-03-03', '2026-03-02', false, false, true], // the day before the eighth birthday
    ['2018-03-03', '2026-03-03', false, false, false], // eighth birthday: outside every limit
  ])('born %s, on %s: under1 %p, young %p, under8 %p', (dob, on, under1, young, under8) => {
    expect(eyfsBandsOn(dob, on)).toEqual({ under1, young, under8 });
  });

  it('ends the early years on the first 1 September strictly after the fifth birthday', () => {
    expect(endOfEarlyYears('2021-06-10').toISODate()).toBe('2026-09-01');
    expect(endOfEarlyYears('2021-09-01').toISODate()).toBe('2027-09-01');
  });
});

describe(capacityViolations.name, () => {
  // Tuesday 3 March 2026, 09:00-12:00 in London (GMT, so the same in UTC).
  const at = (time: string, date = '2026-03-03') => new Date(`${date}T${time}:00Z`);
  const span = (from: string, to: string, dobs: string[], prefix = 'b', date = '2026-03-03'): CareSpan => ({
    start: at(from, date),
    end: at(to, date),
    children: dobs.map((dateOfBirth, i) => ({ id: `${prefix}${i}:${from}`, dateOfBirth })),
  });
  const requestOf = (dobs: string[], from = '09:00', to = '12:00', date = '2026-03-03') =>
    span(from, to, dobs, 'r', date);
  const BABY = '2025-06-01';
  const TODDLER = '2024-01-01';
  const FOUR = '2022-01-01';
  const SIX = '2020-01-01';

  const cases: {
    name: string;
    booked: CareSpan[];
    own?: string[];
    requested: CareSpan;
    limits?: typeof EYFS_DEFAULT_CAPACITY;
    messages: string[];
  }[] = [
    {
      name: 'a second baby while one is booked for part of the time',
      booked: [span('10:00', '11:00', [BABY])],
      requested: requestOf([BABY]),
      messages: ['only 1 place for under-1s on Tue 3 Mar 10:00-11:00'],
    },
    {
      name: 'back-to-back care does not overlap',
      booked: [span('12:00', '15:00', [BABY]), span('06:00', '09:00', [BABY])],
      requested: requestOf([BABY]),
      messages: [],
    },
    {
      name: 'a booked baby who turns one that day no longer counts as under 1 (first birthday)',
      booked: [span('09:00', '12:00', ['2025-03-03'])],
      requested: requestOf([BABY]),
      messages: [],
    },
    {
      name: 'the same baby a day younger still does',
      booked: [span('09:00', '12:00', ['2025-03-04'])],
      requested: requestOf([BABY]),
      messages: ['only 1 place for under-1s on Tue 3 Mar 09:00-12:00'],
    },
    {
      name: "the childminder's own children count: three young at once is the limit",
      booked: [span('09:00', '12:00', [TODDLER])],
      own: [FOUR],
      requested: requestOf([FOUR]),
      messages: [],
    },
    {
      name: 'one more young child than that is refused',
      booked: [span('09:00', '12:00', [TODDLER, TODDLER])],
      own: [FOUR],
      requested: requestOf([FOUR]),
      messages: [
        'only 3 places for early-years children (until the 1 September after their 5th birthday) on Tue 3 Mar 09:00-12:00',
      ],
    },
    {
      name: 'six under 8 including own children is the limit; a seventh is refused',
      booked: [span('09:00', '12:00', [SIX, SIX, SIX])],
      own: [SIX, TODDLER],
      requested: requestOf([SIX, SIX]),
      messages: ['only 6 places for children under 8 on Tue 3 Mar 09:00-12:00'],
    },
    {
      name: 'an own child on their eighth birthday no longer counts',
      booked: [span('09:00', '12:00', [SIX, SIX, SIX])],
      own: ['2018-03-03', TODDLER],
      requested: requestOf([SIX]),
      messages: [],
    },
    {
      name: 'an own child the day before their eighth birthday does',
      booked: [span('09:00', '12:00', [SIX, SIX, SIX])],
      own: ['2018-03-04', TODDLER],
      requested: requestOf([SIX, SIX]),
      messages: ['only 6 places for children under 8 on Tue 3 Mar 09:00-12:00'],
    },
    {
      name: 'on the 1 September after their 5th birthday children leave the early years',
      booked: [span('09:00', '12:00', ['2020-09-02', '2020-09-02'], 'b', '2026-09-01')],
      requested: requestOf(['2020-09-02', '2020-09-02'], '09:00', '12:00', '2026-09-01'),
      messages: [],
    },
    {
      name: 'the day before, they are still young (in BST: 10:00-13:00 local)',
      booked: [span('09:00', '12:00', ['2020-09-02', '2020-09-02'], 'b', '2026-08-31')],
      requested: requestOf(['2020-09-02', '2020-09-02'], '09:00', '12:00', '2026-08-31'),
      messages: [
        'only 3 places for early-years children (until the 1 September after their 5th birthday) on Mon 31 Aug 10:00-13:00',
      ],
    },
    {
      name: 'registered limits below the EYFS defaults apply',
      booked: [],
      requested: requestOf([TODDLER, FOUR]),
      limits: { under8: 3, young: 1, under1: 0 },
      messages: [
        'only 1 place for early-years children (until the 1 September after their 5th birthday) on Tue 3 Mar 09:00-12:00',
      ],
    },
    {
      name: 'a limit of zero says so',
      booked: [],
      requested: requestOf([BABY]),
      limits: { under8: 6, young: 3, under1: 0 },
      messages: ['no places for under-1s on Tue 3 Mar 09:00-12:00'],
    },
    {
      name: 'a band can change at midnight inside overnight care',
      booked: [{ start: at('20:00', '2026-03-02'), end: at('07:00'), children: [{ id: 'b', dateOfBirth: BABY }] }],
      requested: {
        start: at('20:00', '2026-03-02'),
        end: at('07:00'),
        children: [{ id: 'r', dateOfBirth: '2025-03-03' }],
      },
      messages: ['only 1 place for under-1s on Mon 2 Mar 20:00-00:00'],
    },
  ];

  it.each(cases)('$name', ({ booked, own, requested, limits, messages }) => {
    const violations = capacityViolations({
      limits: limits ?? EYFS_DEFAULT_CAPACITY,
      ownChildren: own ?? [],
      booked,
      requested,
    });
    expect(violations.map(describeViolation)).toEqual(messages);
  });

  it('counts a child once even if it appears twice', () => {
    const child = { id: 'same', dateOfBirth: BABY };
    const violations = capacityViolations({
      limits: EYFS_DEFAULT_CAPACITY,
      ownChildren: [],
      booked: [{ start: at('09:00'), end: at('12:00'), children: [child] }],
      requested: { start: at('09:00'), end: at('12:00'), children: [child] },
    });
    expect(violations).toEqual([]);
  });

  it('reports the peak count over a merged span', () => {
    const [violation] = capacityViolations({
      limits: EYFS_DEFAULT_CAPACITY,
      ownChildren: [],
      booked: [span('09:00', '12:00', [BABY]), span('10:00', '11:00', [BABY])],
      requested: requestOf([BABY]),
    });
    expect(violation).toMatchObject({ rule: 'under1', limit: 1, count: 3, start: at('09:00'), end: at('12:00') });
  });
});
