import { IsNull } from 'typeorm';
import { ActivityType } from '@app/modules/activity/activity-type';
import { UserActivity } from '@app/modules/activity/entities/user-activity.entity';
import { AccountToken } from '@app/modules/auth/entities/account-token.entity';
import { User } from '@app/modules/users/entities/user.entity';
import { testDialect } from '../../../scripts/db-scratch';
import { uniqueEmail } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(120_000);

/** Each burst is sent a few times: one burst may happen not to interleave. */
const ROUNDS = 3;

const registration = (email: string, firstName = 'Sam') => ({
  acceptPrivacyNotice: true,
  email,
  password: 'a long family password',
  firstName,
  lastName: 'Okafor',
  role: 'parent',
});

/**
 * Many people sign up at the same moment, through two instances sharing one MariaDB database
 * (on SQLite, through the one instance that owns the file). Each gets their account and their
 * confirmation email; nobody sees a server error because someone else signed up at that instant.
 */
describe('Many people registering at the same moment', () => {
  let api: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    other = testDialect() === 'mysql' ? await startTestApp() : api;
  });
  afterAll(async () => {
    if (other !== api) await other.close();
    await api.close();
  });

  const instance = (i: number) => (i % 2 === 0 ? api : other);

  it.each(Array.from({ length: ROUNDS }, (_, round) => [round + 1]))(
    '20 different addresses at once each get an account and one confirmation email (round %i)',
    async () => {
      const emails = Array.from({ length: 20 }, (_, i) => uniqueEmail(`burst${i}`));
      const responses = await Promise.all(
        emails.map((email, i) => instance(i).http().post('/api/auth/register').send(registration(email))),
      );

      expect(responses.map((r) => [r.status, r.status === 201 ? '' : JSON.stringify(r.body)])).toEqual(
        emails.map(() => [201, '']),
      );
      for (const [i, email] of emails.entries()) {
        expect(responses[i]!.body.user).toMatchObject({ email, emailVerified: false });
        const accounts = await api.dataSource.getRepository(User).findBy({ email });
        expect(accounts).toHaveLength(1);
        const emailsSent = await api.outbox.to(email);
        expect(emailsSent.map((e) => e.template)).toEqual(['verify-email']);
        expect(
          await api.dataSource.getRepository(AccountToken).countBy({ userId: accounts[0]!.id, usedAt: IsNull() }),
        ).toBe(1);
        expect(
          await api.dataSource
            .getRepository(UserActivity)
            .countBy({ userId: accounts[0]!.id, type: ActivityType.Registered }),
        ).toBe(1);
      }
    },
  );

  it.each(Array.from({ length: ROUNDS }, (_, round) => [round + 1]))(
    'five registrations for one address at once: one account, the others a clear 409 naming the email (round %i)',
    async () => {
      const email = uniqueEmail('twice');
      const responses = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          instance(i)
            .http()
            .post('/api/auth/register')
            .send(registration(i % 2 === 0 ? email : email.toUpperCase(), `Try${i}`)),
        ),
      );

      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409]);
      for (const refused of responses.filter((r) => r.status === 409)) {
        expect(refused.headers['content-type']).toMatch(/application\/json/);
        expect(refused.body).toMatchObject({
          statusCode: 409,
          code: 'EMAIL_TAKEN',
          details: [{ field: 'email', message: 'An account with this email address already exists' }],
        });
      }
      const accounts = await api.dataSource.getRepository(User).findBy({ email });
      expect(accounts).toHaveLength(1);
      const winner = responses.find((r) => r.status === 201)!;
      expect(winner.body.user).toMatchObject({ id: accounts[0]!.id, email });
      expect((await api.outbox.to(email)).map((e) => e.template)).toEqual(['verify-email']);
    },
  );
});
