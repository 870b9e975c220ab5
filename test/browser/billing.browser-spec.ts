import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInVisitor } from './support/browser';
import { OutboxReader, linkFrom } from './support/outbox';
import { checkPage, expectTitle, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

// Long stories on a shared machine: each signs in, runs axe at two widths and saves screenshots.
jest.setTimeout(180_000);

const uniqueEmail = (name: string) => `${name}.${Date.now()}.${randomBytes(3).toString('hex')}@example.com`;

/** A message as shown in the open thread (the conversation list shows a preview too). */
const bubble = (page: Page, text: string) => page.locator('.bubble__text', { hasText: text });

describe('Billing in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let outbox: OutboxReader;
  const contexts: BrowserContext[] = [];
  const parentEmail = uniqueEmail('nadia.parent');
  const parentPassword = 'a long family password 58';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    outbox = new OutboxReader(server.dataDir);
    await freeParent();
  }, 90_000);
  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(email: string, password: string): Promise<Page> {
    const page = await signedInVisitor(browser, server.baseUrl, email, password);
    contexts.push(page.context());
    return page;
  }

  /** A new parent with a verified address: on the Free plan, as every parent starts. */
  async function freeParent(): Promise<void> {
    const register = await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        acceptPrivacyNotice: true,
        role: 'parent',
        firstName: 'Nadia',
        lastName: 'Khan',
        email: parentEmail,
        password: parentPassword,
      }),
    });
    expect(register.status).toBe(201);
    const token = new URL(
      linkFrom(await outbox.waitFor(parentEmail, { template: 'verify-email' }), '/verify-email'),
    ).searchParams.get('token');
    const verify = await fetch(`${server.baseUrl}/api/auth/verify-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(verify.ok).toBe(true);
  }

  /** Claire, a demo childminder in Manchester. */
  async function claire(): Promise<{ id: string; displayName: string }> {
    const search = await fetch(`${server.baseUrl}/api/childminders/search?postcode=M20%202LS&radiusMiles=1`);
    const found = ((await search.json()) as { items: { id: string; displayName: string }[] }).items.find((c) =>
      c.displayName.startsWith('Claire'),
    );
    expect(found).toBeDefined();
    return found!;
  }

  it('a Free parent starting a conversation is offered the plan that allows it, not an error', async () => {
    const parent = await signedIn(parentEmail, parentPassword);
    const pageErrors = watchPageErrors(parent);
    const minder = await claire();
    await parent.goto(`/childminders/${minder.id}`);
    await parent.getByRole('link', { name: /^Message Claire/ }).click();
    const composer = parent.getByLabel('Write a message');
    await composer.fill('Hello Claire, do you have space on Fridays?');
    await composer.press('Enter');

    const dialog = parent.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Upgrade to Plus' }));
    await visible(dialog.getByText('This needs the Plus plan. Upgrade to Plus to unlock it.'));
    await visible(dialog.getByText(/14-day free trial/));
    expect(await dialog.innerText()).toContain('Plus · £4.99 a month or £49.90 a year · 14-day free trial');
    expect(await parent.locator('.composer__error').count()).toBe(0);
    await checkPage(parent, 'upgrade-prompt', { phone: true });
    // The draft is kept for after the upgrade.
    expect(await composer.inputValue()).toBe('Hello Claire, do you have space on Fridays?');

    await dialog.getByRole('link', { name: 'Upgrade to Plus' }).click();
    await parent.waitForURL((url) => url.pathname === '/billing');
    await visible(parent.getByText('Free plan', { exact: true }));
    await dialog.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('a Free parent upgrades through the test-mode checkout, sees Plus active and messages a childminder', async () => {
    const parent = await signedIn(parentEmail, parentPassword);
    const pageErrors = watchPageErrors(parent);

    await parent.goto('/billing');
    await visible(parent.getByText('Free plan', { exact: true }));
    await visible(heading(parent, 'Upgrade'));
    await checkPage(parent, 'billing-free', { phone: true });

    await parent.getByRole('button', { name: /^Start 14-day free trial/ }).click();
    await parent.waitForURL('**/billing/simulator?session=*');
    await visible(parent.getByRole('note').filter({ hasText: 'Test mode' }));
    await visible(parent.getByText('Plus', { exact: true }));
    await checkPage(parent, 'billing-simulator');
    await parent.getByRole('button', { name: 'Pay (simulated)' }).click();

    await parent.waitForURL('**/billing/success**');
    await visible(heading(parent, "You're all set"));
    await visible(parent.getByText('Your plan is active and your free trial has started.'));
    await checkPage(parent, 'billing-checkout-success');

    await parent.getByRole('link', { name: 'Go to billing' }).click();
    await parent.waitForURL((url) => url.pathname === '/billing');
    await visible(parent.getByText('Plus plan', { exact: true }));
    await visible(parent.getByText('Free trial', { exact: true }));
    await visible(parent.getByText(/Your free trial ends on/));
    await visible(parent.getByRole('button', { name: 'Cancel plan' }));
    await checkPage(parent, 'billing-plus-active', { phone: true });

    // Plus lets her start a conversation.
    await parent.goto(`/childminders/${(await claire()).id}`);
    await parent.getByRole('link', { name: /^Message Claire/ }).click();
    await visible(parent.getByRole('heading', { name: /New message to Claire/ }));
    const composer = parent.getByLabel('Write a message');
    await composer.fill('Hello Claire, we have just joined Plus. Do you have space on Fridays?');
    await composer.press('Enter');
    await visible(bubble(parent, 'we have just joined Plus'));
    expect(await parent.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
    await checkPage(parent, 'billing-plus-first-message');
    expect(pageErrors).toEqual([]);
  });

  it('an admin finds the subscription in the list, opens it and extends the trial', async () => {
    const admin = await signedIn('admin.demo@example.com', 'Demo-Admin-2026');
    const pageErrors = watchPageErrors(admin);
    await visible(heading(admin, 'Admin dashboard'));
    await admin.getByRole('link', { name: /^Subscriptions/ }).click();
    await admin.waitForURL('**/admin/subscriptions');
    await expectTitle(admin, 'Subscriptions');
    await visible(heading(admin, 'Subscriptions'));
    await visible(admin.getByText(/\d+ subscriptions? in all/));
    const row = admin.getByRole('link', { name: 'Nadia Khan' });
    await visible(row);
    await checkPage(admin, 'admin-subscriptions', { phone: true });

    // Filters: a childminder-only list does not have her; parents on a trial does.
    await admin.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Childminder' }).click();
    await admin.getByRole('button', { name: 'Apply' }).click();
    await visible(admin.getByText('No subscriptions match these filters'));
    await admin.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Parent' }).click();
    await admin.getByRole('combobox', { name: 'Status' }).click();
    await admin.getByRole('option', { name: 'Free trial' }).click();
    await admin.getByRole('button', { name: 'Apply' }).click();
    await visible(row);
    // The filters live in the address, so the list can be shared and returned to.
    const filtered = new URL(admin.url());
    expect(Object.fromEntries(filtered.searchParams)).toEqual({ role: 'parent', status: 'trialing' });

    await row.click();
    await admin.waitForURL('**/admin/subscriptions/*');
    await expectTitle(admin, 'Subscription');
    await visible(heading(admin, 'Nadia Khan'));
    await visible(heading(admin, 'Plus plan'));
    await visible(heading(admin, 'Payments'));
    await visible(heading(admin, 'Extend the trial'));
    await checkPage(admin, 'admin-subscription-detail', { phone: true });

    await admin.getByLabel('Extra days').fill('10');
    await visible(admin.getByText(/The trial would end on/));
    await admin.getByRole('button', { name: 'Extend trial' }).click();
    await visible(admin.locator('[aria-live]').getByText(/Trial extended to \d+ \w+ \d{4}\./));

    // Cancelling asks first; keeping the plan changes nothing.
    await admin.getByRole('button', { name: 'Cancel at period end' }).click();
    const dialog = admin.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: /Cancel Nadia Khan's plan\?/ }));
    await checkPage(admin, 'admin-subscription-cancel-dialog');
    await dialog.getByRole('button', { name: 'Keep the plan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(admin.getByRole('button', { name: 'Cancel at period end' }));

    await admin.goBack();
    await admin.waitForURL((url) => url.search === filtered.search);
    await visible(admin.getByRole('link', { name: 'Nadia Khan' }));
    expect(await admin.getByRole('combobox', { name: 'Status' }).textContent()).toContain('Free trial');
    expect(pageErrors).toEqual([]);
  });
  it('an admin ends a plan at once, and refunds part of the payment when the parent subscribes again', async () => {
    const admin = await signedIn('admin.demo@example.com', 'Demo-Admin-2026');
    const pageErrors = watchPageErrors(admin);
    await admin.goto('/admin/subscriptions');
    await admin.getByRole('link', { name: 'Nadia Khan' }).click();
    await visible(heading(admin, 'Extend the trial'));
    await admin.getByRole('button', { name: 'End now' }).click();
    const endDialog = admin.getByRole('dialog');
    await visible(endDialog.getByRole('heading', { name: "End Nadia Khan's Plus plan now?" }));
    await endDialog.getByRole('button', { name: 'End now' }).click();
    await endDialog.waitFor({ state: 'detached' });
    await visible(admin.locator('[aria-live]').getByText('The subscription has ended.'));
    await visible(admin.locator('.status', { hasText: 'Cancelled' }));
    expect(await admin.getByRole('button', { name: 'End now' }).count()).toBe(0);

    // She subscribes again: no second trial, so £4.99 is paid at once.
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: parentEmail, password: parentPassword }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const checkout = await fetch(`${server.baseUrl}/api/create-checkout-session`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ planKey: 'parent_plus', interval: 'month' }),
    });
    const { sessionId } = (await checkout.json()) as { sessionId: string };
    const paid = await fetch(`${server.baseUrl}/api/subscription/simulator/${sessionId}/pay`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(paid.ok).toBe(true);

    await admin.getByRole('link', { name: 'Back to subscriptions' }).click();
    await admin.waitForURL((url) => url.pathname === '/admin/subscriptions');
    // Newest first: the new subscription is the first of her two.
    await admin.getByRole('link', { name: 'Nadia Khan' }).first().click();
    await visible(admin.getByText('Active', { exact: true }));
    await visible(admin.getByRole('cell', { name: '£4.99' }));
    await admin.getByRole('button', { name: 'Refund latest payment' }).click();

    const refundDialog = admin.getByRole('dialog');
    await visible(refundDialog.getByRole('heading', { name: 'Refund Nadia Khan?' }));
    const amount = refundDialog.getByLabel('Amount to refund (£)');
    expect(await amount.inputValue()).toBe('4.99');
    await amount.fill('9');
    await refundDialog.getByRole('button', { name: /^Refund/ }).click();
    await visible(refundDialog.getByText('Enter at most £4.99'));
    await amount.fill('1.50');
    await visible(refundDialog.getByRole('button', { name: 'Refund £1.50' }));
    await checkPage(admin, 'admin-subscription-refund-dialog', { phone: true });
    await refundDialog.getByRole('button', { name: 'Refund £1.50' }).click();
    await refundDialog.waitFor({ state: 'detached' });
    await visible(admin.locator('[aria-live]').getByText('Refunded; £1.50 of that payment returned in all.'));
    await visible(admin.getByRole('cell', { name: /Partly refunded\s+\(£1\.50 refunded\)/ }));
    expect(pageErrors).toEqual([]);
  });
});
