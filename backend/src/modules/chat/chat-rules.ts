/** The live chat's rules as pure functions (tested at their boundaries in chat-rules.spec.ts). */

/** A requester may reopen their closed chat for this long after it closed. */
export const REOPEN_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface AgentLoad {
  agentId: string;
  /** Active chats assigned to the agent now. */
  active: number;
  lastAssignedAt: Date | null;
}

/**
 * The order in which agents are offered a chat: only those under `capacity`, fewest active chats
 * first, then the one who has waited longest since their last chat (never assigned: first).
 * `preferred` (the agent who had a reopened chat) goes first when it has room.
 */
export function rankAgents(loads: readonly AgentLoad[], capacity: number, preferred?: string | null): string[] {
  const waitedSince = (load: AgentLoad) => load.lastAssignedAt?.getTime() ?? -Infinity;
  const ranked = loads
    .filter((load) => load.active < capacity)
    .sort((a, b) => a.active - b.active || waitedSince(a) - waitedSince(b) || a.agentId.localeCompare(b.agentId))
    .map((load) => load.agentId);
  if (!preferred || !ranked.includes(preferred)) return ranked;
  return [preferred, ...ranked.filter((id) => id !== preferred)];
}

/** Whether a chat closed at `closedAt` may still be reopened at `now`. */
export function withinReopenWindow(closedAt: Date | null, now: Date): boolean {
  return closedAt !== null && now.getTime() - closedAt.getTime() <= REOPEN_WINDOW_MS;
}

/** When the widget offers to leave a message: `minutes` after the chat (last) entered the queue. */
export function leaveMessageOfferedAt(queuedAt: Date, minutes: number): Date {
  return new Date(queuedAt.getTime() + minutes * 60_000);
}
