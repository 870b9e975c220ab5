import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { DEMO_ACCOUNTS } from '@app/demo/demo-data';
import { DemoSeeder } from '@app/demo/demo-seeder';
import { Role } from '@app/common/auth/role';
import { PasswordHasher } from '@app/modules/auth/password/password-hasher';
import { UK_ZONE } from '@app/modules/children/child-age';
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
    // Seeding runs on every first start; DemoSeeder logs what each step costs. No time limit is
    // asserted here: the API stage runs on both dialects side by side on a shared machine.
    expect(await api.app.get(DemoSeeder).seedIfEmpty()).toBe(true);
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

  it("every demo childminder's rating is made of written reviews that a profile page lists", async () => {
    const listed: { id: string; displayName: string; ratingAverage: number | null; ratingCount: number }[] = [];
    for (let page = 1; ; page++) {
      const response = await api.http().get('/api/childminders').query({ page, pageSize: 100 });
      expect(response.status).toBe(200);
      listed.push(...response.body.items);
      if (listed.length >= response.body.total) break;
    }
    expect(listed.length).toBeGreaterThan(200);

    let reviewed = 0;
    let replied = 0;
    const stars = new Set<number>();
    for (const minder of listed) {
      const page = await api.http().get(`/api/childminders/${minder.id}/reviews`).query({ pageSize: 100 });
      expect(page.status).toBe(200);
      const ratings = page.body.items.map((r: { rating: number }) => r.rating);
      // The whole list fits on the page, so it is every review the rating is made of.
      expect(page.body.total).toBe(ratings.length);
      expect({ name: minder.displayName, count: minder.ratingCount }).toEqual({
        name: minder.displayName,
        count: ratings.length,
      });
      expect(page.body.ratingCount).toBe(ratings.length);
      if (ratings.length === 0) {
        expect(minder.ratingAverage).toBeNull();
        continue;
      }
      const average = ratings.reduce((sum: number, r: number) => sum + r, 0) / ratings.length;
      expect(minder.ratingAverage).toBeCloseTo(average, 2);
      expect(page.body.ratingAverage).toBeCloseTo(average, 2);
      for (const review of page.body.items) {
        expect(review.text.length).toBeGreaterThan(20);
        expect(review.parentFirstName).not.toBe('A parent');
        expect(new Date(review.createdAt).getTime()).toBeLessThanOrEqual(Date.now());
        if (review.reply) replied++;
        stars.add(review.rating);
      }
      reviewed++;
    }
    // Most childminders have reviews, of every mark, some answered; a few are new and unrated.
    expect(reviewed).toBeGreaterThan(listed.length / 2);
    expect(reviewed).toBeLessThan(listed.length);
    expect([...stars].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(replied).toBeGreaterThan(20);

    // The demo childminder's one review is still the demo parent's, with her reply.
    const claire = listed.find((m) => m.displayName === 'Claire Hughes')!;
    const own = await api.http().get(`/api/childminders/${claire.id}/reviews`);
    expect(own.body.items).toEqual([
      expect.objectContaining({
        rating: 5,
        parentFirstName: 'Priya',
        text: expect.stringMatching(/^Maya settled in within a week/),
        reply: expect.objectContaining({ text: 'Thank you, Priya! Maya is a joy to have.' }),
      }),
    ]);

    // A reviewed profile's page shows the written reviews, newest first.
    const best = listed.find((m) => m.ratingCount >= 3)!;
    const reviews = await api.http().get(`/api/childminders/${best.id}/reviews`).query({ pageSize: 2 });
    expect(reviews.body.items).toHaveLength(2);
    expect(reviews.body.items[0].text).toMatch(/\w+ \w+ \w+/);
    expect(reviews.body.items[0].createdAt >= reviews.body.items[1].createdAt).toBe(true);
  });

  it("the reviewed care happened in the past, in UK daytime, and never touches the demo accounts' own history", async () => {
    // The demo parent's bookings are all with the demo childminder, as the stories expect.
    const [priya] = await api.dataSource.query('SELECT id FROM users WHERE email = ?', [demo(Role.Parent).email]);
    const [claire] = await api.dataSource.query('SELECT id FROM users WHERE email = ?', [demo(Role.Childminder).email]);
    const elsewhere = await api.dataSource.query('SELECT id FROM bookings WHERE parentId = ? AND childminderId <> ?', [
      priya.id,
      claire.id,
    ]);
    expect(elsewhere).toEqual([]);

    const reviewed: { startsAt: string | Date; endsAt: string | Date; email: string; childminderId: string }[] =
      await api.dataSource.query(
        `SELECT s.startsAt, s.endsAt, u.email, b.childminderId FROM booking_sessions s
         JOIN bookings b ON b.id = s.bookingId JOIN users u ON u.id = b.parentId
         WHERE b.status = 'completed' AND u.email LIKE 'demo.family%'`,
      );
    expect(reviewed.length).toBeGreaterThan(500);
    for (const session of reviewed) {
      const start = DateTime.fromJSDate(new Date(`${String(session.startsAt).replace(' ', 'T')}Z`), { zone: UK_ZONE });
      const end = DateTime.fromJSDate(new Date(`${String(session.endsAt).replace(' ', 'T')}Z`), { zone: UK_ZONE });
      expect(end.toMillis()).toBeLessThan(Date.now());
      expect(start.toISODate()).toBe(end.toISODate());
      expect(start.toFormat('HH:mm') >= '07:00' && end.toFormat('HH:mm') <= '18:30').toBe(true);
      expect(session.childminderId).not.toBe(claire.id);
    }
  });

  it('the demo families behind the reviews cannot sign in', async () => {
    const families: { email: string; passwordHash: string }[] = await api.dataSource.query(
      "SELECT email, passwordHash FROM users WHERE role = 'parent' AND email LIKE 'demo.family%' ORDER BY email",
    );
    expect(families.length).toBeGreaterThan(50);
    // One argon2id hash of a secret nobody was told: no documented demo password opens them.
    expect(new Set(families.map((f) => f.passwordHash)).size).toBe(1);
    expect(families[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    // (Checked on the hash itself: a failed login here would count towards the shared IP throttle.)
    const hasher = api.app.get(PasswordHasher);
    for (const account of DEMO_ACCOUNTS) {
      expect(await hasher.verify(families[0]!.passwordHash, account.password)).toBe(false);
    }
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
