import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newVisitor, signedInVisitor } from './support/browser';
import { checkPage, expectTitle, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

/**
 * What the screens promise is what the product does: the home page says what is free and what
 * needs Parent Plus, childminders whose checks are not complete are marked, the footer leads to
 * the privacy notice and the terms, and an expired certificate reads "Expired" everywhere.
 */
describe('Honest screens', () => {
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

  async function visitor(): Promise<Page> {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    return context.newPage();
  }

  it('a visitor reads what is free and what needs Plus, then the privacy notice and the terms from the footer', async () => {
    const page = await visitor();
    const errors = watchPageErrors(page);
    await page.goto('/');
    const plans = page.getByRole('region', { name: 'What is free, and what needs Parent Plus' });
    await visible(plans.getByText('Message childminders'));
    await visible(plans.getByText('Save favourites'));

    const footer = page.getByRole('navigation', { name: 'Footer' });
    await footer.getByRole('link', { name: 'Privacy notice' }).click();
    await visible(heading(page, 'Privacy notice'));
    await expectTitle(page, 'Privacy notice');
    await visible(page.getByRole('heading', { name: 'Your rights' }));
    await checkPage(page, 'privacy-notice', { phone: true });

    await footer.getByRole('link', { name: 'Terms of use' }).click();
    await visible(heading(page, 'Terms of use'));
    await visible(page.getByRole('heading', { name: 'What is free and what is paid' }));
    await checkPage(page, 'terms-of-use', { phone: true });

    await footer.getByRole('link', { name: 'Contact us' }).click();
    await visible(heading(page, 'Contact us'));

    // Search results mark the childminders whose checks are not complete (some demo ones are not).
    await page.goto('/search?postcode=M20%202LS&radius=20');
    await visible(page.getByRole('heading', { name: /within 20 miles of M20/ }));
    await visible(page.getByText('Checks not complete.').first());
    expect(errors).toEqual([]);
  });

  it('a childminder whose first aid lapsed sees "Expired" on the document and on her dashboard, never "Approved"', async () => {
    const minder = await signedInVisitor(browser, server.baseUrl, 'childminder.demo@example.com', 'Demo-Minder-2026');
    contexts.push(minder.context());
    const errors = watchPageErrors(minder);

    await minder.goto('/childminder');
    await visible(heading(minder, 'Childminder dashboard'));
    await visible(minder.getByText('Expired: Paediatric first aid certificate.', { exact: false }));
    expect(await minder.getByText(/Every required item is there/).count()).toBe(0);

    await minder.goto('/childminder/documents');
    await visible(heading(minder, 'Compliance'));
    const lapsed = minder.getByRole('article', { name: 'Paediatric first aid certificate' });
    await visible(lapsed.getByText('Expired', { exact: true }));
    expect(await lapsed.getByText('Approved', { exact: true }).count()).toBe(0);
    await checkPage(minder, 'childminder-compliance-expired', { phone: true });
    expect(errors).toEqual([]);
  });
});
