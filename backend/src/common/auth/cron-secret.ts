import { createHash, timingSafeEqual } from 'node:crypto';

/** The caller of a route that accepts CRON_SECRET, when it used the secret: a scheduler, not a user. */
export interface CronSecretCaller {
  cronSecret: true;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether an Authorization header is `Bearer <secret>`. Both sides are hashed before a
 * constant-time comparison, so the time taken says nothing about the length or the content of
 * the guess. No secret configured: nothing matches.
 */
export function bearerMatchesSecret(header: string | string[] | undefined, secret: string | null): boolean {
  if (!secret || typeof header !== 'string') return false;
  const match = /^Bearer +(\S+)\s*$/i.exec(header);
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(secret));
}
