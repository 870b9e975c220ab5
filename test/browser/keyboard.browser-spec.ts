import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newVisitor } from './support/browser';
import { checkPage, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(120_000);

/** What the focused element is, and how it looks focused and unfocused. */
interface FocusReport {
  tag: string;
  text: string;
  inFormField: boolean;
  focusVisible: boolean;
  focused: { outline: string; outlineColor: string; outlineWidth: number; boxShadow: string };
  unfocused: { outline: string; boxShadow: string };
  background: string;
}

/**
 * Reads the focused element's ring, blurs it to read its unfocused look, then puts focus back.
 * A string, because the test code is type-checked without the DOM library.
 */
const FOCUS_REPORT = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const look = () => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, outlineColor: s.outlineColor,
      outlineWidth: parseFloat(s.outlineWidth), boxShadow: s.boxShadow };
  };
  const focused = look();
  const focusVisible = el.matches(':focus-visible');
  el.blur();
  const after = look();
  el.focus();
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80),
    inFormField: !!el.closest('.mat-mdc-form-field'),
    focusVisible,
    focused,
    unfocused: { outline: after.outline, boxShadow: after.boxShadow },
    background: getComputedStyle(document.body).backgroundColor,
  };
})()`;

const channels = (colour: string): number[] => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);

/** WCAG relative luminance contrast between two rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = channels(colour).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Focus is on an element and it shows: buttons and links draw a ring that differs from their
 * unfocused look with >= 3:1 against the page; a form field's input shows the field's focused outline.
 */
async function expectVisibleFocus(page: Page): Promise<FocusReport> {
  const report = (await page.evaluate(FOCUS_REPORT)) as FocusReport | null;
  if (!report) throw new Error('Focus is on <body>: it was lost');
  if (report.inFormField) {
    await expect(page.evaluate(`!!document.activeElement.closest('.mat-focused')`)).resolves.toBe(true);
    return report;
  }
  expect({ element: report.text, focusVisible: report.focusVisible }).toEqual({
    element: report.text,
    focusVisible: true,
  });
  expect(report.focused.outline).not.toEqual(report.unfocused.outline);
  expect(report.focused.outline).not.toMatch(/^none/);
  expect(report.focused.outlineWidth).toBeGreaterThanOrEqual(2);
  expect(contrast(report.focused.outlineColor, report.background)).toBeGreaterThanOrEqual(3);
  return report;
}

/** Presses Tab (asserting each stop shows its focus) until the focused element matches, or fails. */
async function tabUntil(page: Page, matches: string, what: string, maxStops = 40): Promise<void> {
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    if (await page.evaluate(`!!document.activeElement?.matches(${JSON.stringify(matches)})`)) return;
  }
  throw new Error(`Tab never reached ${what} in ${maxStops} stops`);
}

const focusedMatches = (page: Page, selector: string) =>
  page.evaluate(`!!document.activeElement?.matches(${JSON.stringify(selector)})`);

describe('Keyboard only: finding a childminder', () => {
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

  it('a visitor searches by postcode and opens a profile with the keyboard alone, always seeing where focus is', async () => {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await page.goto('/search');
    await visible(heading(page, 'Find a childminder'));

    // The skip link, the header's links and buttons: every stop shows a ring, up to the postcode.
    await tabUntil(page, 'input[formcontrolname="postcode"]', 'the Postcode field');
    await page.keyboard.type('M20 2LS');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: /childminders? within 5 miles of M20/ }));
    // Searching keeps the person on the field they searched from.
    await expect(focusedMatches(page, 'input[formcontrolname="postcode"]')).resolves.toBe(true);
    await checkPage(page, 'keyboard-search-results');

    // On through the form's buttons (Search, More filters) to the first childminder's name.
    await tabUntil(page, 'article h3 a', 'the first childminder');
    const name = ((await page.evaluate(`document.activeElement.textContent`)) as string).trim();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/childminders\//);
    await visible(page.getByRole('heading', { name, exact: true }));
    // A new page: focus starts at its content, not on <body> or the old link.
    await page.waitForFunction(`document.activeElement?.id === 'main-content'`, undefined, { timeout: 5_000 });

    // The profile's first control shows its focus too.
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    await checkPage(page, 'keyboard-profile');
    expect(errors).toEqual([]);
  });

  it('at 320px a visitor reaches "Find a childminder" and "Create account" through the header menu', async () => {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/');
    await tabUntil(page, 'button[aria-label="Menu"]', 'the header menu');
    await page.keyboard.press('Enter');
    // The menu opens with focus on its first item; the arrow keys move through it.
    await visible(page.getByRole('menuitem', { name: 'Find a childminder' }));
    await page.waitForFunction(`document.activeElement?.textContent?.includes('Find a childminder')`, undefined, {
      timeout: 5_000,
    });
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(`document.activeElement?.textContent?.trim()`)).resolves.toMatch(/Create account$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/register/);
  });
});
