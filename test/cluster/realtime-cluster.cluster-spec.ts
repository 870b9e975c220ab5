import { PlanKey } from '@app/modules/subscriptions/plans';
import { Account, call, grantPlan, LiveClients, registerAndSignIn, repeated } from './support/clients';
import { AppInstance, Cluster } from './support/cluster';
import { eventually } from './support/processes';

const PARENT_SEND = '/api/dashboard/parent/messages/send';
const MINDER_SEND = '/api/dashboard/childminder/messages/send';
const INBOX = '/api/dashboard/childminder/messages';

/**
 * Two processes of the built server on one MariaDB database and one Redis (the test's own, so
 * that it can be stopped and started again). A parent writes to a childminder whose SSE stream
 * and socket.io connection are on instance two (SSE crosses by Redis pub/sub, socket.io by the
 * Redis adapter), and the stories follow one cluster through Redis going away and coming back,
 * in order.
 */
describe('A cluster of two app processes sharing MariaDB and Redis', () => {
  const cluster = new Cluster();
  let parent: Account;
  let minder: Account;
  /** The childminder's live clients, connected to instance two for the whole run. */
  let minderOnTwo: LiveClients | undefined;
  /** The parent's live clients, connected to instance one while Redis is away. */
  let parentOnOne: LiveClients | undefined;

  /** The parent writes to the childminder (or, with `from: 'minder'`, the childminder replies). */
  const send = async (through: AppInstance, text: string, from: 'parent' | 'minder' = 'parent') => {
    const [path, sender, recipient] = from === 'parent' ? [PARENT_SEND, parent, minder] : [MINDER_SEND, minder, parent];
    const sent = await call(through.baseUrl, 'POST', path, {
      headers: sender.auth,
      body: { recipientId: recipient.id, text },
    });
    expect({ status: sent.status, body: sent.body }).toMatchObject({ status: 201 });
  };

  /** No client received any event twice, over either connection. */
  const expectNoRepeats = (...clients: (LiveClients | undefined)[]) => {
    for (const c of clients) {
      expect({ sse: repeated(c!.sseEventIds), socket: repeated(c!.socketEventIds) }).toEqual({ sse: {}, socket: {} });
    }
  };

  /** Both processes still run, with their output in the failure message if one does not. */
  const expectBothRunning = () => {
    const { one, two } = cluster.require();
    expect({ one: one.ending ?? 'running', two: two.ending ?? 'running' }).toEqual({ one: 'running', two: 'running' });
  };

  beforeAll(async () => {
    await cluster.start();
    const { one, two, dataSource } = cluster.require();
    parent = await registerAndSignIn(one.baseUrl, dataSource, 'parent', 'Priya');
    minder = await registerAndSignIn(two.baseUrl, dataSource, 'childminder', 'Mina');
    // Starting a conversation needs the Plus plan.
    await grantPlan(dataSource, parent.id, PlanKey.ParentPlus);
    minderOnTwo = await LiveClients.connect(two.baseUrl, minder);
    // Two server starts (the first migrates an empty database) on a busy CI machine.
  }, 240_000);

  afterAll(async () => {
    minderOnTwo?.close();
    parentOnOne?.close();
    await cluster.stop();
  });

  /** A story whose failure message ends with what the two servers printed lately. */
  const story = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      try {
        await fn();
      } catch (error) {
        if (error instanceof Error) error.message += `\n\nServer output:\n${cluster.output()}`;
        throw error;
      }
    });

  story(
    'a message sent through instance one reaches an SSE client and a socket.io client on instance two',
    async () => {
      const { one } = cluster.require();
      await send(one, 'Hello from instance one');
      await minderOnTwo!.received('Hello from instance one');
      // Delivered once per connection, not once per path through the cluster.
      expect(minderOnTwo!.overSse).toEqual(['Hello from instance one']);
      expect(minderOnTwo!.overSocket).toEqual(['Hello from instance one']);
    },
  );

  story(
    'with Redis stopped, both instances keep answering and instance two still delivers to its own clients',
    async () => {
      const { one, two, redis } = cluster.require();
      await redis.kill();

      // Both stay in rotation, reporting Redis as down rather than failing.
      for (const instance of [one, two]) {
        const health = await eventually(`${instance.name} to report Redis down`, async () => {
          const h = await instance.health();
          return h.checks.redis === 'down' ? h : undefined;
        });
        expect(health).toEqual({ status: 'degraded', checks: { database: 'up', redis: 'down' } });
      }
      const inboxOnOne = await call(one.baseUrl, 'GET', INBOX, { headers: minder.auth });
      expect(inboxOnOne.status).toBe(200);

      await send(two, 'Sent through instance two while Redis is down');
      await minderOnTwo!.received('Sent through instance two while Redis is down');
      expect(minderOnTwo!.socket.connected).toBe(true);

      // New connections are served too: the parent connects to instance one and gets a reply sent there.
      parentOnOne = await LiveClients.connect(one.baseUrl, parent);
      await send(one, 'A reply through instance one while Redis is down', 'minder');
      await parentOnOne.received('A reply through instance one while Redis is down');

      // The parent's own clients on instance one see their message; the childminder's on instance
      // two cannot yet, with no Redis between the instances.
      await send(one, 'Sent through instance one while Redis is down');
      await parentOnOne.received('Sent through instance one while Redis is down');
      expect(minderOnTwo!.overSse).not.toContain('Sent through instance one while Redis is down');
      expect(minderOnTwo!.overSocket).not.toContain('Sent through instance one while Redis is down');
      expectBothRunning();
    },
  );

  story(
    'with Redis back on the same port, what instance one published meanwhile reaches instance two live, once, and fan-out resumes',
    async () => {
      const { one, two, redis } = cluster.require();
      await redis.start();
      // Reconnecting is ioredis's back-off, not ours to time: wait for it, then expect delivery.
      await cluster.joined(30_000);

      // Caught up from the event store, on the connections that stayed open all along.
      await minderOnTwo!.received('A reply through instance one while Redis is down');
      await minderOnTwo!.received('Sent through instance one while Redis is down');

      await send(one, 'Instance one again, after Redis came back');
      await minderOnTwo!.received('Instance one again, after Redis came back');
      await send(two, 'Instance two again, after Redis came back', 'minder');
      await parentOnOne!.received('Instance two again, after Redis came back');

      expect(minderOnTwo!.overSse).toEqual([
        'Hello from instance one',
        'Sent through instance two while Redis is down',
        'A reply through instance one while Redis is down',
        'Sent through instance one while Redis is down',
        'Instance one again, after Redis came back',
        'Instance two again, after Redis came back',
      ]);
      expect(minderOnTwo!.overSocket).toEqual(minderOnTwo!.overSse);
      expect(parentOnOne!.overSse).toEqual([
        'A reply through instance one while Redis is down',
        'Sent through instance one while Redis is down',
        'Instance one again, after Redis came back',
        'Instance two again, after Redis came back',
      ]);
      expect(parentOnOne!.overSocket).toEqual(parentOnOne!.overSse);
      expectNoRepeats(minderOnTwo, parentOnOne);
      expect([minderOnTwo!.socket.connected, parentOnOne!.socket.connected]).toEqual([true, true]);
      expectBothRunning();
    },
  );
});
