import { hasSessionHint } from './session-hint';

describe('hasSessionHint', () => {
  it('finds the hint among other cookies, wherever it is', () => {
    expect(hasSessionHint('cmc_session_hint=1')).toBe(true);
    expect(hasSessionHint('theme=dark; cmc_session_hint=1; lang=en')).toBe(true);
  });

  it('is false without it, or for a cookie whose name only contains it', () => {
    expect(hasSessionHint('')).toBe(false);
    expect(hasSessionHint('theme=dark')).toBe(false);
    expect(hasSessionHint('old_cmc_session_hint=1')).toBe(false);
  });
});
