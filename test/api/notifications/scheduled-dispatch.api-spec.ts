import { JobOutcome, JobRun } from '@app/modules/jobs/entities/job-run.entity';
import { OutboxStatus } from '@app/modules/notifications/entities/email-outbox.entity';
import { EMAIL_DISPATCH_JOB } from '@app/modules/notifications/email/email-dispatch.job';
import { EmailDispatcher } from '@app/modules/notifications/email/email-dispatcher';
import { eventually } from '../../support/eventually';
import { startTestApp, TestApp } from '../../support/test-app';
import { ownDatabase } from './own-database';

describe('The scheduler, with no mail service configured', () => {
  let database: Awaited<ReturnType<typeof ownDatabase>>;
  let api: TestApp;

  beforeAll(async () => {
    database = await ownDatabase();
    // The product as it starts by default: scheduler on, outbox-only transport.
    api = await startTestApp({ DATABASE_URL: database.url, JOBS_ENABLED: 'true' });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('sends a queued email within seconds on its own, and the email stays readable in the outbox', async () => {
    const { email } = await api.given.parent();
    expect((await api.http().post('/api/auth/forgot-password').send({ email })).status).toBe(202);

    await eventually(
      'the queued email to be sent',
      async () => {
        expect(await api.outbox.latest(email, 'password-reset')).toMatchObject({
          status: OutboxStatus.Sent,
          attempts: 1,
        });
        return true;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    const sent = await api.outbox.latest(email, 'password-reset');
    expect(sent.subject).toBe('Reset your password');
    expect(sent.text).toMatch(/http:\/\/localhost:4200\/reset-password\?token=/);

    const runs = await api.dataSource.getRepository(JobRun).find({ where: { name: EMAIL_DISPATCH_JOB } });
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0]).toMatchObject({
      outcome: JobOutcome.Succeeded,
      summary: { sent: 1, retrying: 0, dead: 0, deferred: 0 },
    });

    // Ticks with nothing to send leave no trace in the job history: wait for the next tick to
    // have asked and found nothing due.
    const asked = jest.spyOn(api.app.get(EmailDispatcher, { strict: false }), 'hasDue');
    await eventually(
      'the next scheduler tick',
      async () => {
        const answers = await Promise.all(asked.mock.results.map((result) => result.value as Promise<boolean>));
        return answers.includes(false) ? true : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    asked.mockRestore();
    expect(await api.dataSource.getRepository(JobRun).count({ where: { name: EMAIL_DISPATCH_JOB } })).toBe(runs.length);
  });
});
