import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { launchBrowser, newVisitor, signInThroughForm } from './support/browser';
import { OutboxReader, linkFrom } from './support/outbox';
import { checkPage, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(240_000);

const uniqueEmail = (name: string) => `${name}.${Date.now()}.${randomBytes(3).toString('hex')}@example.com`;
const PASSWORD = 'a long and private password 7';

/**
 * What a newcomer does on a fresh embedded server with no demo data at all: a childminder
 * registers, confirms her email through the link in the outbox, fills in her profile in the
 * editor and saves it once; a parent who registers next finds her by postcode, adds a child and
 * opens her profile. Every step through the real screens.
 */
describe('New users in the browser, from nothing', () => {
  let server: RunningServer;
  let browser: Browser;
  let outbox: OutboxReader;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startServer({ DEMO_DATA: 'false' }), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    outbox = new OutboxReader(server.dataDir);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.stop();
  });

  async function visitor(): Promise<Page> {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    return context.newPage();
  }

  /** The registration form, then the emailed link, then the sign-in form. */
  async function registerAndConfirm(
    page: Page,
    who: { role: RegExp; firstName: string; email: string; postcode: string },
  ): Promise<void> {
    await page.goto('/register');
    await visible(heading(page, 'Create your account'));
    await page.getByRole('radio', { name: who.role }).check();
    await page.getByLabel('First name').fill(who.firstName);
    await page.getByLabel('Last name').fill('Newcomer');
    await page.getByLabel('Email address').fill(who.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel(/^Postcode/).fill(who.postcode);
    // Without consent to the privacy notice, no account: the form says why.
    await page.getByRole('button', { name: 'Create account' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'agree to the privacy notice' }));
    await page.getByRole('checkbox', { name: /read the privacy notice and agree/ }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await visible(heading(page, 'Check your email'));
    // Said once: no second copy of the same message.
    expect(await page.getByText('Open it to confirm your email address').count()).toBe(1);
    expect(await page.getByText(/We have sent a confirmation link/).count()).toBe(0);

    const verification = await outbox.waitFor(who.email, { template: 'verify-email' });
    await page.goto(linkFrom(verification, '/verify-email'));
    await visible(heading(page, 'Your email address is verified'));
    await signInThroughForm(page, who.email, PASSWORD);
  }

  it('a childminder becomes searchable; a new parent finds her, adds a child and opens her profile', async () => {
    const demo = (await (await fetch(`${server.baseUrl}/api/auth/demo-accounts`)).json()) as { demoMode: boolean };
    expect(demo.demoMode).toBe(false);

    // The childminder: register, confirm, fill in the profile editor, save once.
    const minder = await visitor();
    const minderErrors = watchPageErrors(minder);
    await registerAndConfirm(minder, {
      role: /childminder/i,
      firstName: 'Amara',
      email: uniqueEmail('amara.minder'),
      postcode: 'LS6 2AB',
    });
    await minder.goto('/childminder/profile');
    await visible(heading(minder, 'Your profile'));
    await minder.getByLabel('Name parents see').fill('Amara Newcomer');
    await minder
      .getByLabel('About your setting')
      .fill('Home-based childminder near Hyde Park with a garden, daily walks and home-cooked meals.');
    await minder.getByLabel('Postcode', { exact: true }).fill('LS6 2AB');
    await minder.getByLabel('Hourly rate (£)').fill('7');
    await minder.getByRole('checkbox', { name: 'Toddlers (1–2)' }).check();
    await minder.getByRole('checkbox', { name: 'Pre-school (3–4)' }).check();
    await minder.getByLabel('Languages you speak').fill('English, Yoruba');
    await minder.getByRole('checkbox', { name: 'Monday' }).check();
    await minder.getByRole('checkbox', { name: 'Wednesday' }).check();
    await minder.getByLabel('Ofsted URN').fill('EY765432');
    await minder.getByRole('button', { name: /^Save/ }).click();
    await visible(minder.getByText(/Saved|saved/).first());
    await visible(heading(minder, /Profile 100% complete|Profile \d+% complete/));
    await checkPage(minder, 'new-childminder-profile-saved', { phone: true });
    expect(minderErrors).toEqual([]);

    // The parent: register, confirm, search by postcode and find her.
    const parent = await visitor();
    const parentErrors = watchPageErrors(parent);
    await registerAndConfirm(parent, {
      role: /parent/i,
      firstName: 'Kofi',
      email: uniqueEmail('kofi.parent'),
      postcode: 'LS6 1AA',
    });
    await parent.goto('/search');
    // The postcode she gave at registration is filled in for her.
    await visible(parent.getByText('From your account; change it to search elsewhere'));
    expect(await parent.getByLabel('Postcode').inputValue()).toBe('LS6 1AA');
    await parent.getByRole('button', { name: 'Search' }).click();
    await visible(parent.getByRole('heading', { name: /childminders? within 5 miles of LS6/ }));
    // In the results (she may be in "Recommended for you" above them too).
    await visible(parent.locator('ul.cards').getByRole('link', { name: 'Amara Newcomer' }));
    await checkPage(parent, 'new-parent-search', { phone: true });

    // Adds a child.
    await parent.goto('/parent/children');
    await visible(heading(parent, 'Your children'));
    await parent.getByRole('button', { name: 'Add a child' }).click();
    const dialog = parent.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Ada');
    const born = new Date(Date.now() - 2.3 * 365.25 * 24 * 3600 * 1000);
    const ukDate = `${String(born.getUTCDate()).padStart(2, '0')}/${String(born.getUTCMonth() + 1).padStart(2, '0')}/${born.getUTCFullYear()}`;
    await dialog.getByLabel('Date of birth').fill(ukDate);
    await dialog.getByRole('button', { name: /Save|Add/ }).click();
    await visible(parent.getByText('Ada', { exact: true }).first());

    // Opens her profile from the search.
    await parent.goto('/search?postcode=LS6%201AA');
    await parent.locator('ul.cards').getByRole('link', { name: 'Amara Newcomer' }).click();
    await parent.waitForURL('**/childminders/**');
    await visible(heading(parent, 'Amara Newcomer'));
    await visible(parent.getByText('Yoruba').first());
    await checkPage(parent, 'new-parent-opens-profile', { phone: true });
    expect(parentErrors).toEqual([]);
  });
});
