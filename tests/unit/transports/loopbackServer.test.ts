import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/main/engine/engine';
import { importFile } from '../../../src/main/engine/import/importFile';
import { startLoopbackServer, type LoopbackServer } from '../../../src/cli/serve/loopbackServer';
import { writeTinyCompany } from '../../fixtures/tinyCompany';
import { makeTempDir } from '../../helpers/tempDir';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so tests control every header (fetch would not let us set Host). */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('loopback HTTP transport', () => {
  const temp = makeTempDir();
  let engine: Engine;
  let server: LoopbackServer;
  const auth = () => ({ authorization: `Bearer ${server.token}` });
  const api = (method: string, body: unknown, headers: Record<string, string> = auth()) =>
    send(server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    engine = await Engine.open(join(temp.path, 'w.duckdb'), { create: true });
    for (const f of writeTinyCompany(join(temp.path, 'exports')))
      await importFile(engine.ws, f.path, { kind: f.kind });
    const staticDir = join(temp.path, 'static');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Upstream</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(temp.path, 'secret.txt'), 'do not serve');
    server = await startLoopbackServer({ engine, staticDir, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    engine.close();
    temp.remove();
  });

  it('binds to 127.0.0.1 and prints a URL with a long random token', () => {
    expect(server.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`),
    );
  });

  it('answers 401 to requests without the token, for pages and methods alike', async () => {
    for (const reply of [
      await send(server.port, { path: '/' }),
      await api('info', {}, {}),
      await api('info', {}, { authorization: 'Bearer wrong' }),
    ]) {
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toEqual({
        ok: false,
        error: {
          code: 'UNAUTHORIZED',
          message: 'Missing or wrong token: open the URL that `upstream serve` printed.',
        },
      });
    }
  });

  it('shows a browser without the token a page saying how to get in, and keeps 401 JSON for the API', async () => {
    const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    for (const path of ['/', '/index.html', '/#/teams?unit=U1']) {
      for (const headers of [html, { ...html, cookie: `upstream_${server.port}=stale` }]) {
        const page = await send(server.port, { path, headers });
        expect(page.status).toBe(401);
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(page.headers['content-security-policy']).toContain("script-src 'self'");
        expect(page.body).toContain('This Upstream session needs its link');
        expect(page.body).toContain('upstream serve</code> printed (it contains a one-time token)');
        expect(page.body).not.toMatch(/<script|https?:\/\//i);
      }
    }
    // Methods, uploads and events still answer JSON, even to a browser's Accept header.
    for (const reply of [
      await api('info', {}, html),
      await send(server.port, { path: '/events', headers: html }),
    ]) {
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe('UNAUTHORIZED');
    }
  });

  it('exchanges the URL token for an HttpOnly same-site cookie and a clean URL', async () => {
    const first = await send(server.port, { path: `/?token=${server.token}` });
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send(server.port, { path: '/', headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Upstream</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves methods with the same results as the engine', async () => {
    const reply = await api('overview', { unitId: 'R1', period: '2025-Q1' });
    expect(reply.status).toBe(200);
    const direct = await engine.call('overview', { unitId: 'R1', period: '2025-Q1' });
    expect(JSON.parse(reply.body)).toEqual(direct);
  });

  it('serves drivers as the engine answers it, with its typed errors', async () => {
    const input = { outcome: 'engagement_index', period: '2025-Q2' };
    const reply = await api('drivers', input);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual(await engine.call('drivers', input));
    expect(JSON.parse(reply.body).value).toMatchObject({ status: 'ok', n: 27 });
    const unit = await api('drivers', { unitId: 'NOPE' });
    expect(unit.status).toBe(404);
    expect(JSON.parse(unit.body).error).toEqual({
      code: 'NOT_FOUND',
      message: "Unit 'NOPE' is not in the hierarchy in force for 2025-Q2.",
    });
    const level = await api('drivers', { outcome: 'nps', level: 'planet' });
    expect(level.status).toBe(400);
    expect(JSON.parse(level.body).error.code).toBe('INVALID_ARGUMENTS');
  });

  it("answers the app's page with engine errors in the body and status 200, so the browser logs no failed load", async () => {
    const reply = await api(
      'drivers',
      { unitId: 'NOPE' },
      { ...auth(), 'x-upstream-answer': 'in-body' },
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: "Unit 'NOPE' is not in the hierarchy in force for 2025-Q2.",
      },
    });
    const denied = await api('info', {}, { 'x-upstream-answer': 'in-body' });
    expect(denied.status).toBe(401);
  });

  it('returns typed errors with fitting status codes', async () => {
    const bad = await api('overview', { period: 'last year' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toEqual({
      code: 'INVALID_ARGUMENTS',
      message: 'Invalid arguments for overview: period: a period looks like 2025-Q3',
    });
    const unknown = await api('exec', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_METHOD');
    const notJson = await send(server.port, {
      method: 'POST',
      path: '/api/info',
      headers: auth(),
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error).toEqual({
      code: 'INVALID_ARGUMENTS',
      message: 'Request body is not valid JSON',
    });
  });

  it('refuses other Host names (DNS rebinding) and cross-origin calls', async () => {
    const rebound = await send(server.port, {
      path: '/',
      headers: { host: `evil.example:${server.port}`, ...auth() },
    });
    expect(rebound.status).toBe(421);
    const crossSite = await api('info', {}, { ...auth(), origin: 'http://evil.example' });
    expect(crossSite.status).toBe(401);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const reply = await send(server.port, { path, headers: auth() });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('do not serve');
    }
    expect((await send(server.port, { path: '/assets/app.js', headers: auth() })).status).toBe(200);
  });

  it('imports an uploaded file: upload, preview, run with progress events, quarantine', async () => {
    const events: string[] = [];
    const stream = request({
      host: '127.0.0.1',
      port: server.port,
      path: '/events',
      headers: { host: `127.0.0.1:${server.port}`, ...auth() },
    });
    stream.on('response', (res) => res.on('data', (chunk) => events.push(String(chunk))));
    stream.end();

    const csvText = 'cx_code,unit_id\nS-Z,T1\nS-Y,T404\n';
    const uploaded = await send(server.port, {
      method: 'POST',
      path: `/upload?name=${encodeURIComponent('../../mapping Q3.csv')}`,
      headers: auth(),
      body: csvText,
    });
    expect(uploaded.status).toBe(200);
    const [picked] = JSON.parse(uploaded.body).value;
    expect(picked).toMatchObject({ name: 'mapping Q3.csv', bytes: csvText.length });
    expect(picked.file).toMatch(/^file_/);

    const preview = JSON.parse(
      (await api('importPreview', { file: picked.file, kind: 'unit_mapping' })).body,
    );
    expect(preview.ok).toBe(true);
    expect(preview.value).toMatchObject({
      fileName: 'mapping Q3.csv',
      kind: 'unit_mapping',
      rows: 2,
    });

    const run = JSON.parse(
      (await api('importRun', { file: picked.file, mapping: preview.value.mapping })).body,
    );
    expect(run.value).toMatchObject({
      file: 'mapping Q3.csv',
      rowsRead: 2,
      rowsImported: 1,
      rowsQuarantined: 1,
    });
    const kept = JSON.parse((await api('quarantine', {})).body).value;
    expect(kept.rows[0]).toMatchObject({
      file: 'mapping Q3.csv',
      row: 3,
      column: 'unit_id',
      values: { cx_code: 'S-Y', unit_id: 'T404' },
    });
    await expect.poll(() => events.join('')).toContain('"phase":"done"');
    stream.destroy();

    const unknown = await api('importPreview', { file: 'file_AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(JSON.parse(unknown.body).error).toEqual({
      code: 'NOT_FOUND',
      message: 'That file is no longer available: choose it again.',
    });
    const path = await api('importPreview', { file: '/etc/passwd' });
    expect(JSON.parse(path.body).error.code).toBe('INVALID_ARGUMENTS');
  });

  it('says plainly when the port is in use', async () => {
    await expect(
      startLoopbackServer({ engine, staticDir: temp.path, port: server.port }),
    ).rejects.toThrow(
      `Port ${server.port} on 127.0.0.1 is already in use. Choose another with --port N, or --port 0 for any free port.`,
    );
  });
});
