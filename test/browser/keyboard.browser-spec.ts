import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newVisitor, signedInVisitor } from './support/browser';
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
  const report = await settledFocus(page);
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

/**
 * The focused element's report once its ring has settled: a ring may still be fading in (a CSS
 * transition from the element's own colour) just after Tab, so it is read again until two
 * readings agree, within a deadline. This waits for a condition; it asserts nothing about time.
 */
async function settledFocus(page: Page): Promise<FocusReport | null> {
  const deadline = Date.now() + 3_000;
  let last = (await page.evaluate(FOCUS_REPORT)) as FocusReport | null;
  while (Date.now() < deadline) {
    await page.waitForTimeout(50);
    const next = (await page.evaluate(FOCUS_REPORT)) as FocusReport | null;
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  return last;
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

/**
 * Polls `expression` in the page until it is true (page.waitForFunction re-evaluates a string with
 * eval, which the app's Content-Security-Policy forbids).
 */
async function waitUntil(page: Page, expression: string, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) {
      const focused = await page.evaluate(`document.activeElement?.outerHTML.slice(0, 200)`);
      throw new Error(`Never true: ${what} (focus is on ${String(focused)})`);
    }
    await page.waitForTimeout(50);
  }
}

const focusedText = (page: Page) =>
  page.evaluate(`(document.activeElement?.textContent ?? '').trim()`) as Promise<string>;

/** The live region (a polite log) that holds `text`: screen readers announce what is added to it. */
const announcedInLog = (page: Page, text: string) =>
  page.locator('[role="log"][aria-live="polite"]').getByText(text, { exact: true });

describe('Keyboard only', () => {
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

  it('a parent chats with support and an agent answers from the console, both by keyboard alone, the messages announced', async () => {
    // The agent opens the console's live chat and makes themself available with the keyboard.
    const agent = await signedInVisitor(browser, server.baseUrl, 'support.demo@example.com', 'Demo-Support-2026');
    contexts.push(agent.context());
    const agentErrors = watchPageErrors(agent);
    await agent.goto('/support/chats');
    await visible(heading(agent, 'Live chat'));
    await tabUntil(agent, 'mat-button-toggle button', 'the status toggles');
    // The toggles are one tab stop; the arrow keys move between them.
    for (let i = 0; i < 3 && (await focusedText(agent)) !== 'Available'; i++) {
      await agent.keyboard.press('ArrowLeft');
      await expectVisibleFocus(agent);
    }
    expect(await focusedText(agent)).toBe('Available');
    await agent.keyboard.press('Space');
    await visible(agent.getByText('A new chat will open here as soon as someone asks for help.'));

    // The parent reaches the chat launcher by Tab, opens it with Enter and lands in the message field.
    const parent = await signedInVisitor(browser, server.baseUrl, 'parent.demo@example.com', 'Demo-Parent-2026');
    contexts.push(parent.context());
    const parentErrors = watchPageErrors(parent);
    await parent.goto('/search');
    await visible(heading(parent, 'Find a childminder'));
    await tabUntil(parent, 'button.launcher', 'the chat launcher', 80);
    await parent.keyboard.press('Enter');
    const panel = parent.getByRole('dialog', { name: 'Chat with support' });
    await visible(panel);
    await waitUntil(parent, `document.activeElement?.tagName === 'TEXTAREA'`, 'focus in the message field');
    await expectVisibleFocus(parent);
    await parent.keyboard.type('Hello, can I change my booking times by keyboard?');
    await parent.keyboard.press('Tab');
    await expectVisibleFocus(parent);
    expect(await focusedText(parent)).toBe('Start chat');
    await parent.keyboard.press('Enter');
    // The chat starts; focus moves to the composer and the message is in the announced log.
    await visible(panel.getByText(/You're chatting with Sam/));
    await waitUntil(parent, `document.activeElement?.getAttribute('name') === 'draft'`, 'focus in the composer');
    await visible(announcedInLog(parent, 'Hello, can I change my booking times by keyboard?'));
    await parent.keyboard.type('It is for next Tuesday.');
    await parent.keyboard.press('Enter');
    await visible(announcedInLog(parent, 'It is for next Tuesday.'));

    // The chat reaches the agent live, in the announced log; the agent tabs to the reply and answers with Enter.
    await visible(announcedInLog(agent, 'It is for next Tuesday.'));
    await tabUntil(agent, 'textarea[name="draft"]', 'the reply field', 60);
    await agent.keyboard.type('Yes: open the booking and choose Change times.');
    await agent.keyboard.press('Enter');
    await visible(announcedInLog(agent, 'Yes: open the booking and choose Change times.'));

    // The parent hears the answer without reloading, focus still in the composer.
    await visible(announcedInLog(parent, 'Yes: open the booking and choose Change times.'));
    await expect(focusedMatches(parent, 'textarea[name="draft"]')).resolves.toBe(true);
    await checkPage(parent, 'keyboard-chat-widget');
    await checkPage(agent, 'keyboard-chat-console');

    // Escape closes the chat window and gives focus back to the launcher.
    await parent.keyboard.press('Escape');
    await waitUntil(parent, `!!document.activeElement?.classList.contains('launcher')`, 'focus back on the launcher');
    await expectVisibleFocus(parent);
    expect(parentErrors).toEqual([]);
    expect(agentErrors).toEqual([]);
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
