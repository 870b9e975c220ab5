import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newVisitor } from './support/browser';
import { checkPage, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(120_000);

/** A message as shown in the open thread (the conversation list shows a preview too). */
const bubble = (page: Page, text: string) => page.locator('.bubble__text', { hasText: text });

describe('Messaging in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(email: string, password: string): Promise<Page> {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  it('a parent messages a childminder from her profile; she answers and the parent sees it live', async () => {
    const search = await fetch(`${server.baseUrl}/api/childminders/search?postcode=M20%202LS&radiusMiles=1`);
    const claire = ((await search.json()) as { items: { id: string; displayName: string }[] }).items.find((c) =>
      c.displayName.startsWith('Claire'),
    );
    expect(claire).toBeDefined();

    const parent = await signedIn('parent.demo@example.com', 'Demo-Parent-2026');
    const parentErrors = watchPageErrors(parent);
    await parent.goto(`/childminders/${claire!.id}`);
    await parent.getByRole('link', { name: /^Message Claire/ }).click();
    await visible(parent.getByRole('heading', { name: /New message to Claire/ }));
    await checkPage(parent, 'messages-new-conversation');
    const composer = parent.getByLabel('Write a message');
    await composer.fill('Hello Claire, do you have a place on Tuesdays for our two-year-old?');
    await composer.press('Enter');
    await visible(bubble(parent, 'do you have a place on Tuesdays'));
    expect(await composer.inputValue()).toBe('');

    const minder = await signedIn('childminder.demo@example.com', 'Demo-Minder-2026');
    await minder.goto('/childminder/messages');
    const conversation = minder.getByRole('button', { name: /Priya Shah/ });
    await visible(conversation);
    await conversation.click();
    await visible(bubble(minder, 'do you have a place on Tuesdays'));
    await checkPage(minder, 'messages-childminder-thread');
    const reply = minder.getByLabel('Write a message');
    await reply.fill('Yes, Tuesdays are free from January.');
    await minder.getByRole('button', { name: 'Send' }).click();

    // The parent's open thread updates without a reload (server-sent events).
    await visible(bubble(parent, 'Yes, Tuesdays are free from January.'));
    await checkPage(parent, 'messages-parent-thread', { phone: true });
    expect(parentErrors).toEqual([]);
  });
});
