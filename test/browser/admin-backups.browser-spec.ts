import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInVisitor } from './support/browser';
import { checkPage, expectTitle, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

const ADMIN = { email: 'admin.demo@example.com', password: 'Demo-Admin-2026' };

describe('Operations in the browser', () => {
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

  it('an admin takes a backup from the dashboard, watches its progress bar fill, and finds it in the history', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    const pageErrors = watchPageErrors(page);
    await page.goto('/admin');
    await page.getByRole('link', { name: /^Backups/ }).click();
    await page.waitForURL((url) => url.pathname === '/admin/backups');
    await visible(heading(page, 'Backups'));
    await expectTitle(page, 'Backups');
    await visible(page.getByText('No backups yet'));
    await visible(page.getByText('Scheduled backups are off.'));
    await checkPage(page, 'admin-backups-empty', { phone: true });

    await page.getByRole('button', { name: 'Back up now' }).click();
    const bar = page.getByRole('progressbar', { name: 'Backup progress' });
    await visible(bar);
    await visible(page.getByRole('status').getByText(/^Backup started/));
    // The bar fills to the end and the run reads as done, with its archive and size.
    await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 60_000 });
    const run = page
      .getByRole('listitem')
      .filter({ hasText: /^\s*Backup of/ })
      .first();
    await visible(run.getByText('Succeeded'));
    await visible(run.getByText(/^cmc-backup-\d{8}-\d{6}-[0-9a-f]{8}\.tar\.gz$/));
    await visible(run.getByText(/^\d+(\.\d)? (kB|MB)$/));
    await visible(run.getByText('by admin.demo@example.com'));
    await visible(page.getByText(/^Backup finished: cmc-backup-/));
    await visible(run.getByRole('button', { name: 'Restore this backup' }));
    await checkPage(page, 'admin-backups-done');

    // After a reload the history still lists it (without the bar: it is not running).
    await page.reload();
    await visible(heading(page, 'Backups'));
    await visible(
      page
        .getByRole('listitem')
        .filter({ hasText: /^\s*Backup of/ })
        .first()
        .getByText('Succeeded'),
    );
    expect(await page.getByRole('progressbar').count()).toBe(0);

    // Restoring asks for the word first.
    await page.getByRole('button', { name: 'Restore this backup' }).first().click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Restore this backup?' }));
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await visible(dialog.getByRole('alert').getByText('Type RESTORE exactly to restore.'));
    await checkPage(page, 'admin-backups-restore-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('an admin turns maintenance on: a parent sees the message, the admin turns it off again', async () => {
    const admin = await signedIn(ADMIN.email, ADMIN.password);
    await admin.goto('/admin/maintenance');
    await visible(heading(admin, 'Maintenance mode'));
    await admin.getByLabel('Message for users').fill('Back at 3pm after an upgrade');
    await admin.getByRole('switch', { name: 'Maintenance mode on' }).click();
    await admin.getByRole('button', { name: 'Save' }).click();
    await visible(admin.getByRole('status').getByText('Maintenance mode is on for every server.'));

    // Signing in stays open during maintenance (so admins can); the parent's pages then are not.
    const parent = await signedIn('parent.demo@example.com', 'Demo-Parent-2026');
    await parent.goto('/parent');
    await parent.waitForURL((url) => url.pathname === '/maintenance');
    await visible(heading(parent, "We'll be back soon"));
    await visible(parent.getByText('Back at 3pm after an upgrade'));
    await checkPage(parent, 'maintenance-page', { phone: true });

    await admin.getByRole('switch', { name: 'Maintenance mode on' }).click();
    await admin.getByRole('button', { name: 'Save' }).click();
    await visible(admin.getByRole('status').getByText('Maintenance mode is off: the site is open.'));
    await parent.getByRole('button', { name: 'Try again' }).click();
    await parent.waitForURL((url) => url.pathname !== '/maintenance');
  });
});
