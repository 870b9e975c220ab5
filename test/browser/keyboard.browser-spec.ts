import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newVisitor, signedInVisitor, signInThroughForm } from './support/browser';
import { expectNoWcagViolations } from './support/a11y';
import {
  expectFocusLandsOn,
  expectVisibleFocus,
  focusedMatches,
  isFocused,
  tabUntil,
  waitUntil,
} from './support/keyboard';
import { announced, checkPage, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

const PARENT = { email: 'parent.demo@example.com', password: 'Demo-Parent-2026' };
const MINDER = { email: 'childminder.demo@example.com', password: 'Demo-Minder-2026' };
/** The sizes the issue names: a laptop, and the narrowest phone (WCAG 1.4.10 reflow). */
const LAPTOP = { width: 1366, height: 768 };
const NARROW = { width: 320, height: 640 };

const LONDON = 'Europe/London';
const ukDate = (when: string | Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(when),
  );
const ukTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
const ukWeekday = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'short' }).format(new Date(iso));

/** The focused element's text, trimmed. */
const focusedText = async (page: Page) =>
  String(await page.evaluate(`(document.activeElement?.textContent ?? '').trim().replace(/\\s+/g, ' ')`));

/** Signs in on /login with the keyboard alone: Tab to each field, type, Enter. */
async function signInByKeyboard(page: Page, account: { email: string; password: string }): Promise<void> {
  await visible(heading(page, 'Sign in'));
  await tabUntil(page, 'input[formcontrolname="email"]', 'the Email address field');
  await page.keyboard.type(account.email);
  await tabUntil(page, 'input[formcontrolname="password"]', 'the Password field');
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The live region (a polite log) that holds `text`: screen readers announce what is added to it. */
const announcedInLog = (page: Page, text: string) =>
  page.locator('[role="log"][aria-live="polite"]').getByText(text, { exact: true });

/** Waits for a page condition, failing with what it waited for. */
async function expectEventually(page: Page, expression: string, what: string): Promise<void> {
  if (!(await waitUntil(page, expression, 10_000))) throw new Error(`Never true: ${what}`);
}

describe('Keyboard only, and axe on the pages it visits', () => {
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
    await expectFocusLandsOn(page, '#main-content', 'the profile’s content');

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
    await expectEventually(parent, `document.activeElement?.tagName === 'TEXTAREA'`, 'focus in the message field');
    await expectVisibleFocus(parent);
    await parent.keyboard.type('Hello, can I change my booking times by keyboard?');
    await parent.keyboard.press('Tab');
    await expectVisibleFocus(parent);
    expect(await focusedText(parent)).toBe('Start chat');
    await parent.keyboard.press('Enter');
    // The chat starts; focus moves to the composer and the message is in the announced log.
    await visible(panel.getByText(/You're chatting with Sam/));
    await expectEventually(parent, `document.activeElement?.getAttribute('name') === 'draft'`, 'focus in the composer');
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
    await expectEventually(
      parent,
      `!!document.activeElement?.classList.contains('launcher')`,
      'focus back on the launcher',
    );
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
    await expect(
      waitUntil(page, `!!document.activeElement?.textContent?.includes('Find a childminder')`),
    ).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(`document.activeElement?.textContent?.trim()`)).resolves.toMatch(/Create account$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/register/);
  });

  /**
   * A free morning in Claire's open time at least two days ahead, not on a Tuesday (the demo
   * parent's Maya is already booked with her then): its UK date.
   */
  async function freeMorning(profileId: string): Promise<string> {
    const from = ukDate(new Date());
    const to = ukDate(new Date(Date.now() + 14 * 24 * 3600 * 1000));
    const response = await fetch(`${server.baseUrl}/api/childminders/${profileId}/availability?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const { slots } = (await response.json()) as { slots: { startsAt: string; endsAt: string }[] };
    const soonest = ukDate(new Date(Date.now() + 2 * 24 * 3600 * 1000));
    const slot = slots.find(
      (s) =>
        ukDate(s.startsAt) >= soonest &&
        ukDate(s.startsAt) === ukDate(s.endsAt) &&
        ukWeekday(s.startsAt) !== 'Tue' &&
        ukTime(s.startsAt) <= '10:00' &&
        ukTime(s.endsAt) >= '12:00',
    );
    expect(slot).toBeDefined();
    return ukDate(slot!.startsAt);
  }

  it('a parent goes from a profile through sign-in to a sent booking request with the keyboard alone', async () => {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize(LAPTOP);
    const errors = watchPageErrors(page);

    // From the search results to Claire Hughes's profile.
    await page.goto('/search?postcode=M20%202LS');
    await visible(page.getByRole('heading', { name: /childminders? within 5 miles of M20/ }));
    await tabUntil(page, 'article h3 a', 'the first childminder');
    expect(await focusedText(page)).toBe('Claire Hughes');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/childminders\/[0-9a-f-]{36}$/);
    const profileId = new URL(page.url()).pathname.split('/').pop()!;
    await visible(heading(page, 'Claire Hughes'));
    await expectFocusLandsOn(page, '#main-content', 'the new page’s content');
    await expectNoWcagViolations(page, 'profile, signed out');

    // "Sign in to book" leads to the sign-in form, and signing in straight on to the request.
    await tabUntil(page, { selector: 'a[href^="/login"]', text: 'Sign in to book' }, 'Sign in to book');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/login?**');
    await expectFocusLandsOn(page, '#main-content', 'the sign-in page’s content');
    await expectNoWcagViolations(page, 'sign in');
    await signInByKeyboard(page, PARENT);
    await page.waitForURL(`**/parent/bookings/new?childminder=${profileId}`);
    await visible(heading(page, 'Request a booking with Claire Hughes'));
    await expectFocusLandsOn(page, '#main-content', 'the request form’s page');
    await expectNoWcagViolations(page, 'booking request');

    // Sending it empty: every problem at once, in a summary that takes focus and links to the fields.
    await tabUntil(page, { selector: 'button', text: 'Send booking request' }, 'Send booking request');
    await page.keyboard.press('Enter');
    await expectFocusLandsOn(page, '.submit-summary', 'the error summary');
    const summary = page.locator('.submit-summary');
    await visible(summary.getByRole('heading', { name: /There are \d problems with this request/ }));
    await expectNoWcagViolations(page, 'booking request with problems');
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    expect(await focusedText(page)).toBe('Choose at least one child.');
    await page.keyboard.press('Enter');
    await expectFocusLandsOn(page, '.children input[type="checkbox"]', 'the first child’s checkbox');

    // Then the form, by keyboard: Maya, a free morning, 10:00 to 12:00.
    const date = await freeMorning(profileId);
    const [year, month, day] = date.split('-');
    const maya = { selector: '.children input[type="checkbox"]', text: 'Maya' };
    if (!(await isFocused(page, maya))) await tabUntil(page, maya, 'Maya’s checkbox');
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: /Maya/ }).isChecked()).resolves.toBe(true);
    await tabUntil(page, '#booking-date', 'the Date field');
    await page.keyboard.type(`${day}${month}${year}`);
    await tabUntil(page, '#booking-start', 'the Start field');
    await page.keyboard.type('1000');
    await tabUntil(page, '#booking-end', 'the End field');
    await page.keyboard.type('1200');
    await visible(page.getByText('There is a place: this request can be booked.'));
    // Fixing the problems clears the summary.
    await expect(summary.getByRole('heading').count()).resolves.toBe(0);
    await expectNoWcagViolations(page, 'booking request, bookable');

    await tabUntil(page, { selector: 'button', text: 'Send booking request' }, 'Send booking request');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/parent\/bookings\/[0-9a-f-]{36}$/);
    await visible(heading(page, 'Booking with Claire Hughes'));
    await visible(announced(page, 'Your request has been sent to Claire Hughes.'));
    await expectFocusLandsOn(page, '#main-content', 'the booking’s page');
    await expectNoWcagViolations(page, 'booking sent');
    expect(errors).toEqual([]);
  });

  it('the childminder confirms a booking and adds availability on the calendar with the keyboard alone', async () => {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize(LAPTOP);
    const errors = watchPageErrors(page);

    await page.goto('/login');
    await signInByKeyboard(page, MINDER);
    await page.waitForURL('**/childminder');
    await expectNoWcagViolations(page, 'childminder dashboard');

    // Her bookings, waiting requests first: the first one opens by Enter.
    await tabUntil(page, 'a[href="/childminder/bookings"]', 'the Bookings link');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/childminder/bookings');
    await visible(heading(page, 'Bookings'));
    await expectFocusLandsOn(page, '#main-content', 'the bookings page');
    await expectNoWcagViolations(page, 'childminder bookings');
    await tabUntil(page, 'a[href^="/childminder/bookings/"]', 'the first booking');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/childminder\/bookings\/[0-9a-f-]{36}$/);
    await expectFocusLandsOn(page, '#main-content', 'the booking’s page');
    await expectNoWcagViolations(page, 'childminder booking, waiting');

    // Confirming: focus goes to the result, not to <body> when the button goes away.
    await tabUntil(page, { selector: 'button', text: 'Confirm booking' }, 'Confirm booking');
    await page.keyboard.press('Enter');
    await visible(announced(page, 'Booking confirmed. The parent has been told.'));
    await expectFocusLandsOn(page, '.action-result', 'the confirmation message');
    await expectNoWcagViolations(page, 'childminder booking, confirmed');

    // Availability, added on the calendar itself: next week, then a day column and Enter.
    await page.goto('/childminder/availability');
    await visible(heading(page, 'Availability'));
    await expectNoWcagViolations(page, 'availability editor');
    await tabUntil(page, 'button[aria-label="Next Week"]', 'Next week');
    await page.keyboard.press('Enter');
    await expectFocusLandsOn(page, 'button[aria-label="Next Week"]', 'the Next week button (it stays)');
    await tabUntil(page, '.cc-addable-day', 'a day on the calendar');
    // One tab stop for the week's days; the arrow keys and End move along them.
    await page.keyboard.press('End');
    await expectFocusLandsOn(page, '.cc-addable-day', 'the week’s last day');
    const sunday = String(await page.evaluate(`document.activeElement.getAttribute('data-date')`));
    expect(ukWeekday(`${sunday}T12:00:00Z`)).toBe('Sun');
    expect(await page.locator(`.cc-addable-day[data-date="${sunday}"] .cc-event`).count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await expectFocusLandsOn(page, '.cc-addable-day', 'Saturday');
    await page.keyboard.press('ArrowRight');
    await expectFocusLandsOn(page, `.cc-addable-day[data-date="${sunday}"]`, 'Sunday again');

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Add availability' }));
    await expectFocusLandsOn(page, 'mat-dialog-container input[type="radio"]', 'the dialog’s first control');
    // The day she chose is filled in.
    await expect(dialog.getByLabel('Date').inputValue()).resolves.toBe(sunday);
    await expectNoWcagViolations(page, 'add availability dialog');
    await tabUntil(page, 'input[formcontrolname="title"]', 'the Title field');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Sunday cover');
    await tabUntil(page, 'mat-dialog-container button[type="submit"]', 'Add');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await visible(announced(page, '“Sunday cover” saved.'));
    // Focus is back on the day she added to, which now holds the new block.
    await expectFocusLandsOn(page, `.cc-addable-day[data-date="${sunday}"]`, 'the day the block was added on');
    await visible(page.locator(`.cc-addable-day[data-date="${sunday}"] .cc-event`).getByText('Sunday cover'));
    await expectNoWcagViolations(page, 'availability editor, block added');
    expect(errors).toEqual([]);
  });

  /** The page has drawn its content: a main heading, and no loading indicator left. */
  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor({ state: 'visible' });
    const loaded = await waitUntil(
      page,
      `!document.querySelector('main mat-progress-bar[mode="indeterminate"], main mat-spinner, main mat-progress-spinner[mode="indeterminate"], main app-loading-state')`,
      10_000,
    );
    expect({ page: page.url(), loaded }).toEqual({ page: page.url(), loaded: true });
  }

  /** axe's WCAG 2.2 AA rules on each page at 1366 px and at 320 px. */
  async function sweep(page: Page, who: string, paths: string[]): Promise<void> {
    for (const size of [LAPTOP, NARROW]) {
      await page.setViewportSize(size);
      for (const path of paths) {
        await page.goto(path);
        await settled(page);
        await expectNoWcagViolations(page, `${path} as ${who} at ${size.width}px`);
      }
    }
  }

  /** A childminder's profile (Claire Hughes, the first result near M20) and the path to it. */
  async function firstProfile(page: Page): Promise<{ path: string; id: string }> {
    await page.goto('/search?postcode=M20%202LS');
    await page.locator('article h3 a').first().waitFor();
    const path = String(await page.locator('article h3 a').first().getAttribute('href'));
    expect(path).toMatch(/^\/childminders\/[0-9a-f-]{36}$/);
    return { path, id: path.split('/').pop()! };
  }

  async function pageFor(account?: { email: string; password: string }): Promise<Page> {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    if (account) await signInThroughForm(page, account.email, account.password);
    return page;
  }

  it('axe finds no WCAG 2.2 AA violation on the main pages for a visitor, at 1366 px and 320 px', async () => {
    const page = await pageFor();
    const errors = watchPageErrors(page);
    const profile = await firstProfile(page);
    await sweep(page, 'a visitor', ['/', '/search?postcode=M20%202LS', profile.path, '/login', '/register']);
    expect(errors).toEqual([]);
  }, 300_000);

  it('axe finds no WCAG 2.2 AA violation on the main pages for a parent, at 1366 px and 320 px', async () => {
    const page = await pageFor(PARENT);
    const errors = watchPageErrors(page);
    const profile = await firstProfile(page);
    await sweep(page, 'a parent', [
      '/parent',
      profile.path,
      `/parent/bookings/new?childminder=${profile.id}`,
      '/parent/bookings',
      '/parent/calendar',
    ]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('axe finds no WCAG 2.2 AA violation on the main pages for a childminder, at 1366 px and 320 px', async () => {
    const page = await pageFor(MINDER);
    const errors = watchPageErrors(page);
    await page.goto('/childminder/bookings');
    const bookingLink = page.locator('main a[href^="/childminder/bookings/"]').filter({ visible: true }).first();
    await bookingLink.waitFor();
    const booking = String(await bookingLink.getAttribute('href'));
    await sweep(page, 'a childminder', [
      '/childminder',
      '/childminder/bookings',
      booking,
      '/childminder/availability',
      '/childminder/calendar',
    ]);
    expect(errors).toEqual([]);
  }, 300_000);
});
