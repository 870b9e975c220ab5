import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newVisitor, signedInVisitor } from './support/browser';
import { OutboxReader } from './support/outbox';
import { announced, checkPage, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

describe('Support tickets in the browser', () => {
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

  it('a parent asks for help; the agent replies in the console with a note beside; the parent reads the reply under Help', async () => {
    const parent = await signedIn('parent.demo@example.com', 'Demo-Parent-2026');
    const parentErrors = watchPageErrors(parent);
    await parent.goto('/parent/help');
    await visible(heading(parent, 'Help'));
    await visible(parent.getByRole('link', { name: 'Charged twice for Plus this month' }));
    await checkPage(parent, 'help-list', { phone: true });
    await parent.getByRole('link', { name: 'Ask for help' }).first().click();
    await visible(heading(parent, 'Ask for help'));
    await parent.getByRole('combobox', { name: 'What is it about?' }).click();
    await parent.getByRole('option', { name: 'Payments and plans' }).click();
    await parent.getByLabel('Subject').fill('Where is my November invoice?');
    await parent.getByLabel('Your message').fill('I need the November invoice for my tax-free childcare claim.');
    await checkPage(parent, 'help-new');

    // The agent has the inbox open before the parent sends.
    const agent = await signedIn('support.demo@example.com', 'Demo-Support-2026');
    const agentErrors = watchPageErrors(agent);
    await agent.goto('/support');
    await visible(heading(agent, 'Tickets'));
    await visible(agent.getByText('New tickets and replies appear here by themselves.'));

    await parent.getByRole('button', { name: 'Send' }).click();
    await visible(heading(parent, 'Where is my November invoice?'));
    const ticketUrl = parent.url();

    // The new ticket appears in the open inbox without reloading, and is announced.
    const newTicket = agent.getByRole('link', { name: /Where is my November invoice\?/ });
    await visible(newTicket);
    await visible(agent.locator('[aria-live="polite"]').getByText(/^New ticket CC-\d+\.$/));
    await newTicket.click();
    await visible(agent.getByText('I need the November invoice for my tax-free childcare claim.'));
    await checkPage(agent, 'support-ticket-detail');

    // The assignee is chosen from the staff list (agents and admins), or taken with "Assign to me".
    const assignee = agent.getByRole('combobox', { name: 'Assignee' });
    await assignee.click();
    await visible(agent.getByRole('option', { name: 'Sam Okafor (support agent)' }));
    expect(await agent.getByRole('option', { name: /Priya/ }).count()).toBe(0);
    await agent.getByRole('option', { name: 'Alex Morgan (admin)' }).click();
    await visible(announced(agent, 'Assigned to Alex Morgan.'));
    await visible(assignee.getByText('Alex Morgan (admin)'));
    await agent.getByRole('button', { name: 'Assign to me' }).click();
    await visible(assignee.getByText('Sam Okafor (support agent)'));
    await visible(agent.locator('.history li').filter({ hasText: 'Alex Morgan → Sam Okafor' }));
    await agent.getByRole('checkbox', { name: 'Internal note' }).check();
    await agent
      .getByLabel('Internal note (only agents see it)')
      .fill('Invoices for November are generated on the 3rd.');
    await agent.getByRole('button', { name: 'Add note' }).click();
    await visible(agent.getByText('Invoices for November are generated on the 3rd.'));
    await agent.getByLabel('Reply to the requester').fill('Your November invoice is under Billing, Invoices.');
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await visible(agent.locator('app-ticket-thread').getByText('Your November invoice is under Billing, Invoices.'));

    // The parent opens her request again: the reply is there, the note is not; the email too.
    await parent.goto(ticketUrl);
    await visible(parent.getByText('Your November invoice is under Billing, Invoices.'));
    await visible(parent.getByText('Waiting for you'));
    expect(await parent.getByText('generated on the 3rd').count()).toBe(0);
    await checkPage(parent, 'help-detail', { phone: true });
    const email = await new OutboxReader(server.dataDir).waitFor('parent.demo@example.com', {
      template: 'ticket-reply',
    });
    expect(email.text).toContain('Your November invoice is under Billing, Invoices.');
    expect(email.text).not.toContain('generated on the 3rd');

    // The parent answers under Help; the agent's open ticket shows it at once, announced.
    await parent.getByLabel('Your reply').fill('Found it, thank you!');
    await parent.getByRole('button', { name: 'Send reply' }).click();
    await visible(agent.locator('app-ticket-thread').getByText('Found it, thank you!'));
    await visible(agent.locator('[aria-live="polite"]').getByText(/^CC-\d+: the requester replied\.$/));

    await agent.getByRole('tab', { name: 'Stats' }).click();
    await visible(heading(agent, 'Support stats'));
    await visible(agent.getByText('median first response'));
    await visible(heading(agent, 'Response and resolution times per UK day'));
    await agent.getByText('The figures as a table').click();
    await visible(agent.getByRole('columnheader', { name: 'First response (average)' }));
    await checkPage(agent, 'support-stats');
    expect(parentErrors).toEqual([]);
    expect(agentErrors).toEqual([]);
  });

  it('a visitor writes from the contact page linked in the footer and gets a reference', async () => {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Contact us' }).click();
    await visible(heading(page, 'Contact us'));
    await page.getByLabel('Your name').fill('Hannah Price');
    await page.getByLabel('Email address').fill('hannah.visitor@example.com');
    await page.getByRole('combobox', { name: 'What is it about?' }).click();
    await page.getByRole('option', { name: 'Something else' }).click();
    await page.getByLabel('Subject').fill('Welsh registrations');
    await page.getByLabel('Message').fill('Do Care Inspectorate Wales registrations count on your site?');
    await checkPage(page, 'contact', { phone: true });
    await page.getByRole('button', { name: 'Send message' }).click();
    await visible(page.getByText(/Your reference is CC-\d+/));
    const email = await new OutboxReader(server.dataDir).waitFor('hannah.visitor@example.com', {
      template: 'ticket-received',
    });
    expect(email.subject).toMatch(/CC-\d+/);
  });
});
