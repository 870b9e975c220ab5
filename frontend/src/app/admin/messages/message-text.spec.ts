import { highlightSegments, searchTerms, ukDayEnd, ukDayStart } from './message-text';

describe('admin message text helpers', () => {
  describe(searchTerms.name, () => {
    it('keeps words of 3+ letters or digits, lower-cased, once each', () => {
      expect(searchTerms('Pick-up at 8 by the ELM road, elm')).toEqual(['pick', 'the', 'elm', 'road']);
      expect(searchTerms('a b')).toEqual([]);
    });
  });

  describe(highlightSegments.name, () => {
    it('marks whole words that start with a term, case-insensitively', () => {
      expect(highlightSegments('Elmwood is by Elm Road, not helm', ['elm'])).toEqual([
        { text: 'Elmwood', match: true },
        { text: ' is by ', match: false },
        { text: 'Elm', match: true },
        { text: ' Road, not helm', match: false },
      ]);
    });

    it('treats terms as text, not patterns, and leaves text without terms whole', () => {
      expect(highlightSegments('cost axb a.b', ['a.b'])).toEqual([
        { text: 'cost axb ', match: false },
        { text: 'a.b', match: true },
      ]);
      expect(highlightSegments('hello', [])).toEqual([{ text: 'hello', match: false }]);
      expect(highlightSegments('', ['x'])).toEqual([]);
    });
  });

  describe('UK days', () => {
    it('start and end at UK midnight, in summer (BST) and winter (GMT)', () => {
      expect(ukDayStart('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
      expect(ukDayEnd('2026-07-01')).toBe('2026-07-01T22:59:59.999Z');
      expect(ukDayStart('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
      expect(ukDayEnd('2026-12-01')).toBe('2026-12-01T23:59:59.999Z');
    });

    it('refuses anything that is not a day', () => {
      expect(ukDayStart('yesterday')).toBeNull();
      expect(ukDayEnd('2026-02-30x')).toBeNull();
    });
  });
});
