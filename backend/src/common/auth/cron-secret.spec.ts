import { bearerMatchesSecret } from './cron-secret';

const SECRET = 'a-scheduler-secret-of-at-least-32-characters';

describe(bearerMatchesSecret.name, () => {
  it('accepts exactly the configured secret as a bearer token', () => {
    expect(bearerMatchesSecret(`Bearer ${SECRET}`, SECRET)).toBe(true);
    expect(bearerMatchesSecret(`bearer ${SECRET}`, SECRET)).toBe(true);
  });

  it.each([
    ['another secret', `Bearer ${SECRET.slice(0, -1)}x`],
    ['a prefix of it', `Bearer ${SECRET.slice(0, 10)}`],
    ['the secret with more after it', `Bearer ${SECRET}x`],
    ['the secret without the scheme', SECRET],
    ['another scheme', `Basic ${SECRET}`],
    ['an empty header', ''],
  ])('refuses %s', (_label, header) => {
    expect(bearerMatchesSecret(header, SECRET)).toBe(false);
  });

  it('refuses everything when no secret is configured, and a missing or repeated header', () => {
    expect(bearerMatchesSecret(`Bearer ${SECRET}`, null)).toBe(false);
    expect(bearerMatchesSecret('Bearer ', '')).toBe(false);
    expect(bearerMatchesSecret(undefined, SECRET)).toBe(false);
    expect(bearerMatchesSecret([`Bearer ${SECRET}`, `Bearer ${SECRET}`], SECRET)).toBe(false);
  });
});
