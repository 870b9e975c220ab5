import type { ChatMessage } from '@core/api/api-types';
import { mergeMessages } from './chat-messages';

const message = (id: number, text = `m${id}`): ChatMessage => ({
  id,
  sessionId: 's',
  sender: 'agent',
  senderId: null,
  senderName: null,
  text,
  createdAt: '2026-12-07T10:00:00.000Z',
});

describe('mergeMessages', () => {
  it('adds what is new, in id order, and ignores what is already there (socket and catch-up overlap)', () => {
    const merged = mergeMessages([message(1), message(3)], [message(3), message(2), message(4)]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });

  it('returns the same list when nothing is new, so signals do not change', () => {
    const list = [message(1)];
    expect(mergeMessages(list, [message(1)])).toBe(list);
  });
});
