/**
 * `npm run api:types` (first half): writes the application's OpenAPI document to
 * frontend/src/app/core/api/openapi.json (see backend/src/openapi-document.ts). The second half of
 * the script runs openapi-typescript on that file to regenerate schema.d.ts, the frontend's API
 * types (never written by hand). Commit both; `npm test` fails when they are out of date.
 *
 * Runs under ts-node with --transpile-only and tsconfig-paths, like scripts/generate-migrations.ts.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OPENAPI_JSON_PATH, renderOpenApiDocument } from '@app/openapi-document';

const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
  const { text, paths, operations } = await renderOpenApiDocument();
  writeFileSync(OPENAPI_JSON_PATH, text);
  console.log(`Wrote ${relative(ROOT, OPENAPI_JSON_PATH)}: ${paths} paths, ${operations} operations`);
}

main().catch((error: unknown) => {
  console.error('Could not export the OpenAPI document:', error);
  process.exit(1);
});
