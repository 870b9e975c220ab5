import type { ServerResponse } from 'node:http';
import { DeliveryLedger } from '../delivery-ledger';
import { RealtimeEnvelope } from '../realtime-events';
import { SseStream } from './sse-hub';

const envelope = (id: number): RealtimeEnvelope => ({
  id: String(id),
  type: 'conversation.read',
  data: { conversationId: 'c1', readerId: 'u1', readUpTo: null },
  createdAt: '2026-11-29T10:00:00.000Z',
});

/** The response as the browser would read it: each event's `id:` (if any) and envelope id. */
function response() {
  const chunks: string[] = [];
  const res = { writableEnded: false, write: (chunk: string) => chunks.push(chunk) > 0 };
  const events = () =>
    chunks
      .filter((c) => c.includes('event: '))
      .map((c) => ({
        idLine: /^id: (\d+)$/m.exec(c)?.[1],
        envelopeId: (JSON.parse(/^data: (.*)$/m.exec(c)![1]!) as RealtimeEnvelope).id,
      }));
  return { res: res as unknown as ServerResponse, events };
}

describe(SseStream.name, () => {
  describe('finishReplay', () => {
    it('writes the replay, then what arrived meanwhile, each event once', () => {
      const { res, events } = response();
      const stream = new SseStream('u1', res, new DeliveryLedger(10), 10);
      stream.deliver(envelope(12));
      stream.deliver(envelope(13));
      expect(events()).toEqual([]);

      stream.finishReplay([envelope(11), envelope(12)]);

      expect(events().map((e) => e.envelopeId)).toEqual(['11', '12', '13']);
      expect(stream.live).toBe(true);
    });
  });

  describe('deliver', () => {
    it('skips what the client had (up to Last-Event-ID) and what it was sent already', () => {
      const { res, events } = response();
      const stream = new SseStream('u1', res, new DeliveryLedger(10), 10);
      stream.finishReplay([]);

      for (const id of [9, 10, 11, 11, 12, 11]) stream.deliver(envelope(id));

      expect(events().map((e) => e.envelopeId)).toEqual(['11', '12']);
    });

    it('sends an event older than one already sent without `id:`, so Last-Event-ID stays at the newest', () => {
      const { res, events } = response();
      const stream = new SseStream('u1', res, new DeliveryLedger(0), 0);
      stream.finishReplay([]);

      for (const id of [5, 3, 7]) stream.deliver(envelope(id));

      expect(events()).toEqual([
        { idLine: '5', envelopeId: '5' },
        { idLine: undefined, envelopeId: '3' },
        { idLine: '7', envelopeId: '7' },
      ]);
    });
  });
});
