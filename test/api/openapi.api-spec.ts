import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { discoverRoutes } from '../authz/route-table';
import { startTestApp, TestApp } from '../support/test-app';

describe('The OpenAPI document', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('documents every route with a summary, and marks the signed-in ones', async () => {
    const response = await api.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    const document = response.body as {
      paths: Record<string, Record<string, { summary?: string; security?: unknown[] }>>;
    };
    const problems: string[] = [];
    for (const route of discoverRoutes(api.app)) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      if (!operation) problems.push(`${route.key}: missing`);
      else if (!operation.summary) problems.push(`${route.key}: no summary`);
      else if (route.rule?.kind === 'authenticated' && !operation.security?.length)
        problems.push(`${route.key}: no security`);
    }
    expect(problems).toEqual([]);
  });

  it('lints clean under redocly.yaml: no error and no warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmc-redocly-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify((await api.http().get('/api/docs-json')).body));
      const root = join(__dirname, '..', '..');
      const cli = join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
      const args = [cli, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format=json'];
      // Redocly exits non-zero on errors; the JSON report on stdout lists warnings too.
      const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }).catch(
        (failure: { stdout: string }) => failure,
      );
      const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
        problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
      };
      expect(report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves Swagger UI', async () => {
    const response = await api.http().get('/api/docs');
    expect([200, 301, 302]).toContain(response.status);
  });
});
