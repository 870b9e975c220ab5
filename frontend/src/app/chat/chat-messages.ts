import type { ChatMessage } from '@core/api/api-types';

/** Appends messages not yet in `list` (by id), keeping the order by id. */
export function mergeMessages(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const known = new Set(list.map((m) => m.id));
  const added = incoming.filter((m) => !known.has(m.id));
  if (added.length === 0) return list as ChatMessage[];
  return [...list, ...added].sort((a, b) => a.id - b.id);
}
