/**
 * How readily a childminder answers parents who write to her first: of the conversations a parent
 * opened in the last RESPONSE_WINDOW_DAYS, the share she answered within REPLY_WITHIN_HOURS, and
 * her median time to the first answer. Kept cheap: the conversation row records when the parent
 * first wrote and when she first answered (set as the messages are sent), and an index on
 * (childminderId, parentAskedAt) serves the look-up.
 */
export const RESPONSE_WINDOW_DAYS = 90;
export const REPLY_WITHIN_HOURS = 24;
/** Fewer parents than this having written to her says nothing yet about how she answers. */
export const MIN_ASKED_TO_JUDGE = 3;

/** One parent's first message to her and her first answer, if any. */
export interface FirstContact {
  askedAt: Date;
  answeredAt: Date | null;
}

export interface ResponseStats {
  /** Conversations a parent opened in the window. */
  asked: number;
  /** How many of them she answered within REPLY_WITHIN_HOURS (0-1), null when nobody asked. */
  replyRate: number | null;
  /** Median minutes to her first answer among those answered, null when none was. */
  medianReplyMinutes: number | null;
}

const HOUR_MS = 3600_000;

/**
 * The stats from a childminder's first contacts. A question asked less than REPLY_WITHIN_HOURS
 * ago and not yet answered is left out: she still has time to answer it in.
 */
export function responseStats(contacts: readonly FirstContact[], now: Date): ResponseStats {
  const within = REPLY_WITHIN_HOURS * HOUR_MS;
  const settled = contacts.filter((c) => c.answeredAt !== null || now.getTime() - c.askedAt.getTime() >= within);
  const minutes = settled
    .filter((c): c is FirstContact & { answeredAt: Date } => c.answeredAt !== null)
    .map((c) => Math.max(0, (c.answeredAt.getTime() - c.askedAt.getTime()) / 60_000))
    .sort((a, b) => a - b);
  const inTime = minutes.filter((m) => m * 60_000 <= within).length;
  const mid = Math.floor(minutes.length / 2);
  return {
    asked: settled.length,
    replyRate: settled.length === 0 ? null : inTime / settled.length,
    medianReplyMinutes:
      minutes.length === 0
        ? null
        : Math.round(minutes.length % 2 ? minutes[mid]! : (minutes[mid - 1]! + minutes[mid]!) / 2),
  };
}

/** "within an hour", "within 3 hours", "within a day", "within 2 days": rounded up, as a parent reads it. */
export function replyTimeWords(minutes: number): string {
  if (minutes <= 60) return 'within an hour';
  const hours = Math.ceil(minutes / 60);
  if (hours < 24) return `within ${hours} hours`;
  const days = Math.ceil(hours / 24);
  return days === 1 ? 'within a day' : `within ${days} days`;
}
