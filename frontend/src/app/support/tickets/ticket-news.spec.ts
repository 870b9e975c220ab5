import { describeTicketChange, isNewsFor } from './ticket-news';

describe('describeTicketChange', () => {
  it.each([
    ['created', 'New ticket CC-1042.'],
    ['requester-replied', 'CC-1042: the requester replied.'],
    ['agent-replied', 'CC-1042: a colleague replied.'],
    ['note', 'CC-1042: a colleague added an internal note.'],
    ['updated', 'CC-1042 was changed.'],
    ['deleted', 'CC-1042 was deleted.'],
  ] as const)('says what %s means', (change, text) => {
    expect(describeTicketChange({ number: 'CC-1042', change })).toBe(text);
  });
});

describe('isNewsFor', () => {
  it('is news for everyone but the agent who did it', () => {
    expect(isNewsFor({ actorId: 'a' }, 'a')).toBe(false);
    expect(isNewsFor({ actorId: 'b' }, 'a')).toBe(true);
    expect(isNewsFor({ actorId: null }, 'a')).toBe(true);
  });
});
