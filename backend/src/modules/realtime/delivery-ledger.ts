/** How many delivered ids one connection remembers above its floor before it forgets the oldest half. */
export const LEDGER_CAPACITY = 200;

/**
 * Which events one connection (an SSE stream or a socket) has been sent, so that an event
 * reaching it by two paths (live and replay, or live and the catch-up after a Redis outage) is
 * sent once. Event ids grow across the cluster but do not arrive in order (two instances publish
 * at the same moment; a caught-up event is older than the live ones around it), so this keeps the
 * ids themselves rather than only the highest.
 *
 * Ids at or below `floor` count as delivered: where the connection started (its Last-Event-ID, or
 * the newest stored event when it connected), raised as catch-up confirms everything below a point
 * and when memory is trimmed. Memory is bounded: past LEDGER_CAPACITY ids the oldest half is
 * folded into the floor, so a connection that fell that far behind is no longer caught up on them.
 */
export class DeliveryLedger {
  private floorId: number;
  private readonly above = new Set<number>();

  constructor(
    floor: number,
    private readonly capacity = LEDGER_CAPACITY,
  ) {
    this.floorId = floor;
  }

  get floor(): number {
    return this.floorId;
  }

  has(id: number): boolean {
    return id <= this.floorId || this.above.has(id);
  }

  /** Records that `id` is being sent; false if it was sent already (the caller then sends nothing). */
  record(id: number): boolean {
    if (this.has(id)) return false;
    this.above.add(id);
    if (this.above.size > this.capacity) {
      const sorted = [...this.above].sort((a, b) => a - b);
      this.settle(sorted[sorted.length - Math.ceil(this.capacity / 2) - 1]!);
    }
    return true;
  }

  /** Everything up to `id` has been delivered (or is no longer owed): forget the ids below it. */
  settle(id: number): void {
    if (id <= this.floorId) return;
    this.floorId = id;
    for (const known of this.above) if (known <= id) this.above.delete(known);
  }
}
