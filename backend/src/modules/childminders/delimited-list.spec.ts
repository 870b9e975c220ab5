import { containsPattern, decodeList, encodeList, normaliseLanguage } from './delimited-list';

describe('delimited lists', () => {
  it('round-trip, without duplicates; empty is the empty string', () => {
    expect(encodeList(['meals', 'school_pick_up', 'meals'])).toBe('|meals|school_pick_up|');
    expect(decodeList('|meals|school_pick_up|')).toEqual(['meals', 'school_pick_up']);
    expect(encodeList([])).toBe('');
    expect(encodeList(null)).toBe('');
    expect(decodeList('')).toEqual([]);
    expect(decodeList(null)).toEqual([]);
  });

  it('match a whole value only: "Urdu" does not match inside another name', () => {
    const pattern = new RegExp(`^${containsPattern('Urdu').replace(/%/g, '.*').replace(/\|/g, '\\|')}$`);
    expect(pattern.test(encodeList(['English', 'Urdu']))).toBe(true);
    expect(pattern.test(encodeList(['Urduish']))).toBe(false);
  });
});

describe('normaliseLanguage', () => {
  it.each([
    ['english', 'English'],
    ['  british   sign language ', 'British Sign Language'],
    ['SERBO-CROATIAN', 'Serbo-Croatian'],
    ['polski', 'Polski'],
  ])('%p -> %p', (input, output) => expect(normaliseLanguage(input)).toBe(output));
});
