import { describeMs, describeSize } from './operations-format';

describe('describeSize', () => {
  it('reads in decimal units', () => {
    expect(describeSize(null)).toBe('–');
    expect(describeSize(12)).toBe('12 bytes');
    expect(describeSize(820_000)).toBe('820 kB');
    expect(describeSize(1_400_000)).toBe('1.4 MB');
  });
});

describe('describeMs', () => {
  it('reads as ms, seconds or minutes', () => {
    expect(describeMs(350)).toBe('350 ms');
    expect(describeMs(4200)).toBe('4.2 s');
    expect(describeMs(185_000)).toBe('3 min 5 s');
  });
});
