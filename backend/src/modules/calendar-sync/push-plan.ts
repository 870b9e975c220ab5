import { createHash } from 'node:crypto';
import { CalendarEntry, entryHash } from './calendar-entries';

export interface PushedLink {
  entryKey: string;
  calendarId: string;
  googleEventId: string;
  contentHash: string;
  endsAt: Date;
}

export interface PushPlan<L extends PushedLink> {
  create: { entry: CalendarEntry; hash: string }[];
  update: { entry: CalendarEntry; hash: string; link: L }[];
  remove: L[];
}

/**
 * Our id for the Google event of an entry: the same on every retry, so a create whose answer
 * was lost is found again rather than made twice. Google event ids use base32hex (0-9, a-v).
 */
export const googleEventId = (userId: string, entryKey: string) =>
  `cmc${createHash('sha256').update(`${userId}:${entryKey}`).digest('hex').slice(0, 40)}`;

/**
 * What one push does, from the entries in the sync window (starting at `windowStart`) and the
 * links of earlier pushes: create the new, patch the changed, delete the gone. A link whose
 * entry ended before the window is history and stays as it is; one on another calendar (the user
 * chose a new one) is deleted there and its entry created on the new one.
 */
export function planPush<L extends PushedLink>(
  entries: readonly CalendarEntry[],
  links: readonly L[],
  calendarId: string,
  windowStart: Date,
): PushPlan<L> {
  const byKey = new Map(links.map((link) => [link.entryKey, link]));
  const wanted = new Set(entries.map((e) => e.key));
  const plan: PushPlan<L> = { create: [], update: [], remove: [] };
  for (const entry of entries) {
    const hash = entryHash(entry);
    const link = byKey.get(entry.key);
    if (!link) plan.create.push({ entry, hash });
    else if (link.calendarId !== calendarId) {
      plan.remove.push(link);
      plan.create.push({ entry, hash });
    } else if (link.contentHash !== hash) plan.update.push({ entry, hash, link });
  }
  for (const link of links) {
    if (wanted.has(link.entryKey)) continue;
    if (link.calendarId !== calendarId || link.endsAt > windowStart) plan.remove.push(link);
  }
  return plan;
}
