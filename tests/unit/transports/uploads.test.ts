import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../../src/cli/serve/loopbackServer';
import { Engine } from '../../../src/main/engine/engine';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * Uploads hold people's data (names, e-mails, comments): nothing of them may stay on disk once
 * the import ends, the server stops or the upload fails. This file's process gets its own temp
 * folder, so "nothing left" means nothing at all under it.
 */
const temp = makeTempDir();
const tmp = join(temp.path, 'tmp');
mkdirSync(tmp);
process.env.TMPDIR = tmp;

const LIMIT = 64 * 1024;
const CSV = 'cx_code,unit_id\nS-Z,T1\nS-Y,T2\n';

/** Every file under the temp folder, as paths relative to it. */
function leftovers(dir = tmp, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? leftovers(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

interface Reply {
  status: number;
  body: string;
}

/** A raw upload: `chunks` are written one by one (no Content-Length: chunked) unless `length` is set. */
function upload(
  server: LoopbackServer,
  name: string,
  chunks: (string | Buffer)[],
  length?: number,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/upload?name=${encodeURIComponent(name)}`,
        headers: {
          host: `127.0.0.1:${server.port}`,
          authorization: `Bearer ${server.token}`,
          ...(length === undefined ? {} : { 'content-length': String(length) }),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

async function call(server: LoopbackServer, method: string, input: unknown) {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as {
    ok: boolean;
    value?: { mapping: Record<string, unknown>; rowsRead: number };
    error?: { code: string; message: string };
  };
}

describe('uploads to upstream serve', () => {
  let engine: Engine;
  let server: LoopbackServer;
  let staticDir: string;
  const start = () => startLoopbackServer({ engine, staticDir, port: 0, maxUploadBytes: LIMIT });

  beforeAll(async () => {
    engine = await Engine.open(join(temp.path, 'w.duckdb'), { create: true });
    staticDir = join(temp.path, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Upstream</title>');
    server = await start();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    engine?.close();
    temp.remove();
  });

  it('deletes an upload when its import ends, whether it succeeds or fails', async () => {
    const ok = await upload(server, 'mapping.csv', [CSV]);
    expect(ok.status).toBe(200);
    const file = JSON.parse(ok.body).value[0].file;
    expect(leftovers()).toHaveLength(1);
    const preview = await call(server, 'importPreview', { file, kind: 'unit_mapping' });
    expect(preview.ok).toBe(true);
    // A preview alone keeps it: the analyst may still change the mapping.
    expect(leftovers()).toHaveLength(1);
    const run = await call(server, 'importRun', { file, mapping: preview.value!.mapping });
    expect(run.value).toMatchObject({ rowsRead: 2 });
    expect(leftovers()).toEqual([]);
    const again = await call(server, 'importPreview', { file });
    expect(again.error?.code).toBe('NOT_FOUND');
    expect(again.error?.message).toContain('mapping.csv');

    const bad = await upload(server, 'broken.csv', [CSV]);
    const badFile = JSON.parse(bad.body).value[0].file;
    const failed = await call(server, 'importRun', {
      file: badFile,
      mapping: { ...preview.value!.mapping, columns: { cx_code: 'nope', unit_id: 'nada' } },
    });
    expect(failed.ok).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('deletes an upload the Import screen lets go of before importing it', async () => {
    const reply = await upload(server, 'dropped.csv', [CSV]);
    const file = JSON.parse(reply.body).value[0].file;
    expect(leftovers()).toHaveLength(1);
    const res = await fetch(`http://127.0.0.1:${server.port}/upload?file=${file}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(res.status).toBe(200);
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('refuses a body over the limit with 413 and the limit in words, keeping nothing', async () => {
    const big = Buffer.alloc(LIMIT + 1, 'a');
    const declared = await upload(server, 'big.csv', [big], big.length);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toBe(
      'big.csv is larger than the upload limit of 64 KB: import it with `upstream import`, or start `upstream serve` with a larger --max-upload-mb.',
    );
    expect(leftovers()).toEqual([]);

    // Chunked: no length up front, so the limit is checked while the body streams in.
    const chunks = Array.from({ length: 9 }, () => Buffer.alloc(8 * 1024, 'b'));
    const streamed = await upload(server, 'streamed.csv', chunks);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.message).toContain('upload limit of 64 KB');
    expect(leftovers()).toEqual([]);
    // The server is still there for the next request.
    expect((await upload(server, 'small.csv', [CSV])).status).toBe(200);
  }, 120_000);

  it('removes the partial file of an upload the client abandons', async () => {
    await server.close();
    server = await start();
    expect(leftovers()).toEqual([]);
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/upload?name=half.csv',
      headers: {
        host: `127.0.0.1:${server.port}`,
        authorization: `Bearer ${server.token}`,
        'content-length': String(LIMIT),
      },
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(LIMIT / 2, 'c'));
    // The server has started writing the file...
    await expect.poll(() => leftovers().length, { timeout: 60_000 }).toBe(1);
    // ...and the client goes away mid-body.
    req.destroy();
    await expect.poll(() => leftovers(), { timeout: 60_000 }).toEqual([]);
  }, 120_000);

  it('removes at start what a killed server left behind, and only that', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const orphan = join(tmp, `upstream-uploads-${dead}-Xy12ab`, 'u-1');
    const running = join(tmp, `upstream-uploads-${process.ppid}-Zz98cd`, 'u-1');
    for (const dir of [orphan, running]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'people.csv'), 'name,email\nAda,ada@example.org\n');
    }
    await server.close();
    server = await start();
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(running)).toBe(true);
    rmSync(dirname(running), { recursive: true });
  }, 120_000);

  it('deletes every upload when the server stops', async () => {
    for (const name of ['a.csv', 'b.csv'])
      expect((await upload(server, name, [CSV])).status).toBe(200);
    expect(leftovers()).toHaveLength(2);
    await server.close();
    expect(readdirSync(tmp)).toEqual([]);
    server = await start();
  }, 120_000);
});
