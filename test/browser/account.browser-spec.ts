import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { launchBrowser, newVisitor } from './support/browser';
import { OutboxReader, linkFrom } from './support/outbox';
import { announced, checkPage, expectTitle, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

const TOTP_PERIOD_SECONDS = 30;
const stepOf = (epochSeconds: number) => Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);
const nowSeconds = () => Date.now() / 1000;

// jest.config.js sets testTimeout on the browser project, but Jest 30 reads testTimeout only
// from the global configuration, so the file sets its own.
jest.setTimeout(180_000);

const uniqueEmail = (name: string) => `${name}.${Date.now()}.${randomBytes(3).toString('hex')}@example.com`;

describe('Account pages in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let outbox: OutboxReader;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    outbox = new OutboxReader(server.dataDir);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function visitor(): Promise<Page> {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    return context.newPage();
  }

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  it('a new parent registers, verifies by the emailed link, turns on two-step verification and signs back in with a code', async () => {
    const page = await visitor();
    const pageErrors = watchPageErrors(page);
    const email = uniqueEmail('ruth.parent');
    const password = 'a long family password 42';

    // The home page leads a parent to registration.
    await page.goto('/');
    await visible(heading(page, 'Find a registered childminder you can trust'));
    await expectTitle(page, 'Find a registered childminder');
    await checkPage(page, 'home', { phone: true });

    await page.getByRole('link', { name: "I'm looking for childcare" }).click();
    await page.waitForURL('**/register?role=parent');
    await visible(heading(page, 'Create your account'));
    await expectTitle(page, 'Create an account');
    expect(await page.getByRole('radio', { name: /A parent or carer/ }).isChecked()).toBe(true);
    await checkPage(page, 'register', { phone: true });

    await page.getByLabel('First name').fill('Ruth');
    await page.getByLabel('Last name').fill('Baker');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Postcode (optional)').fill('SW1A 1AA');
    await page.getByRole('checkbox', { name: /read the privacy notice and agree/ }).check();
    await page.getByRole('button', { name: 'Create account' }).click();

    await visible(heading(page, 'Check your email'));
    await visible(page.getByText(email, { exact: true }));
    await visible(page.getByRole('status').filter({ hasText: /\S/ }).first());
    await checkPage(page, 'register-done');

    // The emailed link verifies the address.
    const verification = await outbox.waitFor(email, { template: 'verify-email' });
    const verifyLink = linkFrom(verification, '/verify-email');
    expect(verifyLink.startsWith(`${server.baseUrl}/verify-email?token=`)).toBe(true);
    await page.goto(verifyLink);
    await visible(heading(page, 'Your email address is verified'));
    await expectTitle(page, 'Verify your email address');
    await checkPage(page, 'verify-email-success');

    // Signing in lands in the parent area.
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL('**/login');
    await visible(heading(page, 'Sign in'));
    await expectTitle(page, 'Sign in');
    await checkPage(page, 'login', { phone: true });
    await signIn(page, email, password);
    await page.waitForURL('**/parent');
    await visible(heading(page, 'Parent dashboard'));
    await visible(heading(page, /, Ruth$/));
    await checkPage(page, 'parent-dashboard');
    // A reload keeps the session (the refresh cookie works over http://localhost).
    await page.reload();
    await visible(heading(page, /, Ruth$/));
    expect(new URL(page.url()).pathname).toBe('/parent');

    // The account pages, reached through the account menu and the tabs.
    await openAccountMenu(page, 'Ruth');
    await page.getByRole('menuitem', { name: 'Your account' }).click();
    await page.waitForURL('**/account/profile');
    await visible(heading(page, 'Account details'));
    await expectTitle(page, 'Your profile');
    const emailFact = await visible(page.getByRole('definition').filter({ hasText: email }));
    expect(await emailFact.innerText()).toContain('Verified');
    await checkPage(page, 'account-profile');

    const tabs = page.getByRole('tablist', { name: 'Account settings' });
    await tabs.getByRole('tab', { name: 'Password' }).click();
    await page.waitForURL('**/account/password');
    await visible(heading(page, 'Change your password'));
    await expectTitle(page, 'Change your password');
    await visible(page.getByLabel('Current password'));
    await checkPage(page, 'account-password');

    await tabs.getByRole('tab', { name: 'Notifications' }).click();
    await page.waitForURL('**/account/notifications');
    await visible(heading(page, 'How we contact you').or(heading(page, 'No notifications to choose from yet')));
    await expectTitle(page, 'Notification preferences');
    await checkPage(page, 'account-notifications');

    await tabs.getByRole('tab', { name: 'Activity' }).click();
    await page.waitForURL('**/account/activity');
    await visible(heading(page, 'Recent activity'));
    await expectTitle(page, 'Account activity');
    await checkPage(page, 'account-activity');

    // Two-step verification: set up with the key shown for manual entry.
    await tabs.getByRole('tab', { name: 'Two-step verification' }).click();
    await page.waitForURL('**/account/two-factor');
    await expectTitle(page, 'Two-step verification');
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await visible(heading(page, 'Set up two-step verification'));
    await visible(page.getByRole('img', { name: /QR code/ }));
    const secret = ((await page.getByLabel('Setup key', { exact: true }).textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await checkPage(page, 'two-factor-setup', { phone: true });

    const setupEpoch = nowSeconds();
    await page.getByLabel('Verification code').fill(await generate({ secret, epoch: setupEpoch }));
    await page.getByRole('button', { name: 'Turn on' }).click();

    await visible(heading(page, 'Save your recovery codes'));
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    expect(await codes.count()).toBe(10);
    const recoveryCodes = await codes.allTextContents();
    expect(new Set(recoveryCodes.map((c) => c.trim())).size).toBe(10);
    const done = page.getByRole('button', { name: 'Done' });
    expect(await done.isDisabled()).toBe(true);
    await checkPage(page, 'two-factor-recovery-codes', { phone: true });

    await page.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
    await done.click();
    await visible(announced(page, 'Two-step verification is on.'));
    await visible(page.getByRole('button', { name: 'Turn off two-step verification' }));
    const status = page.getByRole('region', { name: 'Two-step verification' });
    await visible(status.getByRole('term').filter({ hasText: 'Turned on' }));
    await visible(status.getByRole('definition').filter({ hasText: /^\s*10\s*$/ }));
    await checkPage(page, 'two-factor-on');
    await outbox.waitFor(email, { template: 'two-factor-enabled' });

    // Sign out, then back in: the password is not enough any more.
    await openAccountMenu(page, 'Ruth');
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await visible(announced(page, 'You have signed out.'));
    await visible(page.getByRole('banner').getByRole('link', { name: 'Sign in' }));
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL('**/login');
    await signIn(page, email, password);
    await visible(heading(page, 'Two-step verification'));
    const codeField = await visible(page.getByLabel('Verification code'));
    await checkPage(page, 'login-two-factor');

    const wrong = await codeOutsideWindow(secret);
    await codeField.fill(wrong);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'The code is not correct or has already been used' }));
    expect(new URL(page.url()).pathname).toBe('/login');
    await checkPage(page, 'login-two-factor-wrong-code');

    // The code used to turn 2FA on is spent: take the next window's code while this window
    // lasts (the server accepts one step of drift), or the current one once it has moved on.
    const now = nowSeconds();
    const epoch = stepOf(now) > stepOf(setupEpoch) ? now : now + TOTP_PERIOD_SECONDS;
    await codeField.fill(await generate({ secret, epoch }));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL('**/parent');
    await visible(heading(page, 'Parent dashboard'));
    // 2FA is on now, so the dashboard no longer suggests it.
    expect(await page.getByRole('link', { name: 'turn on two-step verification' }).count()).toBe(0);

    // The verification link works once: opened again, it offers a new one.
    await page.goto(verifyLink);
    await visible(heading(page, "We couldn't verify your email address"));
    await visible(page.getByRole('button', { name: 'Send a new link' }));
    await checkPage(page, 'verify-email-used-link');

    expect(pageErrors).toEqual([]);
  });

  it.each([
    { label: 'Parent', area: '/parent', dashboard: 'Parent dashboard' },
    { label: 'Childminder', area: '/childminder', dashboard: 'Childminder dashboard' },
    { label: 'Support agent', area: '/support', dashboard: 'Tickets' },
    { label: 'Admin', area: '/admin', dashboard: 'Admin dashboard' },
    { label: 'Super admin', area: '/admin', dashboard: 'Admin dashboard' },
  ])('the $label demo button on the sign-in page signs in to $area', async ({ label, area, dashboard }) => {
    const page = await visitor();
    const pageErrors = watchPageErrors(page);
    await page.goto('/login');
    await visible(heading(page, 'Demo accounts'));
    await page.getByRole('button', { name: `Use the ${label} demo account` }).click();
    expect(await page.getByLabel('Email address').inputValue()).toMatch(/@example\.com$/);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // An area may open on its first page (the support console opens on its tickets).
    await page.waitForURL((url) => url.pathname === area || url.pathname.startsWith(`${area}/`));
    await visible(heading(page, dashboard));
    if (label === 'Admin') await checkPage(page, 'admin-dashboard');
    expect(pageErrors).toEqual([]);
  });

  it('a parent who forgot their password chooses a new one from the emailed link and signs in with it', async () => {
    const email = uniqueEmail('tom.parent');
    const register = await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        acceptPrivacyNotice: true,
        role: 'parent',
        firstName: 'Tom',
        lastName: 'Ellis',
        email,
        password: 'an old forgotten password 7',
      }),
    });
    expect(register.status).toBe(201);

    const page = await visitor();
    const pageErrors = watchPageErrors(page);
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.waitForURL('**/forgot-password');
    await visible(heading(page, 'Reset your password'));
    await expectTitle(page, 'Reset your password');
    await checkPage(page, 'forgot-password');

    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await visible(page.getByRole('link', { name: 'Back to sign in' }));
    await visible(page.getByRole('status').filter({ hasText: /\S/ }).first());
    await checkPage(page, 'forgot-password-sent');

    const resetEmail = await outbox.waitFor(email, { template: 'password-reset' });
    const resetLink = linkFrom(resetEmail, '/reset-password');
    expect(resetLink.startsWith(`${server.baseUrl}/reset-password?token=`)).toBe(true);
    await page.goto(resetLink);
    await visible(heading(page, 'Choose a new password'));
    await expectTitle(page, 'Choose a new password');
    await checkPage(page, 'reset-password');

    const newPassword = 'a brand new family password 43';
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(`${newPassword}!`);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await visible(page.getByText('The passwords do not match'));
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await visible(page.getByText('You can now sign in with your new password.'));
    await checkPage(page, 'reset-password-done');

    // The link is spent; the new password signs in (following the link also verified the address).
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL('**/login');
    await signIn(page, email, 'an old forgotten password 7');
    await visible(page.getByRole('alert').filter({ hasText: 'The email address or password is not correct' }));
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/parent');
    await visible(heading(page, 'Parent dashboard'));

    await page.goto(resetLink);
    await page.getByLabel('New password', { exact: true }).fill('yet another family password 44');
    await page.getByLabel('Confirm new password').fill('yet another family password 44');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await visible(page.getByRole('link', { name: 'Get a new reset link' }));

    expect(pageErrors).toEqual([]);
  });
});

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function openAccountMenu(page: Page, firstName: string): Promise<void> {
  await page.getByRole('button', { name: `Account menu for ${firstName}` }).click();
  await visible(page.getByRole('menu'));
}

/** A six-digit code that is not valid in any window the server could accept now or soon. */
async function codeOutsideWindow(secret: string): Promise<string> {
  const now = nowSeconds();
  const valid = new Set(
    await Promise.all([-2, -1, 0, 1, 2].map((k) => generate({ secret, epoch: now + k * TOTP_PERIOD_SECONDS }))),
  );
  for (let n = 0; ; n++) {
    const candidate = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}
