/**
 * Pure helpers of the admin messages screens (unit-tested without Angular): the words a search
 * looks for, the highlighted parts of a message, and UK calendar days as API instants.
 */

/** A run of message text, and whether it is (part of) a searched word. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * The words the server searches for: letters or digits, at least 3 of them, at most 8 words
 * (mirrors `searchWords` in the messaging service).
 */
export function searchTerms(query: string): string[] {
  return [...new Set((query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3))].slice(0, 8);
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` split so that every word starting with one of `terms` (as the search matches them) is its own segment. */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  if (terms.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...terms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})[\\p{L}\\p{N}]*`,
    'giu',
  );
  const segments: TextSegment[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

const LONDON_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

/** London's UTC offset at `instant`, as `+01:00` (BST) or `+00:00` (GMT). */
function londonOffset(instant: Date): string {
  const name = LONDON_OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return match ? `${match[1]}:${match[2] ?? '00'}` : '+00:00';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first instant of a UK calendar day (`YYYY-MM-DD`), as an ISO timestamp; null if not a day. */
export function ukDayStart(day: string): string | null {
  if (!ISO_DAY.test(day)) return null;
  // The offset at noon is the day's offset at midnight too: the clocks change at 01:00 UTC.
  const noon = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(noon.getTime())) return null;
  return new Date(`${day}T00:00:00.000${londonOffset(noon)}`).toISOString();
}

/** The last millisecond of a UK calendar day (`YYYY-MM-DD`), as an ISO timestamp; null if not a day. */
export function ukDayEnd(day: string): string | null {
  if (!ISO_DAY.test(day)) return null;
  const noon = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(noon.getTime())) return null;
  return new Date(`${day}T23:59:59.999${londonOffset(noon)}`).toISOString();
}
