import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { cachedSampleSync } from './sampleCache';

export const UPSTREAM_BIN = resolve(import.meta.dirname, '../../bin/upstream.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `upstream` command, as a user would. */
export function upstream(args: string[], options: { timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [UPSTREAM_BIN, ...args], {
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 300_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The real command without blocking, so runs can go in parallel (each on its own workspace). */
export function upstreamAsync(args: string[]): Promise<CliResult> {
  const child = spawn(process.execPath, [UPSTREAM_BIN, ...args], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((done) => child.once('close', (status) => done({ status, stdout, stderr })));
}

/** The error a failed command printed last on stderr ({"error":{"code","message"}}). */
export const cliErrorOf = (stderr: string): { code: string; message: string; hint?: string[] } =>
  JSON.parse(stderr.trim().split('\n').pop()!).error;

/** Starts `upstream serve` and resolves with its first stdout line (the URL) and a stop function. */
export function startServe(args: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [UPSTREAM_BIN, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(
      () => reject(new Error(`serve did not start in time: ${stderr}`)),
      300_000,
    );
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) {
        clearTimeout(timer);
        resolvePromise({
          url: line.trim(),
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
}

/**
 * The small sample company (seed 7) written to `exportsDir` and loaded into `workspace` by the
 * real command: built once per `npm test` run and copied (sampleCache.ts).
 */
export function writeSmallSample(workspace: string, exportsDir: string): CliResult {
  let result: CliResult = { status: 0, stdout: '', stderr: '' };
  try {
    cachedSampleSync('small-7-cli', workspace, exportsDir, (ws, exports) => {
      result = upstream([
        'sample',
        '--workspace',
        ws,
        '--exports',
        exports,
        '--scale',
        'small',
        '--seed',
        '7',
      ]);
      if (result.status !== 0) throw new Error(`upstream sample failed: ${result.stderr}`);
    });
  } catch {
    // The failed build's own result (status and stderr) is what the caller asserts on.
  }
  return result;
}
