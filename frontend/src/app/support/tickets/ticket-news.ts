import type { SupportTicketChange } from '../../chat/chat-client';

/** What the console says aloud (and shows) when a ticket changes live. */
export function describeTicketChange(change: Pick<SupportTicketChange, 'number' | 'change'>): string {
  switch (change.change) {
    case 'created':
      return `New ticket ${change.number}.`;
    case 'requester-replied':
      return `${change.number}: the requester replied.`;
    case 'agent-replied':
      return `${change.number}: a colleague replied.`;
    case 'note':
      return `${change.number}: a colleague added an internal note.`;
    case 'updated':
      return `${change.number} was changed.`;
    case 'deleted':
      return `${change.number} was deleted.`;
  }
}

/** Whether the signed-in agent should hear of `change`: not of what they did themselves. */
export const isNewsFor = (change: Pick<SupportTicketChange, 'actorId'>, userId: string | undefined): boolean =>
  !userId || change.actorId !== userId;
