import { FakeGoogleAccount, GoogleFake } from '../../fakes/google-fake';
import type { SignedInUser } from '../../factories/given';
import type { TestApp } from '../../support/test-app';

export const CALENDAR_SYNC = '/api/calendar-sync';

/** The state cookie the product set, as the browser sends it back (`name=value`). */
export function stateCookieFrom(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith('cmc_gcal_state='));
  if (!cookie) throw new Error('No state cookie was set');
  return cookie.split(';')[0]!;
}

export interface ConsentRound {
  /** The callback address Google sent the browser back to (path and query). */
  callbackPath: string;
  /** The state cookie set when the user pressed "Connect". */
  cookie: string;
}

/**
 * The user presses "Connect Google Calendar" and consents on (the fake) Google as `account`;
 * returns where Google sends the browser back, without following it.
 */
export async function consentOnGoogle(
  api: TestApp,
  google: GoogleFake,
  user: Pick<SignedInUser, 'auth'>,
  account: FakeGoogleAccount,
): Promise<ConsentRound> {
  google.consentAs = account;
  const started = await api.http().get(`${CALENDAR_SYNC}/auth`).set(user.auth);
  if (started.status !== 200) throw new Error(`Could not start: ${started.status} ${JSON.stringify(started.body)}`);
  const consent = await fetch(started.body.authorizationUrl as string, { redirect: 'manual' });
  const back = new URL(consent.headers.get('location') ?? '');
  return { callbackPath: `${back.pathname}${back.search}`, cookie: stateCookieFrom(started.headers['set-cookie']) };
}

/** Connects the user's Google Calendar (as `account`) the way a browser does; fails loudly otherwise. */
export async function connectGoogle(
  api: TestApp,
  google: GoogleFake,
  user: Pick<SignedInUser, 'auth'>,
  account: FakeGoogleAccount,
): Promise<void> {
  const round = await consentOnGoogle(api, google, user, account);
  const done = await api.http().get(round.callbackPath).set('Cookie', round.cookie);
  if (done.status !== 302 || !String(done.headers.location).includes('google=connected')) {
    throw new Error(`Connecting failed: ${done.status} ${done.text}`);
  }
}
