import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { dataSourceOptions } from '@app/database/data-source-options';
import { Message } from '@app/modules/messaging/entities/message.entity';
import { PlanKey } from '@app/modules/subscriptions/plans';
import { eventually } from '../cluster/support/processes';
import type { SignedInUser } from '../factories/given';
import { PrivateMariaDb } from '../support/private-mariadb';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(240_000);

/** 'starting': the database is coming back; answers then may be either, so they count for neither. */
type Phase = 'up' | 'down' | 'starting' | 'back';
interface Answer {
  phase: Phase | 'changing';
  kind: 'send' | 'read' | 'public';
  status: number;
  code?: string;
  retryAfter?: string;
  messageId?: string;
}

/**
 * The database goes away while a parent is writing to a childminder: nobody is signed out,
 * signed-in and public requests answer 503 with a code and Retry-After, nothing acknowledged is
 * lost, and service comes back as soon as the database does. The app runs on a MariaDB of this
 * test's own, which it kills (as a crash would) and starts again.
 */
describe('A database outage does not sign anybody out', () => {
  let db: PrivateMariaDb;
  let api: TestApp;
  let parent: SignedInUser;
  let minder: SignedInUser;

  beforeAll(async () => {
    db = await PrivateMariaDb.start();
    const name = `cmc_outage_${randomUUID().slice(0, 8)}`;
    await db.createDatabase(name);
    const url = db.url(name);
    const migrator = new DataSource(
      dataSourceOptions({ type: 'mysql', url: url.replace(/^mariadb:/, 'mysql:'), flavour: 'mariadb' }),
    );
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    api = await startTestApp({ DATABASE_URL: url });
    parent = await api.given.signedIn(Role.Parent, { plan: PlanKey.ParentPlus });
    minder = await api.given.signedIn(Role.Childminder);
  });
  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  it('answers 503 with Retry-After while it is down, loses nothing acknowledged and is back at once', async () => {
    let phase: Phase = 'up';
    let running = true;
    const answers: Answer[] = [];
    let sequence = 0;

    /** Classified by the phase it was sent in: a request in flight across a change is not counted for either. */
    const record = (
      kind: Answer['kind'],
      sentIn: Phase,
      response: { status: number; body: unknown; headers: object },
    ) => {
      const body = (response.body ?? {}) as { code?: string; message?: { id?: string } };
      const headers = response.headers as Record<string, string | undefined>;
      answers.push({
        phase: sentIn === phase && phase !== 'starting' ? phase : 'changing',
        kind,
        status: response.status,
        code: body.code,
        retryAfter: headers['retry-after'],
        messageId: kind === 'send' && response.status === 201 ? body.message?.id : undefined,
      });
    };
    const loop = async (kind: Answer['kind']) => {
      while (running) {
        const sentIn = phase;
        if (kind === 'send') {
          const text = `Message ${++sequence}`;
          record(
            kind,
            sentIn,
            await api
              .http()
              .post('/api/dashboard/parent/messages/send')
              .set(parent.auth)
              .send({ recipientId: minder.user.id, text }),
          );
        } else if (kind === 'read') {
          record(kind, sentIn, await api.http().get('/api/users/me').set(parent.auth));
        } else {
          record(kind, sentIn, await api.http().get('/api/childminders/search').query({ postcode: 'SW1A 1AA' }));
        }
      }
    };
    const seen = (which: Phase, kind: Answer['kind'], status: number, atLeast = 3) =>
      answers.filter((a) => a.phase === which && a.kind === kind && a.status === status).length >= atLeast
        ? true
        : undefined;

    const load = Promise.all([loop('send'), loop('send'), loop('read'), loop('public')]);
    try {
      await eventually('messages to go through while the database is up', () => seen('up', 'send', 201));

      await db.kill();
      phase = 'down';
      for (const kind of ['send', 'read', 'public'] as const) {
        await eventually(`503s for ${kind} requests while the database is down`, () => seen('down', kind, 503), {
          timeoutMs: 60_000,
        });
      }

      phase = 'starting';
      await db.start();
      phase = 'back';
      for (const [kind, status] of [
        ['send', 201],
        ['read', 200],
        ['public', 200],
      ] as const) {
        await eventually(`${kind} requests to succeed again`, () => seen('back', kind, status, 1), {
          timeoutMs: 30_000,
        });
      }
    } finally {
      running = false;
      await load;
    }

    // Nobody was told their session had ended, and nothing crashed.
    const wrong = answers.filter((a) => a.status === 401 || (a.status >= 500 && a.status !== 503));
    expect(wrong).toEqual([]);
    // While it was down every answer was a 503 that says what happened and when to try again.
    const down = answers.filter((a) => a.phase === 'down');
    expect(down.filter((a) => a.status !== 503)).toEqual([]);
    expect(new Set(down.map((a) => `${a.code} ${a.retryAfter}`))).toEqual(new Set(['SERVICE_UNAVAILABLE 5']));
    // The same access token still works afterwards: the session survived.
    expect((await api.http().get('/api/auth/session').set(parent.auth)).status).toBe(200);
    // Every message the server acknowledged is stored.
    const acknowledged = answers.flatMap((a) => (a.messageId ? [a.messageId] : []));
    const stored = await api.dataSource.getRepository(Message).count({ where: { id: In(acknowledged) } });
    expect(stored).toBe(acknowledged.length);
  });
});
