import type { Page } from 'playwright-core';

/** What the focused element is, how it looks focused and unfocused, and where it is on screen. */
export interface FocusReport {
  tag: string;
  text: string;
  inFormField: boolean;
  focusVisible: boolean;
  focused: { outline: string; outlineColor: string; outlineWidth: number; boxShadow: string };
  unfocused: { outline: string; boxShadow: string };
  background: string;
  /** The focused element (its form field, for an input) in viewport px, and whether it is in view. */
  box: { top: number; bottom: number };
  inView: boolean;
  /** Points of it where something else (the sticky header, an overlay) is drawn on top. */
  covered: string[];
}

/**
 * Reads the focused element's ring, blurs it to read its unfocused look, then puts focus back;
 * and whether it is in view with nothing (such as the sticky header) drawn over it.
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
  const inFormField = !!el.closest('.mat-mdc-form-field');
  // A form field shows focus on the field, not the input; and refocusing a date or time input
  // would put its caret back on the first part (day, hour), so it is left alone.
  if (!inFormField) el.blur();
  const after = look();
  if (!inFormField) el.focus({ preventScroll: true });
  const target = el.closest('.mat-mdc-form-field') || el;
  const box = target.getBoundingClientRect();
  // A page's content or a calendar's day column can be taller than the room below the header:
  // then it fills at least half the screen. Anything smaller must be wholly in view.
  const tall = box.height > innerHeight * 0.75;
  const shownTop = Math.max(box.top, 0);
  const shownBottom = Math.min(box.bottom, innerHeight);
  const inView = tall ? shownBottom - shownTop >= innerHeight / 2 : box.top >= -0.5 && box.bottom <= innerHeight + 0.5;
  const x = Math.min(Math.max(box.left + box.width / 2, 1), innerWidth - 1);
  const ys = tall ? [(shownTop + shownBottom) / 2] : [box.top + 3, box.top + box.height / 2, box.bottom - 3];
  const covered = ys.map((y) => Math.min(Math.max(y, 1), innerHeight - 1)).filter((y) => {
    const hit = document.elementFromPoint(x, y);
    return !hit || !(target.contains(hit) || hit.contains(target));
  }).map((y) => { const hit = document.elementFromPoint(x, y); return Math.round(y) + 'px: ' + (hit ? hit.tagName.toLowerCase() + '.' + String(hit.className).slice(0, 40) : 'nothing'); });
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80),
    inFormField,
    focusVisible,
    focused,
    unfocused: { outline: after.outline, boxShadow: after.boxShadow },
    background: getComputedStyle(document.body).backgroundColor,
    box: { top: Math.round(box.top), bottom: Math.round(box.bottom) },
    inView,
    covered,
  };
})()`;

const channels = (colour: string): number[] => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);

/** WCAG relative luminance contrast between two rgb() colours. */
export function contrast(a: string, b: string): number {
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
 * The focused element is not hidden by the sticky header, an overlay or the edge of the screen
 * (WCAG 2.2 2.4.11): all of it is in view when it fits, and nothing is drawn over it.
 */
function expectNotObscured(report: FocusReport): void {
  const where = { element: report.text, ...report.box };
  expect({ ...where, inView: report.inView, covered: report.covered }).toEqual({ ...where, inView: true, covered: [] });
}

/**
 * Focus is on an element, it shows, and the sticky header does not cover it: buttons, links and
 * other targets draw a ring that differs from their unfocused look with >= 3:1 against the page;
 * a form field's input shows the field's focused outline.
 */
export async function expectVisibleFocus(page: Page): Promise<FocusReport> {
  const report = await settledFocus(page);
  if (!report) throw new Error(`Focus is on <body>: it was lost (at ${page.url()})`);
  expectNotObscured(report);
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
 * transition) just after Tab, so it is read again until two readings agree, within a deadline.
 * This waits for a condition; it asserts nothing about time.
 */
async function settledFocus(page: Page): Promise<FocusReport | null> {
  const deadline = Date.now() + 3_000;
  let last = (await page.evaluate(FOCUS_REPORT)) as FocusReport | null;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = (await page.evaluate(FOCUS_REPORT)) as FocusReport | null;
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  return last;
}

/** Whether the focused element matches the CSS selector. */
export const focusedMatches = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate(`!!document.activeElement?.matches(${JSON.stringify(selector)})`) as Promise<boolean>;

/** A focus target: a CSS selector, or a selector and the text the element must contain. */
export type FocusTarget = string | { selector: string; text: string };

/** Whether focus is on the target (its text, or for a form control its label's, contains `text`). */
export async function isFocused(page: Page, target: FocusTarget): Promise<boolean> {
  const { selector, text } = typeof target === 'string' ? { selector: target, text: '' } : target;
  return (await page.evaluate(
    `(() => { const el = document.activeElement; if (!el?.matches(${JSON.stringify(selector)})) return false;
      const label = [...(el.labels ?? [])].map((l) => l.textContent).join(' ');
      return ((el.textContent ?? '') + ' ' + label).replace(/\\s+/g, ' ').includes(${JSON.stringify(text)}); })()`,
  )) as boolean;
}

/** Presses Tab (asserting each stop shows its focus) until the focused element matches, or fails. */
export async function tabUntil(page: Page, target: FocusTarget, what: string, maxStops = 40): Promise<void> {
  const stops: string[] = [];
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press('Tab');
    const report = await expectVisibleFocus(page);
    stops.push(`${report.tag} "${report.text}"`);
    if (await isFocused(page, target)) return;
  }
  throw new Error(
    `Tab never reached ${what} in ${maxStops} stops (at ${page.url()}); it went to:\n${stops.join('\n')}`,
  );
}

/**
 * After an action, focus settles on the element that matches (its result, or the control that
 * stays), never on <body>; and it shows.
 */
export async function expectFocusLandsOn(page: Page, selector: string, what: string): Promise<void> {
  if (!(await waitUntil(page, `!!document.activeElement?.matches(${JSON.stringify(selector)})`))) {
    const now = await page.evaluate(
      `(() => { const el = document.activeElement; return el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || '').trim().slice(0, 60) : 'nothing'; })()`,
    );
    throw new Error(`After the action focus should be on ${what}; it is on ${String(now)} (at ${page.url()})`);
  }
  await expectVisibleFocus(page);
}

/**
 * Polls a page expression until it is true or the deadline passes (whether it became true).
 * The app's Content-Security-Policy forbids the eval that `page.waitForFunction(string)` needs.
 */
export async function waitUntil(page: Page, expression: string, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
