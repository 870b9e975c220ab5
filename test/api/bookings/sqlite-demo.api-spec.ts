import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { DEMO_ACCOUNTS } from '@app/database/seed/demo-data';
import { DemoSeeder } from '@app/database/seed/demo-seeder';
import { Role } from '@app/common/auth/role';
import { startTestApp, TestApp } from '../../support/test-app';
import { answer, PARENT_BOOKINGS, requestBooking, ukAt } from './support';

jest.setTimeout(180_000);

const demo = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

/**
 * The embedded default: SQLite, migrated and loaded with demo data as on `npm start`. The demo
 * parent has children and history with the demo childminder and can book more.
 */
describe('Bookings on the embedded SQLite database with demo data', () => {
  let api: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-sqlite-demo-'));
  beforeAll(async () => {
    // Migrate first, as `npm start` does: modules read their tables while the app starts.
    const migrator = new DataSource(
      dataSourceOptions({ type: 'sqlite', path: join(dataDir, 'childminder-connect.sqlite') }),
    );
    await migrator.initialize();
    await migrator.runMigrations();
    await migrator.destroy();
    api = await startTestApp({ DATABASE_URL: '', DATA_DIR: dataDir, DEMO_DATA: 'true' });
    const started = Date.now();
    await api.app.get(DemoSeeder).seedIfEmpty();
    // Seeding runs on every first start: it must stay quick.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the demo parent sees history, books the demo childminder, who confirms', async () => {
    expect(api.dataSource.options.type).toBe('better-sqlite3');
    const parent = await api.given.login(demo(Role.Parent).email, demo(Role.Parent).password);
    const minder = await api.given.login(demo(Role.Childminder).email, demo(Role.Childminder).password);

    const history = await api.http().get(PARENT_BOOKINGS).set(parent.auth);
    expect(history.status).toBe(200);
    expect(history.body.items.map((b: { status: string }) => b.status).sort()).toEqual([
      'cancelled',
      'completed',
      'confirmed',
      'pending',
    ]);
    const children = await api.http().get('/api/dashboard/parent/children').set(parent.auth);
    const leo = children.body.items.find((c: { firstName: string }) => c.firstName === 'Leo');
    const profileId = history.body.items[0].childminder.profileId as string;

    // A weekday far enough ahead to avoid the seeded bookings and the seeded holiday.
    let day = 15;
    while ([0, 6].includes(new Date(ukAt(day, '12:00')).getUTCDay())) day++;
    const requested = await requestBooking(api, parent, {
      childminderId: profileId,
      childIds: [leo.id],
      startsAt: ukAt(day, '14:00'),
      endsAt: ukAt(day, '17:00'),
    });
    expect(requested.status).toBe(201);
    const confirmed = await answer(api, minder, requested.body.id, { action: 'confirm' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');

    const calendar = await api.http().get('/api/dashboard/childminder/calendar').set(minder.auth);
    expect(calendar.status).toBe(200);
    expect(calendar.body.events.some((e: { kind: string }) => e.kind === 'available')).toBe(true);
    const stats = await api.http().get('/api/dashboard/childminder/stats').set(minder.auth);
    expect(stats.body.upcomingBookings).toBeGreaterThanOrEqual(2);

    const preview = await api.http().get(`/api/childminders/${profileId}/availability`);
    expect(preview.status).toBe(200);
    expect(preview.body.slots.length).toBeGreaterThan(5);
  });

  it('the demo parent has last-minute alerts on and sees places near them; the demo childminder has none yet', async () => {
    const parent = await api.given.login(demo(Role.Parent).email, demo(Role.Parent).password);
    const settings = await api.http().get('/api/user/last-minute-settings').set(parent.auth);
    expect(settings.body.alerts).toMatchObject({ enabled: true, radiusMiles: 5, planIncludesAlerts: true });
    const places = await api.http().get('/api/user/last-minute-schedule').set(parent.auth);
    expect(places.status).toBe(200);
    expect(places.body.items).toHaveLength(3);
    for (const opening of places.body.items) {
      expect(opening.distanceMiles).toBeLessThanOrEqual(5);
      expect(new Date(opening.startsAt).getTime()).toBeGreaterThan(Date.now());
    }
    const minder = await api.given.login(demo(Role.Childminder).email, demo(Role.Childminder).password);
    const own = await api.http().get('/api/user/last-minute-schedule').set(minder.auth);
    expect(own.body.items).toEqual([]);
  });
});
