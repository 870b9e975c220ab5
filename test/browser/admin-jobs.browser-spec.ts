import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInVisitor } from './support/browser';
import { checkPage, expectTitle, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

const ADMIN = { email: 'admin.demo@example.com', password: 'Demo-Admin-2026' };

describe('Scheduled jobs in the browser', () => {
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

  it('an admin finds the jobs from the dashboard, runs the history prune after confirming, and reads the outcome and the run', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    const pageErrors = watchPageErrors(page);
    await page.goto('/admin');
    await page.getByRole('link', { name: /^Scheduled jobs/ }).click();
    await page.waitForURL((url) => url.pathname === '/admin/jobs');
    await visible(heading(page, 'Scheduled jobs'));
    await expectTitle(page, 'Scheduled jobs');

    // The server's registry names the jobs; the scheduler is off in this run, so none has run yet.
    const row = (job: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByText(job, { exact: true }) })
        .first();
    for (const job of ['billing-reminders', 'email-dispatch', 'job-history-prune', 'uploads-cleanup']) {
      await visible(row(job));
    }
    const prune = row('job-history-prune');
    await visible(prune.getByText('Deletes the history of job runs older than 30 days.'));
    await visible(prune.getByText('Every day at 03:00 (UK time)'));
    await visible(prune.getByText('Never'));
    await visible(page.getByText('No runs of job-history-prune recorded yet.'));
    await checkPage(page, 'admin-jobs', { phone: true });

    // Changing one's mind: Escape closes the confirmation and nothing runs.
    const runButton = page.getByRole('button', { name: 'Run now: job-history-prune' });
    await runButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Run job-history-prune now?' }));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await visible(page.getByText('No runs of job-history-prune recorded yet.'));

    await runButton.click();
    await visible(dialog.getByRole('heading', { name: 'Run job-history-prune now?' }));
    await visible(dialog.getByText('Its schedule: Every day at 03:00 (UK time).', { exact: false }));
    await checkPage(page, 'admin-jobs-confirm');
    await dialog.getByRole('button', { name: 'Run now', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The outcome is announced, in UK time, and the table follows.
    await visible(
      page.locator('[aria-live]').getByText(/^job-history-prune ran at \d{1,2} \w{3} \d{4}, \d{2}:\d{2} and succeeded/),
    );
    await visible(prune.getByText('Succeeded'));
    await visible(prune.getByText('Deleted: 0'));
    const recent = page.getByText('Recent runs of job-history-prune (1)');
    await recent.focus();
    await page.keyboard.press('Enter');
    const runs = page.getByRole('list', { name: 'Recent runs of job-history-prune, newest first' });
    await visible(runs.getByRole('listitem').filter({ hasText: 'Succeeded' }).filter({ hasText: 'Deleted: 0' }));
    await checkPage(page, 'admin-jobs-after-run', { phone: true });
    expect(pageErrors).toEqual([]);
  });
});
