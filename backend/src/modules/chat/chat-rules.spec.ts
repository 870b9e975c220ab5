import { leaveMessageOfferedAt, rankAgents, REOPEN_WINDOW_MS, withinReopenWindow } from './chat-rules';

describe('chat rules', () => {
  describe(rankAgents.name, () => {
    const at = (iso: string) => new Date(iso);

    it('offers only agents under capacity, fewest active chats first', () => {
      const ranked = rankAgents(
        [
          { agentId: 'a', active: 2, lastAssignedAt: null },
          { agentId: 'b', active: 3, lastAssignedAt: null },
          { agentId: 'c', active: 0, lastAssignedAt: at('2026-12-07T10:00:00Z') },
        ],
        3,
      );
      expect(ranked).toEqual(['c', 'a']);
    });

    it('breaks ties by who waited longest, never-assigned first', () => {
      const ranked = rankAgents(
        [
          { agentId: 'late', active: 1, lastAssignedAt: at('2026-12-07T10:05:00Z') },
          { agentId: 'early', active: 1, lastAssignedAt: at('2026-12-07T10:00:00Z') },
          { agentId: 'new', active: 1, lastAssignedAt: null },
        ],
        3,
      );
      expect(ranked).toEqual(['new', 'early', 'late']);
    });

    it('puts the preferred agent first only when it has room', () => {
      const loads = [
        { agentId: 'a', active: 0, lastAssignedAt: null },
        { agentId: 'b', active: 2, lastAssignedAt: null },
      ];
      expect(rankAgents(loads, 3, 'b')).toEqual(['b', 'a']);
      expect(rankAgents(loads, 2, 'b')).toEqual(['a']);
    });

    it('offers nobody when capacity is zero', () => {
      expect(rankAgents([{ agentId: 'a', active: 0, lastAssignedAt: null }], 0)).toEqual([]);
    });
  });

  describe(withinReopenWindow.name, () => {
    const closedAt = new Date('2026-12-06T12:00:00Z');

    it('allows reopening up to exactly 24 hours after closing', () => {
      expect(withinReopenWindow(closedAt, new Date(closedAt.getTime() + REOPEN_WINDOW_MS))).toBe(true);
    });

    it('refuses one millisecond later, and when the chat never closed', () => {
      expect(withinReopenWindow(closedAt, new Date(closedAt.getTime() + REOPEN_WINDOW_MS + 1))).toBe(false);
      expect(withinReopenWindow(null, closedAt)).toBe(false);
    });
  });

  describe(leaveMessageOfferedAt.name, () => {
    it('is the queue time plus the setting', () => {
      expect(leaveMessageOfferedAt(new Date('2026-12-07T10:00:00Z'), 5).toISOString()).toBe('2026-12-07T10:05:00.000Z');
    });
  });
});
