import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role, STAFF_ROLES } from '@app/common/auth/role';
import { dataSourceOptions } from '@app/database/data-source-options';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { SettingsService } from '@app/modules/settings/settings.service';
import { ReplyAuthorSide } from '@app/modules/support/entities/support-ticket-reply.entity';
import { SupportTicket, TicketCategory, TicketStatus } from '@app/modules/support/entities/support-ticket.entity';
import { SupportService } from '@app/modules/support/support.service';
import { RealtimeService } from '@app/modules/realtime/realtime.service';
import { discoverRoutes } from '../../authz/route-table';
import { uniqueEmail } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

export type Dialect = 'mariadb' | 'sqlite';

/** Boots the app on the run's MariaDB database, or on a freshly migrated SQLite file of its own. */
export async function bootOn(dialect: Dialect, env: Record<string, string> = {}): Promise<TestApp> {
  if (dialect === 'mariadb') return startTestApp(env);
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-support-sqlite-'));
  const migrator = new DataSource(
    dataSourceOptions({ type: 'sqlite', path: join(dataDir, 'childminder-connect.sqlite') }),
  );
  await migrator.initialize();
  await migrator.runMigrations();
  await migrator.destroy();
  const api = await startTestApp({ DATABASE_URL: '', DATA_DIR: dataDir, ...env });
  const close = api.close;
  return {
    ...api,
    close: async () => {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A different client address per call (the app trusts X-Forwarded-For in these stories). */
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
/** Letters only, so the search indexes treat it as one word that no other test writes. */
const uniqueWord = (prefix: string) =>
  prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('');

const newTicket = (category = 'booking') => ({
  subject: 'My booking request disappeared',
  body: 'I sent a booking request yesterday and I cannot find it any more.',
  category,
});

/** The ticket stories, run on each dialect by the spec files beside this one. */
export function supportStories(dialect: Dialect): void {
  describe(`Support tickets (${dialect})`, () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await bootOn(dialect, { TRUST_PROXY: 'true' });
    });
    afterAll(() => api?.close());

    it('a parent asks for help, an agent answers with an internal note beside, the parent reopens and closes it', async () => {
      const parent = await api.given.signedIn(Role.Parent, { firstName: 'Priya' });
      const agent = await api.given.signedIn(Role.SupportAgent, { firstName: 'Sam' });
      const secret = uniqueWord('secretnote');

      const created = await api.http().post('/api/dashboard/parent/support').set(parent.auth).send(newTicket());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'open', priority: 'normal', category: 'booking' });
      expect(created.body.number).toMatch(/^CC-\d{4,}$/);
      const id = created.body.id as string;
      const confirmation = await api.outbox.latest(parent.email, 'ticket-received');
      expect(confirmation.text).toContain(created.body.number);

      // The agent finds it in the inbox, takes it and tags it: history and audit log record it.
      const inbox = await api.http().get('/api/admin/support?assignee=none&status=open&pageSize=100').set(agent.auth);
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.map((t: { id: string }) => t.id)).toContain(id);
      const taken = await api
        .http()
        .patch(`/api/admin/support/${id}`)
        .set(agent.auth)
        .send({ assigneeId: agent.user.id, tags: ['Bookings', 'lost'], note: `Checked the logs: ${secret}` });
      expect(taken.status).toBe(200);
      expect(taken.body.ticket.assignee).toEqual({ id: agent.user.id, name: 'Sam support agent' });
      expect(taken.body.ticket.tags).toEqual(['bookings', 'lost']);
      expect(taken.body.replies).toEqual([expect.objectContaining({ internal: true })]);
      // One change of several fields: its history entries share an instant.
      expect(taken.body.history.map((e: { type: string }) => e.type).sort()).toEqual(['assignee', 'created', 'tags']);

      const internal = await api
        .http()
        .post(`/api/tickets/${id}/replies`)
        .set(agent.auth)
        .send({ body: `Second note: ${secret}`, internal: true });
      expect(internal.status).toBe(201);
      const answer = await api
        .http()
        .post(`/api/tickets/${id}/replies`)
        .set(agent.auth)
        .send({ body: 'Found it: your request is under Bookings, waiting for the childminder.' });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ side: 'agent', internal: false, authorName: 'Sam (Support)' });

      // Every requester-facing view shows the public reply and no internal note.
      const views = await Promise.all([
        api.http().get(`/api/dashboard/parent/support/${id}`).set(parent.auth),
        api.http().get(`/api/tickets/${id}`).set(parent.auth),
        api.http().get(`/api/tickets/${id}/replies`).set(parent.auth),
        api.http().get('/api/dashboard/parent/support').set(parent.auth),
        api.http().get('/api/tickets').set(parent.auth),
      ]);
      for (const view of views) {
        expect(view.status).toBe(200);
        expect(JSON.stringify(view.body)).not.toContain(secret);
        expect(JSON.stringify(view.body)).not.toContain('"internal"');
      }
      expect(views[0]!.body.ticket.status).toBe('pending');
      expect(views[0]!.body.replies).toEqual([
        expect.objectContaining({ side: 'agent', body: expect.stringContaining('Found it') }),
      ]);
      const replyEmail = await api.outbox.latest(parent.email, 'ticket-reply');
      expect(replyEmail.text).toContain('Found it');
      expect(replyEmail.text).toContain(`/parent/help/${id}`);
      const notifications = await api.http().get('/api/notifications').set(parent.auth);
      expect(notifications.body.items[0]).toMatchObject({ type: 'support.ticket', link: `/parent/help/${id}` });
      const everything = [
        ...(await api.outbox.to(parent.email)),
        ...(await api.dataSource.getRepository(Notification).find({ where: { userId: parent.user.id } })),
      ];
      expect(JSON.stringify(everything)).not.toContain(secret);
      // The agent sees both notes.
      const staffView = await api.http().get(`/api/tickets/${id}/replies`).set(agent.auth);
      expect(staffView.body.items.filter((r: { internal: boolean }) => r.internal)).toHaveLength(2);

      // Resolved; the parent's reply reopens it and tells the assignee.
      await api.http().patch(`/api/admin/support/${id}`).set(agent.auth).send({ status: 'resolved' }).expect(200);
      const again = await api
        .http()
        .post(`/api/tickets/${id}/replies`)
        .set(parent.auth)
        .send({ body: 'It is not there, I am afraid.' });
      expect(again.status).toBe(201);
      expect(again.body).not.toHaveProperty('internal');
      const reopened = await api.http().get(`/api/admin/support/${id}`).set(agent.auth);
      expect(reopened.body.ticket.status).toBe('open');
      expect(reopened.body.ticket.firstResponseAt).not.toBeNull();
      expect(reopened.body.ticket.resolvedAt).toBeNull();
      expect(
        reopened.body.history.filter((e: { type: string }) => e.type === 'status').map((e: { to: string }) => e.to),
      ).toEqual(['pending', 'resolved', 'open']);
      expect((await api.outbox.latest(agent.email, 'ticket-requester-reply')).text).toContain('It is not there');

      // A requester may only close; a closed ticket is read-only.
      const meddling = await api.http().patch(`/api/tickets/${id}`).set(parent.auth).send({ priority: 'urgent' });
      expect(meddling.status).toBe(403);
      expect(meddling.body.code).toBe('TICKET_FIELD_NOT_ALLOWED');
      const sneaky = await api
        .http()
        .post(`/api/tickets/${id}/replies`)
        .set(parent.auth)
        .send({ body: 'note', internal: true });
      expect(sneaky.status).toBe(403);
      expect(sneaky.body.code).toBe('TICKET_INTERNAL_NOTE_NOT_ALLOWED');
      const closed = await api
        .http()
        .patch(`/api/dashboard/parent/support/${id}`)
        .set(parent.auth)
        .send({ status: 'closed' });
      expect(closed.status).toBe(200);
      expect(closed.body.ticket.status).toBe('closed');
      const late = await api
        .http()
        .post(`/api/tickets/${id}/replies`)
        .set(parent.auth)
        .send({ body: 'One more thing' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('TICKET_CLOSED');
      const lateAgent = await api.http().patch(`/api/admin/support/${id}`).set(agent.auth).send({ priority: 'high' });
      expect(lateAgent.status).toBe(409);

      const audited = await api.dataSource
        .getRepository(AuditEntry)
        .find({ where: { subjectId: id, action: 'support.ticket.updated' } });
      expect(audited.length).toBeGreaterThanOrEqual(4);
    });

    it("another parent's or childminder's ticket is 404 everywhere; agents see every ticket", async () => {
      const owner = await api.given.signedIn(Role.Parent);
      const other = await api.given.signedIn(Role.Parent);
      const minder = await api.given.signedIn(Role.Childminder);
      const created = await api.http().post('/api/tickets').set(owner.auth).send(newTicket('account'));
      const id = created.body.id as string;
      for (const [who, path] of [
        [other, `/api/tickets/${id}`],
        [other, `/api/tickets/${id}/replies`],
        [other, `/api/dashboard/parent/support/${id}`],
        [minder, `/api/tickets/${id}`],
      ] as const) {
        const response = await api.http().get(path).set(who.auth);
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('TICKET_NOT_FOUND');
      }
      expect((await api.http().get(`/api/dashboard/childminder/support/${id}`).set(minder.auth)).status).toBe(404);
      const mine = await api.http().get('/api/dashboard/parent/support').set(other.auth);
      expect(mine.body.items).toEqual([]);
      const agent = await api.given.signedIn(Role.SupportAgent);
      const detail = await api.http().get(`/api/tickets/${id}`).set(agent.auth);
      expect(detail.status).toBe(200);
      expect(detail.body.ticket.requester).toMatchObject({ id: owner.user.id, role: 'parent' });
    });

    it('a safeguarding concern is urgent at once and every admin hears about it in the app and by email', async () => {
      const admins = [await api.given.signedIn(Role.Admin), await api.given.signedIn(Role.SuperAdmin)];
      const minder = await api.given.signedIn(Role.Childminder, { firstName: 'Claire' });
      const created = await api
        .http()
        .post('/api/dashboard/childminder/support')
        .set(minder.auth)
        .send({ ...newTicket('safeguarding'), subject: 'A parent left a child unattended' });
      expect(created.status).toBe(201);
      expect(created.body.priority).toBe('urgent');
      for (const admin of admins) {
        const email = await api.outbox.latest(admin.email, 'ticket-safeguarding');
        expect(email.subject).toContain(created.body.number);
        const bell = await api.http().get('/api/notifications').set(admin.auth);
        expect(bell.body.items).toContainEqual(
          expect.objectContaining({ type: 'support.ticket', link: `/support/tickets/${created.body.id}` }),
        );
      }
      const agent = await api.given.signedIn(Role.SupportAgent);
      const urgent = await api
        .http()
        .get('/api/admin/support?priority=urgent&category=safeguarding&pageSize=100')
        .set(agent.auth);
      expect(urgent.body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);
    });

    it('the contact form: a ticket and a confirmation, linked to an existing account; the honeypot stores nothing', async () => {
      const parent = await api.given.signedIn(Role.Parent);
      const form = (email: string) => ({
        name: 'Priya Shah',
        email,
        subject: 'Question about fees',
        message: 'Do childminders set their own hourly rates?',
        category: 'payment',
      });
      const ip = someIp();
      const sent = await api
        .http()
        .post('/api/contact')
        .set('X-Forwarded-For', ip)
        .send(form(parent.email.toUpperCase()));
      expect(sent.status).toBe(201);
      expect(sent.body).toEqual({ received: true, ticketNumber: expect.stringMatching(/^CC-\d+$/) });
      expect((await api.outbox.latest(parent.email, 'ticket-received')).text).toContain(sent.body.ticketNumber);
      const mine = await api.http().get('/api/dashboard/parent/support').set(parent.auth);
      expect(mine.body.items.map((t: { number: string }) => t.number)).toContain(sent.body.ticketNumber);

      const botEmail = uniqueEmail('bot');
      const bot = await api
        .http()
        .post('/api/contact')
        .set('X-Forwarded-For', someIp())
        .send({ ...form(botEmail), website: 'http://spam.example' });
      expect(bot.status).toBe(201);
      expect(bot.body).toEqual({ received: true, ticketNumber: null });
      expect(await api.dataSource.getRepository(SupportTicket).count({ where: { requesterEmail: botEmail } })).toBe(0);
      expect(await api.outbox.to(botEmail)).toEqual([]);

      const invalid = await api
        .http()
        .post('/api/contact')
        .send({ ...form('not-an-email'), category: 'spam' });
      expect(invalid.status).toBe(400);
    });

    it('the contact form is rate limited per email and per IP address', async () => {
      const settings = api.app.get(SettingsService);
      await settings.set('support.contact.maxPerEmail', 2, null);
      await settings.set('support.contact.maxPerIp', 3, null);
      const form = (email: string) => ({
        name: 'Visitor',
        email,
        subject: 'Hello there',
        message: 'Just a question about the service.',
        category: 'other',
      });
      const email = uniqueEmail('visitor');
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await api.http().post('/api/contact').set('X-Forwarded-For', someIp()).send(form(email))).status,
        );
      }
      expect(statuses).toEqual([201, 201, 429]);

      const ip = someIp();
      const fromOneIp: { status: number; body: { code?: string }; headers: Record<string, string> }[] = [];
      for (let i = 0; i < 4; i++) {
        fromOneIp.push(
          await api
            .http()
            .post('/api/contact')
            .set('X-Forwarded-For', ip)
            .send(form(uniqueEmail('ip'))),
        );
      }
      expect(fromOneIp.map((r) => r.status)).toEqual([201, 201, 201, 429]);
      expect(fromOneIp[3]!.body.code).toBe('CONTACT_RATE_LIMITED');
      expect(Number(fromOneIp[3]!.headers['retry-after'])).toBeGreaterThan(0);
      await settings.set('support.contact.maxPerEmail', 3, null);
      await settings.set('support.contact.maxPerIp', 5, null);
    });

    it('admins search subjects, bodies and replies and read the stats of a known period', async () => {
      const support = api.app.get(SupportService);
      const agent = await api.given.signedIn(Role.SupportAgent);
      const admin = await api.given.signedIn(Role.Admin);
      const word = uniqueWord('pram');
      const replyWord = uniqueWord('cot');
      const minute = 60_000;
      const hour = 60 * minute;
      // Three tickets in March 2020, a period no other story writes to.
      const day = (d: number, h = 9) => new Date(Date.UTC(2020, 2, d, h));
      const [first] = await api.dataSource.transaction(async (manager) => [
        await support.importTicket(
          {
            requester: { name: 'Visitor One', email: uniqueEmail('one') },
            subject: `Broken ${word} listing`,
            body: 'The listing shows the wrong photo.',
            category: TicketCategory.Technical,
            status: TicketStatus.Resolved,
            createdAt: day(2),
            replies: [
              {
                side: ReplyAuthorSide.Agent,
                author: agent.user,
                body: 'Fixed.',
                at: new Date(day(2).getTime() + hour),
              },
            ],
            settledAt: new Date(day(2).getTime() + 2 * hour),
          },
          manager,
        ),
        await support.importTicket(
          {
            requester: { name: 'Visitor Two', email: uniqueEmail('two') },
            subject: 'Refund please',
            body: 'I was charged for a month I did not use.',
            category: TicketCategory.Payment,
            status: TicketStatus.Closed,
            createdAt: day(2, 12),
            replies: [
              {
                side: ReplyAuthorSide.Agent,
                author: agent.user,
                body: `Refunded, see the ${replyWord} note.`,
                at: new Date(day(2, 12).getTime() + 2 * hour),
              },
            ],
            settledAt: new Date(day(2, 12).getTime() + 6 * hour),
          },
          manager,
        ),
        await support.importTicket(
          {
            requester: { name: 'Visitor Three', email: uniqueEmail('three') },
            subject: 'Account locked',
            body: 'I cannot sign in.',
            category: TicketCategory.Account,
            status: TicketStatus.Open,
            createdAt: day(4),
            replies: [
              {
                side: ReplyAuthorSide.Agent,
                author: agent.user,
                body: 'Looking.',
                at: new Date(day(4).getTime() + 4 * hour),
              },
            ],
          },
          manager,
        ),
      ]);

      const bySubject = await api
        .http()
        .get(`/api/admin/support/search?q=${word.slice(0, 7)}`)
        .set(agent.auth);
      expect(bySubject.status).toBe(200);
      expect(bySubject.body.items.map((t: { subject: string }) => t.subject)).toEqual([`Broken ${word} listing`]);
      const byReply = await api.http().get(`/api/admin/support/search?q=${replyWord}`).set(agent.auth);
      expect(byReply.body.items.map((t: { subject: string }) => t.subject)).toEqual(['Refund please']);
      const filtered = await api.http().get(`/api/admin/support/search?q=${replyWord}&status=open`).set(agent.auth);
      expect(filtered.body.total).toBe(0);
      const byNumber = await api.http().get(`/api/admin/support/search?q=CC-${first!.number}`).set(agent.auth);
      expect(byNumber.body.items.map((t: { id: string }) => t.id)).toContain(first!.id);
      const tooShort = await api.http().get('/api/admin/support/search?q=a%20b').set(agent.auth);
      expect(tooShort.status).toBe(400);

      const stats = await api
        .http()
        .get(`/api/admin/support/stats?from=${day(1, 0).toISOString()}&to=${day(5, 0).toISOString()}`)
        .set(admin.auth);
      expect(stats.status).toBe(200);
      const count = (list: { key: string; count: number }[], key: string) => list.find((c) => c.key === key)?.count;
      expect(stats.body.total).toBe(3);
      expect(count(stats.body.byStatus, 'open')).toBe(1);
      expect(count(stats.body.byStatus, 'resolved')).toBe(1);
      expect(count(stats.body.byStatus, 'closed')).toBe(1);
      expect(count(stats.body.byStatus, 'pending')).toBe(0);
      expect(count(stats.body.byCategory, 'payment')).toBe(1);
      expect(count(stats.body.byPriority, 'normal')).toBe(3);
      // First responses after 1, 2 and 4 hours; resolutions after 2 and 6 hours.
      expect(stats.body.medianFirstResponseSeconds).toBe(2 * 3600);
      expect(stats.body.medianResolutionSeconds).toBe(4 * 3600);
      expect(stats.body.daily).toHaveLength(5);
      expect(stats.body.daily[1]).toEqual({
        date: '2020-03-02',
        created: 2,
        resolved: 2,
        averageFirstResponseSeconds: 1.5 * 3600,
        averageResolutionSeconds: 4 * 3600,
      });
      expect(stats.body.daily[3]).toEqual({
        date: '2020-03-04',
        created: 1,
        resolved: 0,
        averageFirstResponseSeconds: 4 * 3600,
        averageResolutionSeconds: null,
      });
      expect(stats.body.backlog.older).toBeGreaterThanOrEqual(1);
      expect(stats.body.satisfaction).toEqual({ average: null, count: 0 });
    });

    it('the daily series counts UK calendar days, right across the spring clock change', async () => {
      const support = api.app.get(SupportService);
      const agent = await api.given.signedIn(Role.SupportAgent);
      const hour = 3_600_000;
      const at = (iso: string) => new Date(iso);
      // Late-evening tickets in March 2021 (no other story writes there); the clocks went forward
      // at 01:00 UTC on Sunday 28 March, so 23:30 UTC is 23:30 on the 27th but 00:30 on the 29th.
      const ticket = (createdAt: Date, resolvedAfterHours: number | null, firstResponseHours: number) => ({
        requester: { name: 'Late Visitor', email: uniqueEmail('late') },
        subject: 'Late question',
        body: 'Asked late in the evening.',
        category: TicketCategory.Other,
        status: resolvedAfterHours === null ? TicketStatus.Pending : TicketStatus.Resolved,
        createdAt,
        replies: [
          {
            side: ReplyAuthorSide.Agent,
            author: agent.user,
            body: 'Answered.',
            at: new Date(createdAt.getTime() + firstResponseHours * hour),
          },
        ],
        settledAt: resolvedAfterHours === null ? undefined : new Date(createdAt.getTime() + resolvedAfterHours * hour),
      });
      await api.dataSource.transaction(async (manager) => {
        await support.importTicket(ticket(at('2021-03-26T23:30:00Z'), null, 1), manager); // 26th: before the range
        await support.importTicket(ticket(at('2021-03-27T23:30:00Z'), 25, 2), manager); // 27th, resolved 29th 01:30 BST
        await support.importTicket(ticket(at('2021-03-28T12:00:00Z'), null, 3), manager); // 28th (BST)
        await support.importTicket(ticket(at('2021-03-28T23:30:00Z'), 1, 1), manager); // 29th 00:30 BST, resolved 01:30
        await support.importTicket(ticket(at('2021-03-29T23:30:00Z'), null, 1), manager); // 30th: after the range
      });

      const stats = await api.http().get('/api/admin/support/stats?from=2021-03-27&to=2021-03-29').set(agent.auth);
      expect(stats.status).toBe(200);
      expect(stats.body.from).toBe('2021-03-27T00:00:00.000Z');
      expect(stats.body.to).toBe('2021-03-29T22:59:59.999Z');
      expect(stats.body.total).toBe(3);
      expect(stats.body.daily).toEqual([
        {
          date: '2021-03-27',
          created: 1,
          resolved: 0,
          averageFirstResponseSeconds: 2 * 3600,
          averageResolutionSeconds: null,
        },
        {
          date: '2021-03-28',
          created: 1,
          resolved: 0,
          averageFirstResponseSeconds: 3 * 3600,
          averageResolutionSeconds: null,
        },
        {
          date: '2021-03-29',
          created: 1,
          resolved: 2,
          averageFirstResponseSeconds: 1 * 3600,
          averageResolutionSeconds: 13 * 3600,
        },
      ]);

      const badDay = await api.http().get('/api/admin/support/stats?from=2021-02-30').set(agent.auth);
      expect(badDay.status).toBe(400);
      expect(JSON.stringify(badDay.body)).toContain('from');
    });

    it('an agent assigns a ticket to another agent or an admin, or unassigns it; a parent cannot be the assignee', async () => {
      const parent = await api.given.signedIn(Role.Parent);
      const agent = await api.given.signedIn(Role.SupportAgent);
      const colleague = await api.given.signedIn(Role.SupportAgent);
      const admin = await api.given.signedIn(Role.Admin);
      const created = await api.http().post('/api/tickets').set(parent.auth).send(newTicket());
      const id = created.body.id as string;

      // The console's picker lists the staff (agents and admins), never parents.
      const staff = await api.http().get('/api/chat/agents').set(agent.auth);
      const staffIds = staff.body.items.map((a: { id: string }) => a.id);
      expect(staffIds).toEqual(expect.arrayContaining([agent.user.id, colleague.user.id, admin.user.id]));
      expect(staffIds).not.toContain(parent.user.id);

      const toColleague = await api
        .http()
        .patch(`/api/admin/support/${id}`)
        .set(agent.auth)
        .send({ assigneeId: colleague.user.id });
      expect(toColleague.status).toBe(200);
      expect(toColleague.body.ticket.assignee).toEqual({ id: colleague.user.id, name: expect.any(String) });
      const toAdmin = await api
        .http()
        .patch(`/api/admin/support/${id}`)
        .set(agent.auth)
        .send({ assigneeId: admin.user.id });
      expect(toAdmin.body.ticket.assignee.id).toBe(admin.user.id);

      for (const assigneeId of [parent.user.id, '00000000-0000-4000-8000-000000000000']) {
        const refused = await api.http().patch(`/api/admin/support/${id}`).set(agent.auth).send({ assigneeId });
        expect(refused.status).toBe(400);
        expect(refused.body.details).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
      }
      const notAnId = await api.http().patch(`/api/admin/support/${id}`).set(agent.auth).send({ assigneeId: 'me' });
      expect(notAnId.status).toBe(400);
      expect(JSON.stringify(notAnId.body)).toContain('assigneeId');

      const unassigned = await api.http().patch(`/api/admin/support/${id}`).set(agent.auth).send({ assigneeId: null });
      expect(unassigned.status).toBe(200);
      expect(unassigned.body.ticket.assignee).toBeNull();
      const history = unassigned.body.history.filter((e: { type: string }) => e.type === 'assignee');
      expect(history.map((e: { to: string | null }) => e.to)).toEqual([expect.any(String), expect.any(String), null]);
      const stored = await api.dataSource.getRepository(SupportTicket).findOneByOrFail({ id });
      expect(stored.assigneeId).toBeNull();
    });

    it('the console hears of new tickets, replies and changes live; the requester never hears of an internal note', async () => {
      const realtime = api.app.get(RealtimeService);
      const parent = await api.given.signedIn(Role.Parent);
      const agent = await api.given.signedIn(Role.SupportAgent);
      const admin = await api.given.signedIn(Role.Admin);
      const start = await realtime.latestEventId();
      const ticketEvents = async (userId: string) =>
        (await realtime.eventsAfter(userId, start)).filter((e) => e.type === 'support.ticket').map((e) => e.data);

      const created = await api.http().post('/api/tickets').set(parent.auth).send(newTicket());
      const id = created.body.id as string;
      const secret = uniqueWord('secretnote');
      await api
        .http()
        .post(`/api/tickets/${id}/replies`)
        .set(agent.auth)
        .send({ body: `Between us: ${secret}`, internal: true });
      await api.http().post(`/api/tickets/${id}/replies`).set(agent.auth).send({ body: 'We are looking into it.' });
      await api.http().post(`/api/tickets/${id}/replies`).set(parent.auth).send({ body: 'Thank you!' });
      await api.http().patch(`/api/admin/support/${id}`).set(agent.auth).send({ priority: 'high' });

      for (const staff of [agent, admin]) {
        const heard = (await ticketEvents(staff.user.id)).filter((e) => (e as { ticketId: string }).ticketId === id);
        expect(heard).toEqual([
          { ticketId: id, number: created.body.number, status: 'open', change: 'created', actorId: parent.user.id },
          { ticketId: id, number: created.body.number, status: 'open', change: 'note', actorId: agent.user.id },
          {
            ticketId: id,
            number: created.body.number,
            status: 'pending',
            change: 'agent-replied',
            actorId: agent.user.id,
          },
          {
            ticketId: id,
            number: created.body.number,
            status: 'open',
            change: 'requester-replied',
            actorId: parent.user.id,
          },
          { ticketId: id, number: created.body.number, status: 'open', change: 'updated', actorId: agent.user.id },
        ]);
      }
      // The requester gets the agent's public reply as a notification, and nothing of the note.
      const parentEvents = await realtime.eventsAfter(parent.user.id, start);
      expect(parentEvents.filter((e) => e.type === 'support.ticket')).toEqual([]);
      expect(JSON.stringify(parentEvents)).not.toContain(secret);
      expect(JSON.stringify(parentEvents)).toContain('Support replied on');
    });

    it('admins delete a ticket (audited); support agents cannot', async () => {
      const parent = await api.given.signedIn(Role.Parent);
      const created = await api.http().post('/api/tickets').set(parent.auth).send(newTicket('other'));
      const agent = await api.given.signedIn(Role.SupportAgent);
      const admin = await api.given.signedIn(Role.Admin);
      expect((await api.http().delete(`/api/admin/support/${created.body.id}`).set(agent.auth)).status).toBe(403);
      const deleted = await api.http().delete(`/api/admin/support/${created.body.id}`).set(admin.auth);
      expect(deleted.status).toBe(200);
      expect((await api.http().get(`/api/tickets/${created.body.id}`).set(parent.auth)).status).toBe(404);
      const audit = await api.dataSource
        .getRepository(AuditEntry)
        .findOne({ where: { subjectId: created.body.id, action: 'support.ticket.deleted' } });
      expect(audit).toMatchObject({ actorId: admin.user.id, ownerId: parent.user.id });
    });

    it('support agents reach tickets and nothing else of the admin area', () => {
      const adminRoutes = discoverRoutes(api.app).filter((r) => r.path.startsWith('/api/admin/'));
      const openToAgents = adminRoutes
        .filter((r) => r.rule?.kind === 'authenticated' && r.rule.roles.includes(Role.SupportAgent))
        .map((r) => r.key);
      expect(openToAgents.every((key) => /^\w+ \/api\/admin\/(support|chat)(\/|$)/.test(key))).toBe(true);
      expect(openToAgents).toContain('GET /api/admin/support');
      expect(STAFF_ROLES).toContain(Role.SupportAgent);
    });
  });
}
