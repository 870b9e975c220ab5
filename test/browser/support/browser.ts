import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { DESKTOP } from './screenshots';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium driven by playwright-core; nothing is downloaded. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    // Date and time fields take their format from the browser's own language, not the page's
    // locale: British, as our users' browsers (needs Debian's chromium-l10n for en-GB).
    env: { ...process.env, LANGUAGE: 'en_GB', LANG: 'en_GB.UTF-8' },
  });
}

/** A fresh visitor: no cookies or storage, British locale and time zone, desktop viewport. */
export async function newVisitor(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: DESKTOP,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  // Waits fail fast with the locator in the message, well inside Jest's test timeout.
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/** Fills in the sign-in page as a person would and waits until the app has moved on from it. */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A fresh visitor who has signed in: the page of a new context (the caller closes it). */
export async function signedInVisitor(
  browser: Browser,
  baseURL: string,
  email: string,
  password: string,
): Promise<Page> {
  const context = await newVisitor(browser, baseURL);
  const page = await context.newPage();
  await signInThroughForm(page, email, password);
  return page;
}
