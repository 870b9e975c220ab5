import type { Browser, Page } from 'playwright-core';
import { GoogleFake } from '../fakes/google-fake';
import { launchBrowser, signedInVisitor } from './support/browser';
import { announced, checkPage, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

const MINDER = { email: 'childminder.demo@example.com', password: 'Demo-Minder-2026' };

/** A UK date (YYYY-MM-DD) for an instant. */
const ukDate = (value: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(value);

describe('A childminder connects Google Calendar in the browser', () => {
  let google: GoogleFake;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    google = await GoogleFake.start();
    [server, browser] = await Promise.all([startServer(google.env()), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
    await google?.close();
  });

  it('connects to (the fake) Google, syncs, and sees her Google busy time on her calendar', async () => {
    const account = GoogleFake.account('claire');
    google.consentAs = account;
    // Busy in Google the day after tomorrow, 10:00-12:00 UK time (11:00 UTC is 11:00 or 12:00 UK).
    const day = ukDate(new Date(Date.now() + 2 * 86_400_000));
    const start = new Date(`${day}T10:00:00Z`);
    google.setBusy(account.email, [{ start, end: new Date(+start + 2 * 3_600_000) }]);

    page = await signedInVisitor(browser, server.baseUrl, MINDER.email, MINDER.password);
    const errors = watchPageErrors(page);
    await page.goto('/account/calendar');
    await visible(heading(page, 'Google Calendar'));
    await visible(page.getByRole('textbox', { name: 'Your calendar address' }));
    await checkPage(page, 'calendar-settings-not-connected', { phone: true });

    await page.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await page.waitForURL('**/account/calendar?google=connected');
    await visible(announced(page, 'Google Calendar is connected. Press “Sync now” to send your calendar there.'));
    await visible(page.getByText(account.email));

    await page.getByRole('button', { name: 'Sync now' }).click();
    const result = page.locator('[aria-live]').getByText(/^Synced: .* 1 busy time read from Google\.$/);
    await visible(result);
    // Focus moved to the outcome, so a screen reader reads it out.
    expect(await page.evaluate(`document.activeElement?.classList.contains('result')`)).toBe(true);
    const calendar = google.calendarsOf(account.email).find((c) => c.summary === 'Childminder Connect');
    expect(google.eventsOf(calendar!.id).length).toBeGreaterThan(0);
    await visible(page.locator('dd', { hasText: 'Childminder Connect' }));
    await checkPage(page, 'calendar-settings-connected', { phone: true });

    await page.goto(`/childminder/calendar?date=${day}`);
    const busy = page.locator('.cc-event--google_busy').first();
    await visible(busy);
    expect(await busy.textContent()).toContain('Busy in Google Calendar');
    await visible(page.getByText('Busy in Google Calendar', { exact: true }).first());
    await checkPage(page, 'calendar-google-busy');
    expect(errors).toEqual([]);
  });
});
