import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newVisitor, signInThroughForm } from './support/browser';
import { checkPage, expectTitle, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(120_000);

/** Fits a 390px phone: nothing wider than the viewport. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(`document.documentElement.scrollWidth - window.innerWidth`);
  expect(overflow as number).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('Finding a childminder in the browser', () => {
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

  it('a visitor searches by postcode, filters, pages and opens a profile; a parent saves it as a favourite', async () => {
    const page = await visitor();
    const errors = watchPageErrors(page);
    await page.goto('/search');
    await visible(heading(page, 'Find a childminder'));
    await expectTitle(page, 'Find a childminder');
    await checkPage(page, 'search-empty', { phone: true });

    await page.getByLabel('Postcode').fill('M20 2LS');
    await page.getByRole('button', { name: 'Search' }).click();
    await visible(page.getByRole('heading', { name: /childminders? within 5 miles of M20/ }));
    const firstCard = page.locator('article').first();
    await visible(firstCard);
    await expect(firstCard.textContent()).resolves.toMatch(/an hour/);
    // The map shows the districts even though tiles cannot load here (no internet): the page still works.
    await visible(page.getByRole('region', { name: /Map of the results/ }));
    await visible(page.locator('path.leaflet-interactive').first());
    await visible(firstCard.getByRole('list', { name: 'Verified by Childminder Connect' }));
    await checkPage(page, 'search-results', { phone: true });
    await expectNoHorizontalScroll(page);

    await page.getByRole('button', { name: /More filters/ }).click();
    await page.getByRole('checkbox', { name: 'Meals provided' }).check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/services=meals/);
    await visible(page.getByRole('heading', { name: /within 5 miles of M20/ }));

    await page.goto('/search?postcode=NOTAPLACE');
    await visible(page.getByText(/UK postcode/).first());

    // A well-formed postcode the server does not know: said on the field, announced, focus back on the field.
    await page.goto('/search?postcode=ZZ99%209ZZ');
    await visible(page.getByRole('alert').getByText("We couldn't search that postcode"));
    const postcode = page.getByRole('textbox', { name: 'Postcode' });
    await expect(postcode.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate('document.activeElement?.getAttribute("formcontrolname")')).resolves.toBe('postcode');

    await page.goto('/search?postcode=M20');
    await page.locator('article h3 a').first().click();
    await page.waitForURL(/\/childminders\//);
    await visible(page.getByRole('heading', { name: 'Opening hours' }));
    expect(await page.textContent('body')).not.toMatch(/M20 \d[A-Z]{2}/);
    await checkPage(page, 'childminder-profile', { phone: true });
    await expectNoHorizontalScroll(page);
    const profileUrl = page.url();

    await signInThroughForm(page, 'parent.demo@example.com', 'Demo-Parent-2026');
    await page.goto(profileUrl);
    const save = page.getByRole('button', { name: 'Save to favourites' });
    await visible(save);
    await save.click();
    await visible(page.getByRole('button', { name: 'Saved to favourites' }));
    expect(errors).toEqual([]);
  });

  it('a parent narrows the search to the days and hours she needs care', async () => {
    const page = await visitor();
    const errors = watchPageErrors(page);
    await page.goto('/search?postcode=M20');
    await visible(page.getByRole('heading', { name: /within 5 miles of M20/ }));
    await page.getByRole('button', { name: /More filters/ }).click();
    // Monday and Wednesday mornings, matched against the demo childminders' calendars.
    const care = page.getByRole('group', { name: 'When do you need care?' });
    await care.getByRole('checkbox', { name: 'Monday' }).check();
    await care.getByRole('checkbox', { name: 'Wednesday' }).check();
    await care.getByLabel('From').fill('12:00');
    await care.getByLabel('To').fill('09:00');
    await page.getByRole('button', { name: 'Search' }).click();
    await visible(care.getByText('Care must end after it starts, on the same day'));
    expect(page.url()).not.toMatch(/days=/);
    await care.getByLabel('From').fill('09:00');
    await care.getByLabel('To').fill('12:00');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/days=monday%2Cwednesday|days=monday,wednesday/);
    expect(page.url()).toMatch(/from=09(%3A|:)00&to=12(%3A|:)00/);
    await visible(page.getByText('Free Mon, Wed 09:00–12:00 in at least one of the next 4 weeks.'));
    await visible(page.locator('article').first());
    await checkPage(page, 'search-care-filter', { phone: true });
    // A shared link brings the same care filter back into the form.
    await page.reload();
    await page.getByRole('button', { name: /More filters \(1 on\)/ }).click();
    await expect(
      page
        .getByRole('group', { name: 'When do you need care?' })
        .getByRole('checkbox', { name: 'Wednesday' })
        .isChecked(),
    ).resolves.toBe(true);

    expect(errors).toEqual([]);
  });

  it('the demo childminder sees a complete profile and edits it', async () => {
    const page = await visitor();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, 'childminder.demo@example.com', 'Demo-Minder-2026');
    await page.goto('/childminder/profile');
    await visible(heading(page, 'Your profile'));
    await visible(page.getByText('Listed in search.'));
    await checkPage(page, 'childminder-profile-editor', { phone: true });
    await expectNoHorizontalScroll(page);
    await page.getByLabel('Hourly rate (£)').fill('7.25');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Your profile is saved and listed in search.'));
    expect(errors).toEqual([]);
  });
});
