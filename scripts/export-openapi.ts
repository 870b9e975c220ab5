/**
 * `npm run api:types` (first half): boots the application without listening, on a throw-away
 * SQLite database, and writes its OpenAPI document to frontend/src/app/core/api/openapi.json.
 * The second half of the script runs openapi-typescript on that file to regenerate schema.d.ts,
 * the frontend's API types (never written by hand).
 *
 * Runs under ts-node with --transpile-only and tsconfig-paths, like scripts/generate-migrations.ts.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildOpenApiDocument, createApp } from '@app/bootstrap';
import { AppConfig } from '@app/config/app-config';
import { DatabaseMigrator } from '@app/database/database.module';

const ROOT = join(__dirname, '..');
const OUTPUT = join(ROOT, 'frontend', 'src', 'app', 'core', 'api', 'openapi.json');

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

async function main(): Promise<void> {
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
      writeFileSync(OUTPUT, `${JSON.stringify(stable, null, 2)}\n`);
      const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
      console.log(
        `Wrote ${relative(ROOT, OUTPUT)}: ${Object.keys(document.paths).length} paths, ${operations} operations`,
      );
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('Could not export the OpenAPI document:', error);
  process.exit(1);
});
