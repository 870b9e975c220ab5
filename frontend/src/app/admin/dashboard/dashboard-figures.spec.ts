import { daysBetween, describeCounts, toSeries } from './dashboard-figures';

describe('dashboard figures', () => {
  it('lists every day of the range, the last one excluded', () => {
    expect(daysBetween('2026-12-01T00:00:00.000Z', '2026-12-04T00:00:00.000Z')).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
  });

  it('makes one series per key with zeros on quiet days', () => {
    const days = ['2026-12-01', '2026-12-02'];
    const rows = [
      { day: '2026-12-02', key: 'parent', count: 2 },
      { day: '2026-12-01', key: 'childminder', count: 1 },
    ];
    expect(toSeries(rows, days, { parent: 'Parents' })).toEqual([
      { label: 'childminder', values: [1, 0] },
      { label: 'Parents', values: [0, 2] },
    ]);
  });

  it('describes counts and money for people', () => {
    expect(describeCounts({ non_compliant: 2, compliant: 0 })).toBe('2 non compliant');
    expect(describeCounts({})).toBe('None');
  });
});
