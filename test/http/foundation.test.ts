import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('foundation on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('answers health and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).statusCode).toBe(200);
  });

  it('serves a friendly 404 page and a problem+json 404 for the API', async () => {
    const page = await t.app.inject('/no-such-page');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<h1>Page not found</h1>');
    const api = await t.app.inject('/api/v1/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    const api = await t.app.inject('/api/v1/program');
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('refuses a form post without a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-out',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'x=1',
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form has expired');
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility/self-check',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ padding: 'x'.repeat(300 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('publishes an OpenAPI 3.1 document and a reference page', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const page = await t.app.inject('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>API reference</h1>');
    // Each area has its own page with the details; an unknown area is a plain 404.
    const area = /href="(\/api\/docs\/[a-z0-9-]+)"/.exec(page.body)?.[1] ?? '';
    expect(area).not.toBe('');
    const detail = await t.app.inject(area);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('<h1>API reference: ');
    expect(detail.body).toContain('<details class="api-op">');
    expect((await t.app.inject('/api/docs/no-such-area')).statusCode).toBe(404);
  });

  it('shows kept mail in the development mailbox', async () => {
    const res = await t.app.inject('/dev/mail.json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('items');
  });
});

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('describes every API route with a summary, a tag and a response schema', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<
        string,
        Record<
          string,
          { summary?: string; tags?: string[]; responses?: Record<string, { content?: unknown }> }
        >
      >;
    };
    const problems: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith('/api/v1/')).toBe(true);
      for (const [method, op] of Object.entries(item)) {
        operations++;
        const name = `${method.toUpperCase()} ${path}`;
        if (!op.summary) problems.push(`${name}: no summary`);
        if (!op.tags?.length) problems.push(`${name}: no tag`);
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
        if (ok.length === 0) problems.push(`${name}: no success response`);
        for (const [code, r] of ok)
          if (code !== '204' && !r.content) problems.push(`${name}: ${code} has no schema`);
      }
    }
    expect(problems).toEqual([]);
    expect(operations).toBeGreaterThan(30);
  });
});
