import { EmailDispatcher } from '@app/modules/notifications/email/email-dispatcher';
import { OutboxStatus } from '@app/modules/notifications/entities/email-outbox.entity';
import { GraphFake } from '../../fakes/graph-fake';
import { startTestApp, TestApp } from '../../support/test-app';
import { ownDatabase } from './own-database';

describe('An email that cannot be delivered', () => {
  let graph: GraphFake;
  let database: Awaited<ReturnType<typeof ownDatabase>>;
  let api: TestApp;
  let dispatcher: EmailDispatcher;

  beforeAll(async () => {
    graph = await GraphFake.start();
    database = await ownDatabase();
    api = await startTestApp({ ...graph.env(), DATABASE_URL: database.url, MAIL_MAX_ATTEMPTS: '2' });
    dispatcher = api.app.get(EmailDispatcher);
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
    await database?.drop();
  });

  it('is marked dead after the allowed attempts and is not sent when the service comes back', async () => {
    const { email } = await api.given.parent();
    graph.down('drop');
    expect((await api.http().post('/api/auth/forgot-password').send({ email })).status).toBe(202);

    const first = new Date();
    expect(await dispatcher.dispatchDue(first)).toMatchObject({ retrying: 1, dead: 0 });
    let row = await api.outbox.latest(email, 'password-reset');
    expect(row).toMatchObject({ status: OutboxStatus.Pending, attempts: 1 });
    // No token is cached yet, so it is the token request that finds the service gone.
    expect(row.lastError).toMatch(/^Could not reach the Microsoft identity platform: fetch failed \(\w+\)$/);

    const second = new Date(row.nextAttemptAt.getTime() + 1);
    expect(await dispatcher.dispatchDue(second)).toMatchObject({ retrying: 0, dead: 1 });
    row = await api.outbox.latest(email, 'password-reset');
    expect(row).toMatchObject({ status: OutboxStatus.Dead, attempts: 2, sentAt: null });
    expect(row.lastError).toBeTruthy();

    graph.up();
    expect(await dispatcher.dispatchDue(new Date(second.getTime() + 86_400_000))).toMatchObject({ sent: 0 });
    expect(graph.messages).toHaveLength(0);
    expect((await api.outbox.latest(email, 'password-reset')).status).toBe(OutboxStatus.Dead);
  });
});
