import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(__dirname, '../../../test-results/screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * Saves a full-page PNG of the page as it is now: `test-results/screenshots/<name>.png` at the
 * desktop size and, with `phone: true`, also `<name>-phone.png` at 390x844 (the viewport is put
 * back afterwards).
 */
export async function screenshot(page: Page, name: string, options: { phone?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  await capture(page, join(SCREENSHOT_DIR, `${name}.png`));
  if (options.phone) {
    await page.setViewportSize(PHONE);
    try {
      await capture(page, join(SCREENSHOT_DIR, `${name}-phone.png`));
    } finally {
      await page.setViewportSize(original);
    }
  }
}

async function capture(page: Page, path: string): Promise<void> {
  // From the top (a full-page capture of a scrolled page draws the sticky toolbar mid-page),
  // once fonts have loaded and layout has settled after a resize or a route change.
  // (A string, because the test code is type-checked without the DOM library.)
  await page.evaluate(`(async () => {
    window.scrollTo(0, 0);
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  })()`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
}
