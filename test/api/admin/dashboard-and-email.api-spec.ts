import { Role } from '@app/common/auth/role';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { NotificationChannel, NotificationType } from '@app/modules/notifications/notification-types';
import { PlanKey } from '@app/modules/subscriptions/plans';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(60_000);

describe('The admin dashboard, admin settings and email to users', () => {
  let api: TestApp;

  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  it('the dashboard counts today’s sign-ups and subscriptions, and shows support figures as not available', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const before = (await api.http().get('/api/admin/dashboard').set(admin.auth)).body;
    await api.given.parent();
    await api.given.parent({ plan: PlanKey.ParentPlus });
    const after = await api.http().get('/api/admin/dashboard').set(admin.auth);
    expect(after.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const parentsToday = (body: typeof before) =>
      body.users.signupsDaily.find((d: { day: string; key: string }) => d.day === today && d.key === 'parent')?.count ??
      0;
    expect(parentsToday(after.body)).toBe(parentsToday(before) + 2);
    expect(after.body.subscriptions.activeByPlan.parent_plus).toBe(
      (before.subscriptions.activeByPlan.parent_plus ?? 0) + 1,
    );
    // Parent Plus is £4.99 a month.
    expect(after.body.subscriptions.mrrPence - before.subscriptions.mrrPence).toBe(499);
    expect(after.body.support).toEqual({ openTickets: null, activeChats: null });
    expect(after.body).toMatchObject({
      email: { backlog: expect.any(Number), failed: expect.any(Number) },
      failedJobRuns: expect.any(Number),
      documentsAwaitingReview: expect.any(Number),
    });

    const tooLong = await api
      .http()
      .get('/api/admin/dashboard')
      .query({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })
      .set(admin.auth);
    expect(tooLong.status).toBe(400);
  });

  it('an admin previews an email to a postcode area, then sends it only to those who want news', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const area = `YO${Math.floor(10 + Math.random() * 80)}`;
    const keen = await api.given.signedIn(Role.Parent, { firstName: 'Keen', postcode: `${area} 1AB` });
    const quiet = await api.given.parent({ firstName: 'Quiet', postcode: `${area} 2CD` });
    await api
      .http()
      .patch('/api/user/notification-preferences')
      .set(keen.auth)
      .send({ preferences: [{ type: NotificationType.ProductNews, email: true }] })
      .expect(200);
    const message = {
      subject: `News for ${area}`,
      body: 'Hello {{firstName}}!\n\nThere are new childminders near you.',
      audience: { postcodePrefix: area },
      kind: 'news',
    };

    const preview = await api
      .http()
      .post('/api/notifications/email')
      .set(admin.auth)
      .send({ ...message, preview: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ sent: false, recipients: 1, skippedByPreference: 1 });
    expect(preview.body.preview.text).toContain('Hello Keen!');
    expect(await api.outbox.to(keen.email)).toHaveLength(0);

    const sent = await api.http().post('/api/notifications/email').set(admin.auth).send(message);
    expect(sent.body).toMatchObject({ sent: true, recipients: 1 });
    const email = await api.outbox.latest(keen.email, 'announcement');
    expect(email.subject).toBe(`News for ${area}`);
    expect(email.text).toContain('There are new childminders near you.');
    expect(await api.outbox.to(quiet.email)).toHaveLength(0);

    // An account message reaches everyone in the audience, preferences or not.
    const account = await api
      .http()
      .post('/api/notifications/email')
      .set(admin.auth)
      .send({ ...message, kind: 'account', subject: 'Our terms are changing' });
    expect(account.body.recipients).toBe(2);
    expect((await api.outbox.latest(quiet.email, 'announcement')).subject).toBe('Our terms are changing');

    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .find({ where: { actorId: admin.user.id, action: 'admin.email.send' } });
    expect(audit).toHaveLength(2);

    // The outbox viewer lists it; reading one is audited.
    const listed = await api.http().get('/api/admin/email-outbox').query({ to: quiet.email }).set(admin.auth);
    expect(listed.body.items[0]).toMatchObject({ subject: 'Our terms are changing', toAddress: quiet.email });
    const opened = await api.http().get(`/api/admin/email-outbox/${listed.body.items[0].id}`).set(admin.auth);
    expect(opened.body.text).toContain('Hello Quiet!');
    expect(
      await api.dataSource
        .getRepository(AuditEntry)
        .count({ where: { actorId: admin.user.id, action: 'admin.email.read' } }),
    ).toBe(1);
  });

  it('sending is rate limited per admin; previews are not', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const target = await api.given.parent();
    const send = () =>
      api
        .http()
        .post('/api/notifications/email')
        .set(admin.auth)
        .send({ subject: 'Hi', body: 'Hello', audience: { userId: target.user.id }, kind: 'account' });
    for (let i = 0; i < 10; i++) expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('EMAIL_RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(NotificationChannel.Email).toBe('email');
  });

  it('an admin keeps their own event settings and profile; email and role are not theirs to change', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const settings = await api.http().get('/api/admin/settings').set(admin.auth);
    expect(settings.body.notifications.find((n: { event: string }) => n.event === 'job_failed')).toMatchObject({
      email: true,
    });
    const saved = await api
      .http()
      .put('/api/admin/settings')
      .set(admin.auth)
      .send({ notifications: [{ event: 'job_failed', email: false, inApp: true }] });
    expect(saved.body.notifications.find((n: { event: string }) => n.event === 'job_failed')).toMatchObject({
      email: false,
      inApp: true,
    });
    const profile = await api
      .http()
      .put('/api/admin/profile')
      .set(admin.auth)
      .send({ firstName: 'Ada', phone: '07700 900123' });
    expect(profile.body).toMatchObject({ firstName: 'Ada', phone: '07700 900123', email: admin.email });
    const refused = await api
      .http()
      .put('/api/admin/profile')
      .set(admin.auth)
      .send({ email: 'x@example.com', role: 'super_admin' });
    expect(refused.status).toBe(400);
  });
});
