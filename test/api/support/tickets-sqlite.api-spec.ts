import { Role } from '@app/common/auth/role';
import { DEMO_ACCOUNTS } from '@app/demo/demo-data';
import { DemoSeeder } from '@app/demo/demo-seeder';
import type { TestApp } from '../../support/test-app';
import { bootOn, supportStories } from './support-stories';

jest.setTimeout(180_000);

/** The same ticket stories on the embedded SQLite database (FTS5 search, SQLite date maths). */
supportStories('sqlite');

const demo = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

describe('Support on the embedded SQLite database with demo data', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await bootOn('sqlite', { DEMO_DATA: 'true' });
    await api.app.get(DemoSeeder).seedIfEmpty();
  });
  afterAll(() => api?.close());

  it('the demo support agent finds tickets in every state; the demo parent sees hers under Help', async () => {
    const agent = await api.given.login(demo(Role.SupportAgent).email, demo(Role.SupportAgent).password);
    const inbox = await api.http().get('/api/admin/support?pageSize=100').set(agent.auth);
    expect(inbox.status).toBe(200);
    const statuses = new Set(inbox.body.items.map((t: { status: string }) => t.status));
    expect([...statuses].sort()).toEqual(['closed', 'open', 'pending', 'resolved']);
    const search = await api.http().get('/api/admin/support/search?q=renew%20DBS').set(agent.auth);
    expect(search.body.items.map((t: { subject: string }) => t.subject)).toEqual([
      'How do I renew my DBS certificate on my profile?',
    ]);
    const stats = await api.http().get('/api/admin/support/stats').set(agent.auth);
    expect(stats.body.total).toBeGreaterThan(10);
    expect(stats.body.medianFirstResponseSeconds).toBeGreaterThan(0);

    const parent = await api.given.login(demo(Role.Parent).email, demo(Role.Parent).password);
    const help = await api.http().get('/api/dashboard/parent/support').set(parent.auth);
    expect(help.body.total).toBe(3);
    const charged = help.body.items.find((t: { subject: string }) => t.subject.startsWith('Charged twice'));
    const detail = await api.http().get(`/api/dashboard/parent/support/${charged.id}`).set(parent.auth);
    expect(detail.body.replies).toHaveLength(1);
    expect(JSON.stringify(detail.body)).not.toContain('Stripe shows one payment');
  });

  it('sample tickets for trying the console are there outside production', async () => {
    const admin = await api.given.login(demo(Role.Admin).email, demo(Role.Admin).password);
    const samples = await api.http().get('/api/test-tickets').set(admin.auth);
    expect(samples.status).toBe(200);
    expect(samples.body.items.filter((t: { tags: string[] }) => t.tags.includes('sample'))).toHaveLength(4);
  });
});
