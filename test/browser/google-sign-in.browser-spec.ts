import type { Browser, Page } from 'playwright-core';
import { GoogleFake } from '../fakes/google-fake';
import { launchBrowser, newVisitor } from './support/browser';
import { checkPage, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

const PARENT = { email: 'parent.demo@example.com', password: 'Demo-Parent-2026' };

describe('A new parent signs in with Google in the browser', () => {
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

  it('sees the Google button, chooses parent on the next step and lands signed in on her dashboard', async () => {
    const account = GoogleFake.account('gina', { name: 'Gina Browne' });
    google.consentAs = account;
    page = await (await newVisitor(browser, server.baseUrl)).newPage();
    const errors = watchPageErrors(page);

    await page.goto('/register');
    await visible(page.getByRole('link', { name: 'Sign in with Google' }));
    await page.goto('/login');
    const button = await visible(page.getByRole('link', { name: 'Sign in with Google' }));
    await checkPage(page, 'login-with-google', { phone: true });

    await button.click();
    await visible(heading(page, 'Finish creating your account'));
    // The pending token is taken out of the address at once.
    expect(new URL(page.url()).pathname).toBe('/login/google');
    expect(new URL(page.url()).hash).toBe('');
    await visible(page.getByText(account.email));
    expect(await page.getByLabel('First name').inputValue()).toBe('Gina');
    expect(await page.getByLabel('Last name').inputValue()).toBe('Browne');
    await checkPage(page, 'google-choose-role', { phone: true });

    await page.getByRole('radio', { name: /A parent or carer/ }).check();
    // Without agreeing to the privacy notice no account is made, and the page says why.
    await page.getByRole('button', { name: 'Create my account' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'agree to the privacy notice' }));
    await page.getByRole('checkbox', { name: 'I have read the privacy notice and agree to it' }).check();
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/parent'));
    await visible(page.getByRole('button', { name: 'Account menu for Gina' }));

    // Signed in like after a password sign-in: a reload restores the session from the refresh cookie.
    await page.reload();
    await page.getByRole('button', { name: 'Account menu for Gina' }).click();
    await visible(page.getByRole('menu').getByText(account.email));
    await visible(page.getByRole('menu').getByText('Parent', { exact: true }));
    expect(new URL(page.url()).pathname).toMatch(/^\/parent/);
    expect(errors).toEqual([]);
  });

  it('links Google to an existing account once its password is given, with the error announced first', async () => {
    google.consentAs = GoogleFake.account('demo', { email: PARENT.email, name: 'Demo Parent' });
    const context = await newVisitor(browser, server.baseUrl);
    const visitor = await context.newPage();
    const errors = watchPageErrors(visitor);
    try {
      await visitor.goto('/login');
      await (await visible(visitor.getByRole('link', { name: 'Sign in with Google' }))).click();
      await visible(heading(visitor, 'Link your Google account'));
      await visible(visitor.getByText(PARENT.email));

      await visitor.getByLabel('Password').fill('not the password at all');
      await visitor.getByRole('button', { name: 'Link and sign in' }).click();
      await visible(visitor.getByRole('alert').getByText('Check the highlighted fields.'));
      await visible(visitor.getByText('The password is not correct'));
      await checkPage(visitor, 'google-link-account', { phone: true });

      await visitor.getByLabel('Password').fill(PARENT.password);
      await visitor.getByRole('button', { name: 'Link and sign in' }).click();
      await visitor.waitForURL((url) => url.pathname.startsWith('/parent'));
      await visible(visitor.getByRole('button', { name: /^Account menu for/ }));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
