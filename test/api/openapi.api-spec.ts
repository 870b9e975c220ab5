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

  it('serves Swagger UI', async () => {
    const response = await api.http().get('/api/docs');
    expect([200, 301, 302]).toContain(response.status);
  });
});
