import type { Locator, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from './a11y';
import { PHONE, screenshot } from './screenshots';

const PRODUCT_NAME = 'Childminder Connect';

/** The heading with exactly this accessible name. */
export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name, exact: true });

/**
 * A message inside a live region, so screen readers announce it. Material's snack bar shows its
 * message in an aria-hidden wrapper first and moves it into its live region a moment later;
 * waiting for this keeps axe from catching the snack bar half-way (aria-hidden-focus).
 */
export const announced = (page: Page, text: string) => page.locator('[aria-live]').getByText(text, { exact: true });

/** Waits until the element is visible (the locator's text in the error if it never is). */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

/** Waits for the document title the app's title strategy sets: "<page> · Childminder Connect". */
export async function expectTitle(page: Page, pageTitle: string): Promise<void> {
  const expected = `${pageTitle} · ${PRODUCT_NAME}`;
  try {
    // A string, because the test code is type-checked without the DOM library.
    await page.waitForFunction(`document.title === ${JSON.stringify(expected)}`, undefined, { timeout: 5_000 });
  } catch {
    throw new Error(`Expected the page title "${expected}", got "${await page.title()}" at ${page.url()}`);
  }
}

/**
 * Runs axe on the page and saves its screenshot. With `phone: true` the page is also checked
 * and captured at phone width, where layouts and hidden labels differ.
 */
export async function checkPage(page: Page, name: string, options: { phone?: boolean } = {}): Promise<void> {
  await expectNoSeriousA11yViolations(page, name);
  await screenshot(page, name);
  if (options.phone) {
    const original = page.viewportSize()!;
    await page.setViewportSize(PHONE);
    try {
      await expectNoSeriousA11yViolations(page, `${name} (phone)`);
      await screenshot(page, `${name}-phone`);
    } finally {
      await page.setViewportSize(original);
    }
  }
}

/** Uncaught errors in the page: a test ends by expecting none. */
/** Failed requests to our own API that the browser logged in the console (a 401, a 500, ...). */
export function watchApiFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('console', (message) => {
    const url = message.location().url;
    if (message.type() === 'error' && url.includes('/api/')) failures.push(`${message.text()} (${url})`);
  });
  return failures;
}

export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return errors;
}
