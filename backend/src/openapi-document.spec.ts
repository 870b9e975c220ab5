import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENAPI_JSON_PATH, SCHEMA_TYPES_PATH, renderOpenApiDocument } from './openapi-document';

const ROOT = join(__dirname, '..', '..');
const STALE = 'is out of date with the server: run `npm run api:types` and commit the result';

/** The frontend's API types come from the committed document; both must match the server now. */
describe('the committed OpenAPI document and frontend API types', () => {
  let rendered: string;
  beforeAll(async () => {
    rendered = (await renderOpenApiDocument()).text;
  });

  it('openapi.json is what the server generates now', () => {
    const committed = readFileSync(OPENAPI_JSON_PATH, 'utf8');
    if (committed !== rendered) throw new Error(`frontend/src/app/core/api/openapi.json ${STALE}`);
  });

  it('schema.d.ts is what openapi-typescript generates from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmc-openapi-types-'));
    try {
      const input = join(dir, 'openapi.json');
      writeFileSync(input, rendered);
      // The same command line as `npm run api:types`, writing to stdout instead of the file.
      const cli = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
      const generated = execFileSync(process.execPath, [cli, input], { cwd: ROOT, encoding: 'utf8' });
      const committed = readFileSync(SCHEMA_TYPES_PATH, 'utf8');
      if (committed !== generated) throw new Error(`frontend/src/app/core/api/schema.d.ts ${STALE}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
