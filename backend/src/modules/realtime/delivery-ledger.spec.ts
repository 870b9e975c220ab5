import { DeliveryLedger } from './delivery-ledger';

describe(DeliveryLedger.name, () => {
  describe('record', () => {
    it('accepts an id once, in any order, and refuses it the second time', () => {
      const ledger = new DeliveryLedger(10);
      expect([ledger.record(14), ledger.record(12), ledger.record(14), ledger.record(12)]).toEqual([
        true,
        true,
        false,
        false,
      ]);
      expect(ledger.has(13)).toBe(false);
      expect(ledger.record(13)).toBe(true);
    });

    it('refuses ids at or below the floor: the connection started after them', () => {
      const ledger = new DeliveryLedger(10);
      expect([ledger.record(9), ledger.record(10), ledger.record(11)]).toEqual([false, false, true]);
    });

    it('past its capacity folds the older half into the floor and keeps the newest', () => {
      const ledger = new DeliveryLedger(0, 4);
      for (const id of [5, 1, 4, 2, 3]) ledger.record(id);
      // Five ids exceed four: the floor moves to 3, so 1-3 count as delivered and 4-5 are kept.
      expect(ledger.floor).toBe(3);
      expect([1, 2, 3, 4, 5].map((id) => ledger.has(id))).toEqual([true, true, true, true, true]);
      expect(ledger.has(6)).toBe(false);
      expect(ledger.record(4)).toBe(false);
    });
  });

  describe('settle', () => {
    it('raises the floor and keeps the ids above it', () => {
      const ledger = new DeliveryLedger(0);
      ledger.record(3);
      ledger.record(8);
      ledger.settle(5);
      expect(ledger.floor).toBe(5);
      expect([ledger.has(4), ledger.has(8), ledger.has(6)]).toEqual([true, true, false]);
    });

    it('never lowers the floor', () => {
      const ledger = new DeliveryLedger(20);
      ledger.settle(5);
      expect(ledger.floor).toBe(20);
    });
  });
});
