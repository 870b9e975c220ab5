import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pdfOfSize } from '../fixtures/files';
import { launchBrowser, signedInVisitor } from './support/browser';
import { checkPage, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

describe('Compliance documents in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function signedIn(email: string, password: string): Promise<Page> {
    const page = await signedInVisitor(browser, server.baseUrl, email, password);
    contexts.push(page.context());
    return page;
  }

  it('a childminder uploads a first aid certificate and watches it upload; an admin approves it; the badge is on her public profile', async () => {
    const minder = await signedIn('childminder.demo@example.com', 'Demo-Minder-2026');
    const minderErrors = watchPageErrors(minder);
    await minder.goto('/childminder/documents');
    await visible(heading(minder, 'Compliance'));
    await visible(minder.getByTestId('compliance-status'));
    // The demo account's first aid lapsed last week: no badge, and the checklist says so.
    const firstAidLine = minder.getByRole('listitem').filter({ hasText: 'Paediatric first aid certificate' });
    await visible(firstAidLine.getByText(/^Expired after .* upload the renewed document$/));
    await checkPage(minder, 'childminder-compliance', { phone: true });

    // From the checklist: "Upload" picks the type in the form.
    await firstAidLine.getByRole('button', { name: /Upload/ }).click();
    const file = join(mkdtempSync(join(tmpdir(), 'cmc-upload-')), 'first-aid-certificate.pdf');
    writeFileSync(file, pdfOfSize(2 * 1024 * 1024));
    await minder.locator('input[type=file]').first().setInputFiles(file);
    await minder.getByLabel('Expires on').fill('2029-06-30');

    // A slow uplink, so that the progress bar is there long enough to be seen.
    const cdp = await minder.context().newCDPSession(minder);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 512 * 1024,
    });
    await minder.getByRole('button', { name: 'Upload', exact: true }).click();
    const progress = minder.getByRole('progressbar', { name: 'Upload progress' });
    await visible(progress);
    // The bar moves: it reports a share of the file sent before the upload ends.
    let percent = 0;
    for (let tries = 0; percent === 0 && tries < 100; tries++) {
      percent = Number((await progress.getAttribute('aria-valuenow').catch(() => '0')) ?? 0);
      if (percent === 0) await minder.waitForTimeout(50);
    }
    expect(percent).toBeGreaterThan(0);
    await visible(minder.getByText(/has been uploaded and is awaiting review/));
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await visible(firstAidLine.getByText('Uploaded · waiting for our review'));

    const admin = await signedIn('admin.demo@example.com', 'Demo-Admin-2026');
    const adminErrors = watchPageErrors(admin);
    await admin.goto('/admin/documents');
    await visible(heading(admin, 'Document review'));
    // The queue is oldest first: the demo has older documents waiting. Reject the first one.
    const oldest = admin.getByRole('article').first();
    await oldest.getByRole('button', { name: /^Reject/ }).click();
    const rejectDialog = admin.getByRole('dialog');
    await rejectDialog.getByLabel('Reason').fill('The scan is unreadable; please upload a clearer copy.');
    await rejectDialog.getByRole('button', { name: 'Reject' }).click();
    await visible(admin.getByText(/rejected; the owner has been emailed the reason/));
    await rejectDialog.waitFor({ state: 'detached' });

    // Then narrow the queue to first aid to find hers.
    await admin.getByRole('combobox', { name: 'Type' }).click();
    await admin.getByRole('option', { name: 'Paediatric first aid certificate' }).click();
    await admin.getByRole('button', { name: 'Apply' }).click();
    const item = admin
      .getByRole('article')
      .filter({ hasText: 'childminder.demo@example.com' })
      .filter({ hasText: 'first-aid-certificate.pdf' });
    await item.getByRole('button', { name: /Approve/ }).click();
    await visible(admin.getByText(/approved; the owner has been emailed/));
    await checkPage(admin, 'admin-document-review');

    // The compliance overview: the requirements, and every childminder's status.
    await admin.goto('/admin/compliance');
    await visible(heading(admin, 'Compliance'));
    await visible(admin.getByRole('table', { name: 'Childminders and their compliance status' }));
    await visible(admin.getByRole('button', { name: 'Edit Paediatric first aid certificate for Childminder' }));
    await checkPage(admin, 'admin-compliance', { phone: true });

    await minder.reload();
    await visible(firstAidLine.getByText('Approved · valid until 30 June 2029'));
    await minder.goto('/childminder/profile');
    await minder.getByRole('link', { name: 'See your public profile' }).click();
    await minder.waitForURL(/\/childminders\//);
    const badges = minder.getByRole('list', { name: 'Verified by Childminder Connect' });
    await visible(badges.getByText('Paediatric first aid'));
    // The demo parent's reviews of completed bookings, and the childminder's reply.
    const reviews = minder.getByRole('list', { name: 'Reviews' });
    await visible(reviews.getByText(/Maya settled in within a week/));
    await visible(reviews.getByText('Thank you, Priya! Maya is a joy to have.'));
    await checkPage(minder, 'childminder-profile-with-badge');

    expect(minderErrors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });
});
