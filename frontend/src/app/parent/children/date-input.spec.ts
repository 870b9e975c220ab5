import { fromIsoDate, parseUkDateText, toIsoDate, ukTodayIso, yearsBeforeIso } from './date-input';

describe('parseUkDateText', () => {
  it('reads the day first, as people in the UK write dates', () => {
    expect(parseUkDateText('05/03/2022')).toEqual({ year: 2022, month: 3, day: 5 });
    expect(parseUkDateText(' 5-3-2022 ')).toEqual({ year: 2022, month: 3, day: 5 });
    expect(parseUkDateText('05.03.2022')).toEqual({ year: 2022, month: 3, day: 5 });
    expect(parseUkDateText('2022-03-05')).toEqual({ year: 2022, month: 3, day: 5 });
  });

  it('refuses days that do not exist and other text', () => {
    for (const text of ['31/02/2022', '29/02/2023', '00/01/2022', '12/13/2022', '5/3/22', 'yesterday', '']) {
      expect(parseUkDateText(text)).toBeNull();
    }
    expect(parseUkDateText('29/02/2024')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('ISO dates and the datepicker', () => {
  it('round-trips a calendar day through a local Date', () => {
    expect(toIsoDate(fromIsoDate('2022-03-05')!)).toBe('2022-03-05');
    expect(fromIsoDate('2022-02-30')).toBeNull();
  });

  it("takes today's date from UK time, not the device's", () => {
    // 23:30 UTC on 9 June is already 10 June in London (BST).
    expect(ukTodayIso(new Date('2024-06-09T23:30:00Z'))).toBe('2024-06-10');
    expect(ukTodayIso(new Date('2024-01-09T23:30:00Z'))).toBe('2024-01-09');
  });

  it('counts whole years back, keeping leap days valid', () => {
    expect(yearsBeforeIso('2026-03-10', 18)).toBe('2008-03-10');
    expect(yearsBeforeIso('2024-02-29', 1)).toBe('2023-02-28');
  });
});
