import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/main/engine/engine';
import { UPSTREAM_BIN } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tempDir';

/** `upstream serve` as a user runs it, stopped with Ctrl+C or by a service manager. */
describe('upstream serve deletes its uploads when it is stopped', () => {
  const temp = makeTempDir();
  const workspace = join(temp.path, 'w.duckdb');

  beforeAll(async () => {
    (await Engine.open(workspace, { create: true })).close();
  }, 120_000);
  afterAll(() => temp.remove());

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal}`, async () => {
      const tmp = join(temp.path, `tmp-${signal}`);
      mkdirSync(tmp);
      const child = spawn(process.execPath, [UPSTREAM_BIN, 'serve', '--workspace', workspace], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TMPDIR: tmp },
      });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      const url = await new Promise<URL>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += c;
          if (out.includes('\n')) resolve(new URL(out.split('\n')[0]!.trim()));
        });
        void exited.then(() => reject(new Error(`serve exited: ${stderr}`)));
      });
      const token = url.searchParams.get('token')!;
      const reply = await fetch(`${url.origin}/upload?name=people.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: 'name,email\nAda Lovelace,ada@example.org\n',
      });
      expect(reply.status).toBe(200);
      const uploads = () => readdirSync(tmp).filter((e) => e.startsWith('upstream-upload'));
      expect(uploads()).toHaveLength(1);

      child.kill(signal);
      expect(await exited).toBe(0);
      expect(uploads()).toEqual([]);
    }, 300_000);
  }
});
