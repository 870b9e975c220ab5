import { DateTime } from 'luxon';
import { describeAge, parseIsoDate, ukToday, UK_ZONE } from './child-age';

const on = (date: string) => DateTime.fromISO(date, { zone: UK_ZONE });

describe('describeAge', () => {
  it.each([
    ['2022-01-10', '2024-04-20', '2 years 3 months'],
    ['2023-04-20', '2024-04-20', '1 year'],
    ['2023-03-20', '2024-04-20', '1 year 1 month'],
    ['2023-04-21', '2024-04-20', '11 months'],
    ['2024-02-20', '2024-04-20', '2 months'],
    ['2024-03-20', '2024-04-20', '1 month'],
    ['2024-03-30', '2024-04-20', '3 weeks'],
    ['2024-04-13', '2024-04-20', '1 week'],
    ['2024-04-16', '2024-04-20', '4 days'],
    ['2024-04-19', '2024-04-20', '1 day'],
    ['2024-04-20', '2024-04-20', 'Born today'],
    ['2024-04-21', '2024-04-20', 'Not born yet'],
  ])('born %s, on %s: %s', (born, today, expected) => {
    expect(describeAge(born, on(today))).toBe(expected);
  });

  it('a child born on the 31st is a month older on the last day of a shorter month', () => {
    expect(describeAge('2024-01-31', on('2024-02-28'))).toBe('4 weeks');
    expect(describeAge('2024-01-31', on('2024-02-29'))).toBe('1 month');
    expect(describeAge('2023-08-31', on('2024-02-29'))).toBe('6 months');
  });

  it('turns a year older at UK midnight, not UTC midnight', () => {
    // 23:30 UTC on 9 June is 00:30 on 10 June in London (BST): the birthday has come.
    const lateEvening = ukToday(new Date('2024-06-09T23:30:00Z'));
    expect(lateEvening.toISODate()).toBe('2024-06-10');
    expect(describeAge('2020-06-10', lateEvening)).toBe('4 years');
  });
});

describe('parseIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(parseIsoDate('2024-02-29')?.toISODate()).toBe('2024-02-29');
    for (const bad of [
      '2023-02-29',
      '2023-13-01',
      '2023-1-5',
      '05/01/2023',
      '2023-01-05T00:00:00Z',
      '',
      20230105,
      null,
    ]) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });
});
