import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInVisitor } from './support/browser';
import { checkPage, expectTitle, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

const ADMIN = { email: 'admin.demo@example.com', password: 'Demo-Admin-2026' };
const PARENT = { email: 'parent.demo@example.com', password: 'Demo-Parent-2026' };

describe('Admin user management in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
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

  it('an admin finds a parent who is signed in elsewhere, suspends them, and their session ends', async () => {
    const parentPage = await signedIn(PARENT.email, PARENT.password);
    await parentPage.waitForURL((url) => url.pathname.startsWith('/parent'));

    const page = await signedIn(ADMIN.email, ADMIN.password);
    const pageErrors = watchPageErrors(page);
    await page.goto('/admin');
    await visible(heading(page, 'The platform at a glance'));
    await visible(page.getByText('Monthly recurring revenue'));
    await checkPage(page, 'admin-dashboard', { phone: true });

    await page.getByRole('link', { name: /^Users/ }).click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    await expectTitle(page, 'Users');
    await page.getByLabel('Name, email or postcode').fill('parent.demo');
    await page.getByRole('button', { name: 'Search' }).click();
    const link = page.getByRole('listitem').filter({ hasText: PARENT.email }).getByRole('link');
    await visible(link);
    await checkPage(page, 'admin-users', { phone: true });
    await link.click();
    await page.waitForURL((url) => /^\/admin\/users\/[0-9a-f-]{36}$/.test(url.pathname));
    await visible(page.getByText(PARENT.email, { exact: false }));
    await checkPage(page, 'admin-user-detail');

    await page.getByRole('button', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: /^Suspend / }));
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await visible(page.getByText(/is suspended and signed out everywhere/));
    await visible(page.getByRole('button', { name: 'Reactivate' }));

    // The parent's browser: the next thing they do finds the session over and asks them to sign in.
    await parentPage.reload();
    await parentPage.waitForURL((url) => url.pathname.startsWith('/login'));
    await parentPage.getByLabel('Email address').fill(PARENT.email);
    await parentPage.getByLabel('Password', { exact: true }).fill(PARENT.password);
    await parentPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await visible(parentPage.getByText(/suspended/));

    await page.getByRole('button', { name: 'Reactivate' }).click();
    await visible(page.getByText(/can sign in again/));
    expect(pageErrors).toEqual([]);
  });
});
