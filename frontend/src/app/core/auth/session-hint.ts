/** Set and cleared by the server with the refresh cookie (which scripts cannot see). */
const SESSION_HINT_COOKIE = 'cmc_session_hint';

/** Whether `document.cookie` says there may be a session to restore. */
export const hasSessionHint = (cookies: string): boolean =>
  cookies.split(';').some((cookie) => cookie.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
