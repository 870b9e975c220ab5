import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '@app/bootstrap';
import { AppConfig } from '@app/config/app-config';
import { SettingsService } from '@app/modules/settings/settings.service';
import { Given } from '../factories/given';
import { Outbox } from './outbox';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** supertest against the running app: `api.http().get('/api/users/me')`. */
  http: () => ReturnType<typeof request>;
  given: Given;
  outbox: Outbox;
  close: () => Promise<void>;
}

/**
 * Boots the real application (same module graph, pipes, filters and guards as production)
 * against the run's MariaDB database and the local Redis. Jobs do not fire on their own:
 * tests run them directly so that outcomes are deterministic.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-api-'));
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run API tests through jest --selectProjects api');
  const config = AppConfig.fromEnvironment({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/3',
    PUBLIC_URL: 'http://localhost:4200',
    JOBS_ENABLED: 'false',
    DEMO_DATA: 'false',
    SERVE_WEB: 'false',
    DB_MIGRATE_ON_START: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  // Every API test signs in from 127.0.0.1; keep the per-IP throttle out of stories that are
  // not about it (the throttle story sets its own limit).
  await app.get(SettingsService).set('auth.ipThrottle.maxFailures', 100_000, null);
  await app.get(SettingsService).set('auth.emailRequests.perIpPerHour', 100_000, null);
  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    dataSource,
    http,
    given: new Given(app, http),
    outbox: new Outbox(dataSource),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
