import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInVisitor } from './support/browser';
import { checkPage, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(150_000);

describe('Live chat in the browser', () => {
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

  it('a parent opens the widget and writes; the agent answers in the console; the parent sees it live', async () => {
    // The agent opens the console and becomes available.
    const agent = await signedIn('support.demo@example.com', 'Demo-Support-2026');
    const agentErrors = watchPageErrors(agent);
    await agent.goto('/support');
    await agent.getByRole('tab', { name: /^Chats/ }).click();
    await visible(agent.getByRole('heading', { name: 'Live chat', exact: true }));
    await agent.getByRole('radio', { name: 'Available' }).click();
    await visible(agent.getByText('No chats right now'));

    // The parent opens the widget from any page and starts a chat.
    const parent = await signedIn('parent.demo@example.com', 'Demo-Parent-2026');
    const parentErrors = watchPageErrors(parent);
    await parent.goto('/search');
    const launcher = parent.getByRole('button', { name: /^Chat with support/ });
    await launcher.click();
    const panel = parent.getByRole('dialog', { name: 'Chat with support' });
    await visible(panel);
    await panel.getByLabel('How can we help?').fill('Hello, how do I cancel a booking?');
    await panel.getByRole('button', { name: 'Start chat' }).click();
    // Focus moves to the composer once the chat has started.
    const composer = panel.getByRole('textbox', { name: 'Message' });
    await visible(composer);
    await parent.waitForFunction('document.activeElement?.tagName === "TEXTAREA"');
    await visible(panel.getByText('Hello, how do I cancel a booking?'));
    await visible(panel.getByText(/You're chatting with Sam/));
    await checkPage(parent, 'chat-widget', { phone: true });

    // The chat arrives in the agent's console as a tab, live.
    await visible(agent.getByRole('tab', { name: /Priya/ }));
    await visible(agent.getByText('Hello, how do I cancel a booking?'));
    await visible(agent.getByText('Parent', { exact: true }));
    const reply = agent.getByLabel('Reply to Priya');
    await reply.fill('Open the booking and choose Cancel.');
    await reply.press('Enter');
    await checkPage(agent, 'support-chat-console');

    // The parent sees the answer without reloading.
    await visible(panel.getByText('Open the booking and choose Cancel.'));

    // The parent ends the chat and rates it.
    await panel.getByRole('button', { name: 'End chat' }).click();
    await panel.getByText('4', { exact: true }).click();
    await panel.getByRole('button', { name: 'Send rating' }).click();
    await visible(panel.getByText('Thank you for rating this chat 4 out of 5.'));

    expect(parentErrors).toEqual([]);
    expect(agentErrors).toEqual([]);
  });
});
