import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, signedInVisitor } from './support/browser';
import { checkPage, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(120_000);

/** Waits until nothing matches the locator any more. */
const expectGone = (locator: Locator) => locator.first().waitFor({ state: 'detached' });

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
    const page = await signedInVisitor(browser, server.baseUrl, email, password);
    contexts.push(page.context());
    return page;
  }

  it('a parent messages a childminder from her profile; badges and bells update live; she answers', async () => {
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
    const minderErrors = watchPageErrors(minder);
    await minder.goto('/childminder/messages');
    const conversation = minder.getByRole('button', { name: /Priya Shah/ });
    await visible(conversation);
    await visible(conversation.getByLabel('1 unread'));
    await visible(minder.getByRole('button', { name: 'Notifications, 1 unread' }));

    // The parent writes again: the childminder's unread badge and bell update without a reload.
    await composer.fill('We would also need Thursdays, if possible.');
    await composer.press('Enter');
    await visible(bubble(parent, 'also need Thursdays'));
    await visible(conversation.getByLabel('2 unread'));
    await visible(minder.getByRole('button', { name: 'Notifications, 2 unread' }));

    // Opening the conversation answers its bell entries too.
    await conversation.click();
    await visible(bubble(minder, 'do you have a place on Tuesdays'));
    await visible(bubble(minder, 'also need Thursdays'));
    await expectGone(conversation.getByLabel(/unread/));
    await visible(minder.getByRole('button', { name: 'Notifications, none unread' }));
    await checkPage(minder, 'messages-childminder-thread');
    const reply = minder.getByLabel('Write a message');
    await reply.fill('Yes, Tuesdays are free from January.');
    await minder.getByRole('button', { name: 'Send' }).click();

    // The parent's open thread updates without a reload (server-sent events); she is reading it,
    // so her bell does not keep the entry unread.
    await visible(bubble(parent, 'Yes, Tuesdays are free from January.'));
    await visible(parent.getByRole('button', { name: 'Notifications, none unread' }));
    await checkPage(parent, 'messages-parent-thread', { phone: true });

    // Elsewhere in the app, the next reply rings the bell; choosing the entry marks it read and
    // opens the conversation.
    await parent.goto('/parent');
    await reply.fill('Fridays are possible too, from February.');
    await reply.press('Enter');
    const bell = parent.getByRole('button', { name: 'Notifications, 1 unread' });
    await visible(bell);
    await bell.click();
    const item = parent.getByRole('menuitem', { name: /New message from Claire Hughes/ }).first();
    await visible(item);
    await checkPage(parent, 'notification-bell-menu');
    await item.press('Enter');
    await visible(parent.getByRole('button', { name: 'Notifications, none unread' }));
    await visible(bubble(parent, 'Fridays are possible too, from February.'));
    expect(parentErrors).toEqual([]);
    expect(minderErrors).toEqual([]);
  });

  it('an admin browses conversations, reads one and finds a message by its words, highlighted', async () => {
    const admin = await signedIn('admin.demo@example.com', 'Demo-Admin-2026');
    const errors = watchPageErrors(admin);
    await admin.goto('/admin');
    await admin.getByRole('link', { name: /^Messages/ }).click();
    await visible(admin.getByRole('heading', { name: 'Messages', exact: true }));
    const read = admin.getByRole('link', { name: /Read the conversation between Priya Shah and Claire Hughes/ });
    await visible(read);
    await checkPage(admin, 'admin-messages', { phone: true });

    // Filtering by a participant keeps the address shareable.
    await admin.getByRole('button', { name: 'Show only the conversations of Priya Shah (parent)' }).click();
    await visible(admin.getByText(/Showing conversations of Priya Shah/));
    expect(new URL(admin.url()).searchParams.get('userId')).toMatch(/^[0-9a-f-]{36}$/);

    await read.click();
    await visible(admin.getByRole('heading', { name: 'Priya Shah and Claire Hughes' }));
    await visible(admin.getByText('Yes, Tuesdays are free from January.'));
    await visible(admin.getByText(/recorded in the audit log/));
    await checkPage(admin, 'admin-conversation');

    await admin.goto('/admin/messages');
    await admin.getByLabel('Search message text').fill('thursd');
    await admin.getByRole('button', { name: 'Search', exact: true }).click();
    await visible(admin.getByRole('heading', { name: 'Search messages' }));
    await visible(admin.locator('mark', { hasText: 'Thursdays' }));
    await visible(admin.getByText('1 message found'));
    await checkPage(admin, 'admin-message-search');
    expect(errors).toEqual([]);
  });
});
