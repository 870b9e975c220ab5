const UK_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/** An ISO instant as a UK calendar date: "25 November 2026". */
export const formatUkDate = (iso: string | null | undefined): string => (iso ? UK_DATE.format(new Date(iso)) : '');

/** The URL the checkout answered may be Stripe's (leave the app) or the in-app simulator. */
export const isInAppUrl = (url: string, origin: string): boolean => url.startsWith(origin + '/');
