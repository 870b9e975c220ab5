/**
 * The OpenAPI document as `npm run api:types` commits it (frontend/src/app/core/api/openapi.json):
 * the application booted without listening, on a throw-away SQLite database. Shared by
 * scripts/export-openapi.ts, which writes it, and openapi-document.spec.ts, which fails `npm test`
 * when the committed copy (or schema.d.ts generated from it) is out of date.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiDocument, createApp } from './bootstrap';
import { AppConfig } from './config/app-config';
import { DatabaseMigrator } from './database/database.module';

const API_DIR = join(__dirname, '..', '..', 'frontend', 'src', 'app', 'core', 'api');
export const OPENAPI_JSON_PATH = join(API_DIR, 'openapi.json');
export const SCHEMA_TYPES_PATH = join(API_DIR, 'schema.d.ts');

/** Object keys in a stable order, so the file changes only when the API does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export interface RenderedOpenApiDocument {
  /** The file's exact text. */
  text: string;
  paths: number;
  operations: number;
}

export async function renderOpenApiDocument(): Promise<RenderedOpenApiDocument> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-openapi-'));
  try {
    const config = AppConfig.fromEnvironment({
      DATA_DIR: dataDir,
      SERVE_WEB: 'false',
      JOBS_ENABLED: 'false',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    });
    const app = await createApp(config);
    try {
      await app.get(DatabaseMigrator).migrate();
      await app.init();
      const document = buildOpenApiDocument(app);
      // Paths keep their declaration order (Swagger UI groups by it); everything below them is sorted.
      const stable = { ...document, components: sortKeys(document.components) };
      return {
        text: `${JSON.stringify(stable, null, 2)}\n`,
        paths: Object.keys(document.paths).length,
        operations: Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0),
      };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
