import { containsPattern, decodeList, delimitedListTransformer, encodeList, normaliseLanguage } from './delimited-list';

describe('delimited lists', () => {
  it('round-trip, without duplicates; empty is the empty string', () => {
    expect(encodeList(['meals', 'school_pick_up', 'meals'])).toBe('|meals|school_pick_up|');
    expect(decodeList('|meals|school_pick_up|')).toEqual(['meals', 'school_pick_up']);
    expect(encodeList([])).toBe('');
    expect(encodeList(null)).toBe('');
    expect(decodeList('')).toEqual([]);
    expect(decodeList(null)).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['the delimited string', '|meals|outings|', ['meals', 'outings']],
    ['the empty string', '', []],
    ['null', null, []],
    ['undefined', undefined, []],
    ['a Buffer', Buffer.from('|English|Urdu|'), ['English', 'Urdu']],
    ['the array itself (SQLite insert)', ['meals', 'meals', 'outings'], ['meals', 'outings']],
    ['an empty array', [], []],
    ['a number', 42, []],
  ])('read back from %s', (_shape, stored, expected) => {
    expect(delimitedListTransformer.from(stored)).toEqual(expected);
  });

  it('write every accepted shape as the delimited string', () => {
    expect(delimitedListTransformer.to(['a', 'b'])).toBe('|a|b|');
    expect(delimitedListTransformer.to(null)).toBe('');
    expect(delimitedListTransformer.to(undefined)).toBe('');
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
