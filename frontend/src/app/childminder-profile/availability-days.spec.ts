import { availabilityDays, previewRange } from './availability-days';

describe('previewRange', () => {
  it('starts on the UK date, even when UTC is still on the day before', () => {
    // 23:30 UTC on 15 July is 00:30 on 16 July in the UK (summer time).
    expect(previewRange(new Date('2026-07-15T23:30:00Z'), 14)).toEqual({ from: '2026-07-16', to: '2026-07-30' });
    expect(previewRange(new Date('2026-01-15T23:30:00Z'), 14)).toEqual({ from: '2026-01-15', to: '2026-01-29' });
  });
});

describe('availabilityDays', () => {
  it('keeps every day of the range and puts each slot on its UK day, in UK time', () => {
    const days = availabilityDays(
      [
        // The clocks go forward on 29 March 2026: 08:00 UK is 08:00Z before, 07:00Z after.
        { startsAt: '2026-03-27T08:00:00Z', endsAt: '2026-03-27T18:00:00Z' },
        { startsAt: '2026-03-30T07:00:00Z', endsAt: '2026-03-30T12:00:00Z' },
        { startsAt: '2026-03-30T13:00:00Z', endsAt: '2026-03-30T17:00:00Z' },
        { startsAt: '2026-04-20T07:00:00Z', endsAt: '2026-04-20T17:00:00Z' },
      ],
      '2026-03-27',
      4,
    );
    expect(days.map((d) => [d.date, d.label, d.slots.map((s) => s.label)])).toEqual([
      ['2026-03-27', 'Fri 27 Mar', ['08:00–18:00']],
      ['2026-03-28', 'Sat 28 Mar', []],
      ['2026-03-29', 'Sun 29 Mar', []],
      ['2026-03-30', 'Mon 30 Mar', ['08:00–13:00', '14:00–18:00']],
    ]);
    expect(days[3]!.slots[0]).toMatchObject({ start: '08:00', end: '13:00' });
  });
});
