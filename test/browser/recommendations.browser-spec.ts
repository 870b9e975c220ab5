import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInVisitor } from './support/browser';
import { checkPage, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(120_000);

describe('Recommended for you, in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 90_000);
  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  it('a parent sees recommendations with a match score and reasons, opens one, and sees them beside a search', async () => {
    page = await signedInVisitor(browser, server.baseUrl, 'parent.demo@example.com', 'Demo-Parent-2026');
    const errors = watchPageErrors(page);
    await page.goto('/parent');
    const section = page.getByRole('region', { name: 'Recommended for you' });
    await visible(heading(page, 'Recommended for you'));
    const first = section.locator('article').first();
    await visible(first.getByText(/\d+% match/));
    await visible(first.getByRole('list', { name: 'Why we suggest her' }).getByRole('listitem').first());
    await visible(section.getByText(/Featured childminders pay to be shown a little higher/));
    await checkPage(page, 'parent-recommended', { phone: true });

    const click = page.waitForResponse((r) => r.url().endsWith('/api/recommendations/click'));
    await first.getByRole('link').click();
    expect((await click).status()).toBe(204);
    await page.waitForURL(/\/childminders\//);

    await page.goto('/search?postcode=M20');
    await visible(page.getByRole('heading', { name: /within 5 miles of M20/ }));
    await visible(
      page
        .getByRole('region', { name: 'Recommended for you' })
        .getByText(/\d+% match/)
        .first(),
    );
    expect(errors).toEqual([]);
  });
});
