import { catchUp, CatchUpRecipient } from './catch-up';
import { DeliveryLedger } from './delivery-ledger';
import { RealtimeEnvelope } from './realtime-events';

const envelope = (id: number): RealtimeEnvelope => ({
  id: String(id),
  type: 'booking.updated',
  data: { booking: { id: `b${id}`, status: 'confirmed', startsAt: '', endsAt: '' } },
  createdAt: '2026-11-29T10:00:00.000Z',
});

/** A connection that records what it is sent, as the SSE stream and the socket do. */
function connection(userId: string, floor: number, alreadySent: number[] = []) {
  const ledger = new DeliveryLedger(floor);
  for (const id of alreadySent) ledger.record(id);
  const sent: number[] = [];
  const recipient: CatchUpRecipient = {
    userId,
    ledger,
    deliver: (e) => {
      if (ledger.record(Number(e.id))) sent.push(Number(e.id));
    },
  };
  return { recipient, ledger, sent };
}

/** The store: each user's event ids. */
function store(byUser: Record<string, number[]>) {
  const reads: { userId: string; afterId: number }[] = [];
  const eventsAfter = async (userId: string, afterId: number) => {
    reads.push({ userId, afterId });
    return (byUser[userId] ?? []).filter((id) => id > afterId).map(envelope);
  };
  return { eventsAfter, reads };
}

describe(catchUp.name, () => {
  it('sends each connection the stored events above its floor that it has not had, oldest first', async () => {
    const a = connection('ann', 10, [12, 15]);
    const { eventsAfter } = store({ ann: [9, 11, 12, 13, 15, 16] });

    const result = await catchUp([a.recipient], eventsAfter, 0);

    expect(a.sent).toEqual([11, 13, 16]);
    expect(result).toEqual({ users: 1, sent: 3 });
  });

  it('reads once per user, from the lowest floor among their connections', async () => {
    const early = connection('ann', 10);
    const late = connection('ann', 14);
    const other = connection('bob', 3);
    const { eventsAfter, reads } = store({ ann: [11, 15], bob: [4] });

    await catchUp([early.recipient, late.recipient, other.recipient], eventsAfter, 0);

    expect(reads).toEqual([
      { userId: 'ann', afterId: 10 },
      { userId: 'bob', afterId: 3 },
    ]);
    expect([early.sent, late.sent, other.sent]).toEqual([[11, 15], [15], [4]]);
  });

  it('does not send what arrived live while it waited', async () => {
    const a = connection('ann', 0);
    const { eventsAfter } = store({ ann: [1, 2] });

    const pending = catchUp([a.recipient], eventsAfter, 30);
    // Event 2's live delivery lands during the wait.
    await new Promise((resolve) => setTimeout(resolve, 5));
    a.recipient.deliver(envelope(2));
    await pending;

    expect(a.sent).toEqual([2, 1]);
  });

  it('moves each connection’s floor up to the newest event read, so the next catch-up reads less', async () => {
    const a = connection('ann', 0);
    const { eventsAfter, reads } = store({ ann: [1, 2, 3] });

    await catchUp([a.recipient], eventsAfter, 0);
    await catchUp([a.recipient], eventsAfter, 0);

    expect(a.ledger.floor).toBe(3);
    expect(reads.map((r) => r.afterId)).toEqual([0, 3]);
    expect(a.sent).toEqual([1, 2, 3]);
  });

  it('with nobody connected reads nothing', async () => {
    const { eventsAfter, reads } = store({ ann: [1] });
    expect(await catchUp([], eventsAfter, 0)).toEqual({ users: 0, sent: 0 });
    expect(reads).toEqual([]);
  });
});
