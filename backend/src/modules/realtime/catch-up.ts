import { DeliveryLedger } from './delivery-ledger';
import { RealtimeEnvelope } from './realtime-events';

/** One live connection on this instance, as catch-up sees it. */
export interface CatchUpRecipient {
  readonly userId: string;
  readonly ledger: DeliveryLedger;
  /** Sends `envelope` unless the ledger says it has been sent, and records it. */
  deliver(envelope: RealtimeEnvelope): void;
}

/** How long catch-up waits between reading the store and sending, for live deliveries in flight to land first. */
export const CATCH_UP_SETTLE_MS = 1_000;
const QUERY_CONCURRENCY = 8;

/**
 * Sends each connection the stored events it should have received live but did not (what other
 * instances published while Redis was away): reads every user's events after the lowest floor
 * among their connections, waits `settleMs`, then hands each connection the events above its own
 * floor. Each connection's ledger drops what it already has, so nothing is sent twice.
 *
 * The wait is for socket.io: its live deliveries come through the Redis adapter straight to the
 * socket and cannot be held back, only recorded as they pass. An event stored just before the
 * read may still be on its way live; after the wait it has arrived and is in the ledger. (SSE
 * writes go through the ledger either way.)
 *
 * Afterwards each connection's floor moves up to the newest event read for its user: everything
 * up to there has now been sent, so the next catch-up reads less.
 */
export async function catchUp(
  recipients: Iterable<CatchUpRecipient>,
  eventsAfter: (userId: string, afterId: number) => Promise<RealtimeEnvelope[]>,
  settleMs = CATCH_UP_SETTLE_MS,
): Promise<{ users: number; sent: number }> {
  const byUser = new Map<string, CatchUpRecipient[]>();
  for (const recipient of recipients) {
    const list = byUser.get(recipient.userId) ?? [];
    list.push(recipient);
    byUser.set(recipient.userId, list);
  }
  const users = [...byUser.entries()];
  const found = new Map<string, RealtimeEnvelope[]>();
  for (let start = 0; start < users.length; start += QUERY_CONCURRENCY) {
    await Promise.all(
      users.slice(start, start + QUERY_CONCURRENCY).map(async ([userId, list]) => {
        const from = Math.min(...list.map((r) => r.ledger.floor));
        found.set(userId, await eventsAfter(userId, from));
      }),
    );
  }
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));

  let sent = 0;
  for (const [userId, list] of users) {
    const events = found.get(userId) ?? [];
    if (events.length === 0) continue;
    const newest = Math.max(...events.map((e) => Number(e.id)));
    for (const recipient of list) {
      for (const envelope of events) {
        if (recipient.ledger.has(Number(envelope.id))) continue;
        recipient.deliver(envelope);
        sent++;
      }
      recipient.ledger.settle(newest);
    }
  }
  return { users: byUser.size, sent };
}
