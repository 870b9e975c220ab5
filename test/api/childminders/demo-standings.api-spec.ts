import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { dataSourceOptions } from '@app/database/data-source-options';
import { DEMO_ACCOUNTS } from '@app/demo/demo-data';
import { DemoSeeder } from '@app/demo/demo-seeder';
import { startTestApp, TestApp } from '../../support/test-app';
import { CHILDMINDERS, OWN_PROFILE } from './support';

jest.setTimeout(180_000);

const demo = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

/**
 * The demo documents are written as rows; the demo data then computes every childminder's
 * compliance standing, so a newcomer's first search shows badges and verified-only search works.
 * (The embedded default, as on `npm start`.)
 */
describe('Demo data: badges and verified-only search from the stored standings', () => {
  let api: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-demo-standings-'));
  beforeAll(async () => {
    const migrator = new DataSource(
      dataSourceOptions({ type: 'sqlite', path: join(dataDir, 'childminder-connect.sqlite') }),
    );
    await migrator.initialize();
    await migrator.runMigrations();
    await migrator.destroy();
    api = await startTestApp({ DATABASE_URL: '', DATA_DIR: dataDir, DEMO_DATA: 'true' });
    expect(await api.app.get(DemoSeeder).seedIfEmpty()).toBe(true);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the demo childminder's badges leave out the first aid that lapsed last week; verified-only search narrows", async () => {
    const minder = await api.given.login(demo(Role.Childminder).email, demo(Role.Childminder).password);
    const own = await api.http().get(OWN_PROFILE).set(minder.auth);
    expect(own.status).toBe(200);
    expect(own.body.badges).toEqual([
      'ofsted_registration',
      'dbs_certificate',
      'public_liability_insurance',
      'safeguarding_training',
    ]);

    const query = { postcode: 'M20', radiusMiles: 10, pageSize: 100 };
    const everyone = await api.http().get(`${CHILDMINDERS}/search`).query(query);
    const verified = await api
      .http()
      .get(`${CHILDMINDERS}/search`)
      .query({ ...query, verifiedOnly: true });
    expect(everyone.status).toBe(200);
    expect(verified.status).toBe(200);
    expect(verified.body.total).toBeGreaterThan(0);
    expect(verified.body.total).toBeLessThan(everyone.body.total);
    expect(everyone.body.items.some((i: { badges: string[] }) => i.badges.length > 0)).toBe(true);
    for (const item of verified.body.items as { badges: string[] }[]) {
      expect(item.badges).toEqual(expect.arrayContaining(['ofsted_registration', 'dbs_certificate']));
    }
  });
});
