import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInVisitor } from './support/browser';
import { OutboxReader, linkFrom } from './support/outbox';
import { checkPage, expectTitle, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

// Long stories on a shared machine: each signs in, runs axe at two widths and saves screenshots.
jest.setTimeout(180_000);

const PARENT = { email: 'parent.demo@example.com', password: 'Demo-Parent-2026' };
const MINDER = { email: 'childminder.demo@example.com', password: 'Demo-Minder-2026' };
const DAY_MS = 24 * 3600 * 1000;

/** A UK calendar day `days` from now, as a date input takes it (YYYY-MM-DD). */
const ukDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * DAY_MS));

const uniqueEmail = (name: string) => `${name}.${Date.now()}.${randomBytes(3).toString('hex')}@example.com`;

describe('Last-minute places in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let outbox: OutboxReader;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    outbox = new OutboxReader(server.dataDir);
  }, 90_000);
  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(email: string, password: string): Promise<Page> {
    const page = await signedInVisitor(browser, server.baseUrl, email, password);
    contexts.push(page.context());
    return page;
  }

  it('a childminder publishes a place and turns auto-accept on; the demo parent (Plus, nearby) is alerted, sees it and can request it', async () => {
    const minder = await signedIn(MINDER.email, MINDER.password);
    const minderErrors = watchPageErrors(minder);
    const tomorrow = ukDay(1);

    // From the dashboard to the page: nothing published yet.
    await minder.goto('/childminder');
    await minder.getByRole('link', { name: /^Last-minute places/ }).click();
    await minder.waitForURL('**/childminder/last-minute');
    await visible(heading(minder, 'Last-minute places'));
    await expectTitle(minder, 'Last-minute places');
    await visible(minder.getByText('No last-minute places published'));
    await visible(minder.getByRole('switch', { name: /Confirm requests automatically/ }));
    await checkPage(minder, 'last-minute-childminder-empty', { phone: true });

    // The form says what is missing, then shows the server's answer on the field it concerns.
    await minder.getByLabel('Date', { exact: true }).fill(tomorrow);
    await minder.getByLabel('Start', { exact: true }).fill('17:00');
    await minder.getByLabel('End', { exact: true }).fill('13:00');
    await minder.getByRole('button', { name: 'Publish place' }).click();
    await visible(minder.getByText('Choose at least one age group'));
    await minder.getByRole('checkbox', { name: 'Toddler (1–2)' }).check();
    await minder.getByRole('checkbox', { name: 'Pre-school (3–4)' }).check();
    await minder.getByRole('combobox', { name: 'Places' }).click();
    await minder.getByRole('option', { name: '2', exact: true }).click();
    await minder.getByRole('button', { name: 'Publish place' }).click();
    await visible(minder.getByText('The end time must be after the start time, on a real date'));
    await visible(minder.getByText('Check the highlighted fields.'));
    await checkPage(minder, 'last-minute-childminder-field-error');

    await minder.getByLabel('Start', { exact: true }).fill('13:00');
    await minder.getByLabel('End', { exact: true }).fill('17:00');
    await minder.getByRole('button', { name: 'Publish place' }).click();
    await visible(
      minder.locator('[aria-live]').getByText(/is published\. Parents nearby with alerts on are being told\./),
    );
    const published = minder.getByRole('listitem').filter({ hasText: 'Toddler (1–2), Pre-school (3–4)' });
    await visible(published);
    expect(await published.innerText()).toMatch(/\w{3} \d{1,2} \w{3} \d{4}, 13:00–17:00/);
    await visible(published.getByText('2 places'));

    // A second place, withdrawn after the confirmation dialog; the first stays.
    await minder.getByLabel('Date', { exact: true }).fill(ukDay(2));
    await minder.getByLabel('Start', { exact: true }).fill('09:00');
    await minder.getByLabel('End', { exact: true }).fill('11:00');
    await minder.getByRole('checkbox', { name: 'Under 1' }).check();
    await minder.getByRole('button', { name: 'Publish place' }).click();
    const second = minder.getByRole('listitem').filter({ hasText: 'Under 1' });
    await visible(second);
    await second.getByRole('button', { name: /^Withdraw the place on/ }).click();
    const dialog = minder.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Withdraw this place?' }));
    await checkPage(minder, 'last-minute-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Withdraw place' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(minder.locator('[aria-live]').getByText(/was withdrawn\./));
    await second.waitFor({ state: 'detached' });
    await visible(published);

    // Returning families are confirmed automatically from now on.
    const rule = minder.getByRole('switch', { name: /Confirm requests automatically/ });
    expect(await rule.getAttribute('aria-checked')).toBe('false');
    await rule.click();
    await visible(
      minder.getByText(
        'Saved. Requests from families who have completed a booking with you are now confirmed automatically.',
      ),
    );
    expect(await rule.getAttribute('aria-checked')).toBe('true');
    await minder.reload();
    await visible(minder.getByRole('switch', { name: /Confirm requests automatically/, checked: true }));
    await checkPage(minder, 'last-minute-childminder', { phone: true });
    expect(minderErrors).toEqual([]);

    // The demo parent (Plus, in M20, with a toddler and alerts on) was told: by email and in the app.
    const email = await outbox.waitFor(PARENT.email, { template: 'last-minute-opening' });
    expect(email.subject).toContain('Last-minute place with Claire Hughes');
    expect(linkFrom(email, '/parent/last-minute')).toBe(`${server.baseUrl}/parent/last-minute`);

    const parent = await signedIn(PARENT.email, PARENT.password);
    const parentErrors = watchPageErrors(parent);
    const bell = parent.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await visible(bell);
    await bell.click();
    const item = parent.getByRole('menuitem', { name: /Last-minute place with Claire Hughes/ });
    await visible(item);
    await item.press('Enter');
    await parent.waitForURL('**/parent/last-minute');
    await visible(heading(parent, 'Places near you now'));
    await visible(parent.getByText(/Within 5 miles of your postcode, for (Maya and Leo|Leo and Maya)\./));

    // Claire's place, linked to her profile, and the places the demo already had nearby.
    const place = parent.getByRole('article', { name: 'Claire Hughes', exact: true });
    await visible(place);
    const profileLink = await visible(place.getByRole('link', { name: 'Claire Hughes', exact: true }));
    expect(await profileLink.getAttribute('href')).toMatch(/^\/childminders\/[0-9a-f-]{36}$/);
    expect(await place.innerText()).toMatch(/13:00–17:00/);
    await visible(place.getByText('2 places'));
    expect(await parent.getByRole('article').count()).toBeGreaterThan(1);
    await visible(heading(parent, 'Alert settings'));
    await visible(parent.getByRole('switch', { name: 'Send me last-minute alerts', checked: true }));
    await checkPage(parent, 'last-minute-parent', { phone: true });

    // "Request booking" opens the request form for Claire, on that day and time.
    await place.getByRole('link', { name: /^Request booking with Claire Hughes/ }).click();
    await parent.waitForURL(`**/parent/bookings/new?childminder=*&date=${tomorrow}&start=13:00&end=17:00`);
    await visible(heading(parent, 'Request a booking with Claire Hughes'));
    expect(await parent.getByLabel('Date', { exact: true }).inputValue()).toBe(tomorrow);
    expect(await parent.getByLabel('Start', { exact: true }).inputValue()).toBe('13:00');
    expect(await parent.getByLabel('End', { exact: true }).inputValue()).toBe('17:00');

    // The settings: a wider distance, saved, and the page says so.
    await parent.goto('/parent/last-minute/settings');
    await visible(heading(parent, 'Alert settings'));
    await expectTitle(parent, 'Last-minute alert settings');
    const radius = parent.getByRole('slider', { name: /Distance from your postcode/ });
    await radius.focus();
    for (let i = 0; i < 3; i++) await radius.press('ArrowRight');
    await visible(parent.getByText('Distance from your postcode: 8 miles'));
    await parent.getByRole('checkbox', { name: 'By email' }).uncheck();
    await parent.getByRole('button', { name: 'Save alert settings' }).click();
    await visible(parent.getByText('Your alert settings have been saved.'));
    await visible(parent.getByText(/Within 8 miles of your postcode/));
    await checkPage(parent, 'last-minute-parent-settings');
    expect(parentErrors).toEqual([]);
  });

  it('a Free parent may look, but turning alerts on offers Parent Plus instead', async () => {
    const email = uniqueEmail('fern.free');
    const password = 'a long family password 58';
    const register = await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        role: 'parent',
        firstName: 'Fern',
        lastName: 'Free',
        email,
        password,
        acceptPrivacyNotice: true,
      }),
    });
    expect(register.status).toBe(201);
    const token = new URL(
      linkFrom(await outbox.waitFor(email, { template: 'verify-email' }), '/verify-email'),
    ).searchParams.get('token');
    const verify = await fetch(`${server.baseUrl}/api/auth/verify-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(verify.ok).toBe(true);

    const parent = await signedIn(email, password);
    const errors = watchPageErrors(parent);
    await parent.goto('/parent');
    await parent.getByRole('link', { name: /^Last-minute places/ }).click();
    await parent.waitForURL('**/parent/last-minute');
    // No postcode yet: the page says how to see places.
    await visible(parent.getByText('Add your postcode to see places near you'));
    await visible(parent.getByText(/Alerts are part of Parent Plus\./));

    const alerts = parent.getByRole('switch', { name: 'Send me last-minute alerts' });
    await alerts.click();
    const dialog = parent.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Upgrade to Plus' }));
    await visible(dialog.getByText('This needs the Plus plan. Upgrade to Plus to unlock it.'));
    await checkPage(parent, 'last-minute-upgrade-prompt');
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await alerts.getAttribute('aria-checked')).toBe('false');
    await checkPage(parent, 'last-minute-parent-free', { phone: true });
    expect(errors).toEqual([]);
  });
});
