import { EmailDispatcher } from '@app/modules/notifications/email/email-dispatcher';
import { OutboxStatus } from '@app/modules/notifications/entities/email-outbox.entity';
import { GraphFake, ReceivedMail } from '../../fakes/graph-fake';
import { startTestApp, TestApp } from '../../support/test-app';
import { ownDatabase } from './own-database';

/** The reset link in an email as the recipient's mail client shows it. */
function resetLinkIn(mail: ReceivedMail): URL {
  const href = /href="([^"]*\/reset-password\?[^"]*)"/.exec(mail.message.body.content)?.[1];
  if (!href) throw new Error(`No reset link in "${mail.message.subject}"`);
  return new URL(href.replace(/&amp;/g, '&'));
}

describe('Emails travel through Microsoft Graph', () => {
  let graph: GraphFake;
  let database: Awaited<ReturnType<typeof ownDatabase>>;
  let api: TestApp;
  let dispatcher: EmailDispatcher;

  beforeAll(async () => {
    graph = await GraphFake.start({ mailbox: 'hello@childminder-connect.test' });
    database = await ownDatabase();
    api = await startTestApp({ ...graph.env(), DATABASE_URL: database.url });
    dispatcher = api.app.get(EmailDispatcher);
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
    await database?.drop();
  });

  it('a parent who forgot their password gets the reset link from our mailbox, and the link works once', async () => {
    const { email } = await api.given.parent({ firstName: 'Amara', lastName: 'Okafor' });

    const asked = await api.http().post('/api/auth/forgot-password').send({ email });
    expect(asked.status).toBe(202);
    // The request only queues the email; sending happens after commit, from the outbox.
    expect(graph.messages).toHaveLength(0);

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retrying: 0, dead: 0, deferred: 0 });
    expect(graph.messages).toHaveLength(1);
    const [mail] = graph.messages as [ReceivedMail];
    expect(mail.mailbox).toBe('hello@childminder-connect.test');
    expect(mail.message.from?.emailAddress.address).toBe('hello@childminder-connect.test');
    expect(mail.message.toRecipients).toEqual([{ emailAddress: { address: email, name: 'Amara Okafor' } }]);
    expect(mail.message.subject).toBe('Reset your password');
    expect(mail.message.body.contentType).toBe('HTML');
    expect(mail.message.body.content).toContain('Hello Amara,');
    expect(mail.saveToSentItems).toBe(false);

    const outboxRow = await api.outbox.latest(email, 'password-reset');
    expect(outboxRow).toMatchObject({ status: OutboxStatus.Sent, attempts: 1 });
    expect(outboxRow.sentAt).toBeInstanceOf(Date);
    expect(mail.message.internetMessageHeaders).toContainEqual({ name: 'X-CMC-Outbox-Id', value: outboxRow.id });

    const link = resetLinkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe('http://localhost:4200/reset-password');
    const token = link.searchParams.get('token')!;
    const reset = await api
      .http()
      .post('/api/auth/reset-password')
      .send({ token, password: 'a brand new family password' });
    expect(reset.status).toBe(200);

    const withNew = await api.http().post('/api/auth/login').send({ email, password: 'a brand new family password' });
    expect(withNew.status).toBe(200);
    const withOld = await api.http().post('/api/auth/login').send({ email, password: 'correct horse battery staple' });
    expect(withOld.status).toBe(401);

    const again = await api
      .http()
      .post('/api/auth/reset-password')
      .send({ token, password: 'yet another family password' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_TOKEN');

    // The confirmation that the password changed follows the same way, with the cached token.
    expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 1 });
    expect(graph.messagesTo(email).map((m) => m.message.subject)).toEqual([
      'Reset your password',
      'Your password was changed',
    ]);
    expect(graph.tokensIssued).toHaveLength(1);
  });

  it('an email survives the mail service being down and is sent exactly once when it is back', async () => {
    const { email } = await api.given.parent();
    graph.down('unavailable');

    expect((await api.http().post('/api/auth/forgot-password').send({ email })).status).toBe(202);
    const now = new Date();
    expect(await dispatcher.dispatchDue(now)).toEqual({ sent: 0, retrying: 1, dead: 0, deferred: 0 });

    let row = await api.outbox.latest(email, 'password-reset');
    expect(row.status).toBe(OutboxStatus.Pending);
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/503/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(graph.messagesTo(email)).toHaveLength(0);
    expect(graph.refusedWhileDown).toBeGreaterThan(0);

    graph.up();
    // Back up, but the retry is not due yet: the outbox waits as scheduled.
    expect(await dispatcher.dispatchDue(now)).toMatchObject({ sent: 0 });
    expect(graph.messagesTo(email)).toHaveLength(0);

    const later = new Date(row.nextAttemptAt.getTime() + 1_000);
    expect(await dispatcher.dispatchDue(later)).toEqual({ sent: 1, retrying: 0, dead: 0, deferred: 0 });
    expect(graph.messagesTo(email)).toHaveLength(1);
    expect(graph.messagesTo(email)[0]!.message.subject).toBe('Reset your password');
    row = await api.outbox.latest(email, 'password-reset');
    expect(row).toMatchObject({ status: OutboxStatus.Sent, attempts: 2 });

    await dispatcher.dispatchDue(new Date(later.getTime() + 3_600_000));
    await dispatcher.dispatchDue(new Date(later.getTime() + 86_400_000));
    expect(graph.messagesTo(email)).toHaveLength(1);
  });
});
