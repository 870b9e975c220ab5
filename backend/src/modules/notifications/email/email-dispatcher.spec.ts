import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config/app-config';
import { dataSourceOptions } from '@app/database/data-source-options';
import { EmailOutbox, OutboxStatus } from '../entities/email-outbox.entity';
import { EmailDispatcher } from './email-dispatcher';
import { EmailOutboxRepository } from './email-outbox.repository';
import { EmailOutboxService } from './email-outbox.service';
import { MailTransport, OutgoingEmail } from './transport/mail-transport';

/** A transport that delivers into an array, or fails for the addresses told to. */
class RecordingTransport extends MailTransport {
  readonly name = 'recording';
  readonly delivered: OutgoingEmail[] = [];
  failFor = new Set<string>();

  async send(email: OutgoingEmail): Promise<void> {
    if (this.failFor.has(email.to)) throw new Error(`Mailbox for ${email.to} is unavailable`);
    this.delivered.push(email);
  }
}

// The embedded default (SQLite) with the real migrations; MariaDB is covered by test/api/notifications.
describe(EmailDispatcher.name, () => {
  let dataSource: DataSource;
  let transport: RecordingTransport;
  let dispatcher: EmailDispatcher;
  let outbox: EmailOutboxService;
  const start = new Date('2026-03-01T10:00:00.000Z');

  beforeAll(() => Logger.overrideLogger(false)); // failures are expected here; their logs are noise
  beforeEach(async () => {
    dataSource = new DataSource(dataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    const repository = new EmailOutboxRepository(dataSource.getRepository(EmailOutbox));
    transport = new RecordingTransport();
    const config = { mail: { transport: 'outbox', fromName: 'Childminder Connect', maxAttempts: 3 } } as AppConfig;
    dispatcher = new EmailDispatcher(repository, transport, config);
    outbox = new EmailOutboxService(repository);
  });
  afterEach(() => dataSource.destroy());

  const queue = async (to: string, at: Date) => {
    const row = await dataSource.transaction((manager) =>
      outbox.enqueue(manager, {
        to,
        template: 'verify-email',
        variables: { firstName: 'Sam', link: 'http://localhost/verify-email?token=t' },
      }),
    );
    await dataSource.getRepository(EmailOutbox).update(row.id, { nextAttemptAt: at });
    return row.id;
  };
  const row = (id: string) => dataSource.getRepository(EmailOutbox).findOneByOrFail({ id });

  describe('dispatchDue', () => {
    it('sends due emails oldest first, marks them sent, and leaves emails not yet due', async () => {
      const second = await queue('second@example.com', new Date(start.getTime() - 1_000));
      const first = await queue('first@example.com', new Date(start.getTime() - 5_000));
      const later = await queue('later@example.com', new Date(start.getTime() + 1_000));

      expect(await dispatcher.dispatchDue(start)).toEqual({ sent: 2, retrying: 0, dead: 0, deferred: 0 });
      expect(transport.delivered.map((e) => e.to)).toEqual(['first@example.com', 'second@example.com']);
      expect(transport.delivered[0]).toMatchObject({ id: first, subject: 'Confirm your email address' });
      expect(await row(first)).toMatchObject({ status: OutboxStatus.Sent, attempts: 1, lastError: null });
      expect((await row(second)).sentAt).toBeInstanceOf(Date);
      expect(await row(later)).toMatchObject({ status: OutboxStatus.Pending, attempts: 0 });
      expect(await dispatcher.hasDue(start)).toBe(false);
    });

    it('schedules a failed email for later with backoff, and leaves the rest of the batch for the next dispatch', async () => {
      const failing = await queue('down@example.com', new Date(start.getTime() - 2_000));
      const waiting = await queue('fine@example.com', new Date(start.getTime() - 1_000));
      transport.failFor.add('down@example.com');

      expect(await dispatcher.dispatchDue(start)).toEqual({ sent: 0, retrying: 1, dead: 0, deferred: 1 });
      expect(await row(failing)).toMatchObject({
        status: OutboxStatus.Pending,
        attempts: 1,
        nextAttemptAt: new Date('2026-03-01T10:00:30.000Z'),
        lastError: 'Mailbox for down@example.com is unavailable',
      });
      expect(await row(waiting)).toMatchObject({ status: OutboxStatus.Pending, attempts: 0 });

      // The next dispatch finds the other email due and the failed one not yet.
      expect(await dispatcher.dispatchDue(new Date(start.getTime() + 5_000))).toMatchObject({ sent: 1, retrying: 0 });
      expect(transport.delivered.map((e) => e.to)).toEqual(['fine@example.com']);

      const secondTry = await dispatcher.dispatchDue(new Date('2026-03-01T10:00:30.000Z'));
      expect(secondTry).toMatchObject({ retrying: 1 });
      expect(await row(failing)).toMatchObject({ attempts: 2, nextAttemptAt: new Date('2026-03-01T10:01:30.000Z') });
    });

    it('marks an email dead when its last allowed attempt fails, and never tries it again', async () => {
      const id = await queue('gone@example.com', start);
      transport.failFor.add('gone@example.com');
      let now = start;
      for (const expected of ['retrying', 'retrying', 'dead'] as const) {
        expect(await dispatcher.dispatchDue(now)).toMatchObject({ [expected]: 1 });
        now = new Date(now.getTime() + 3_600_000);
      }
      expect(await row(id)).toMatchObject({ status: OutboxStatus.Dead, attempts: 3, sentAt: null });

      transport.failFor.clear();
      expect(await dispatcher.dispatchDue(new Date(now.getTime() + 86_400_000))).toMatchObject({ sent: 0 });
      expect(transport.delivered).toHaveLength(0);
    });
  });
});
