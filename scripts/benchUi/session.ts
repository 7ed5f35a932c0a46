import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { UPSTREAM_BIN } from './sample';

/** Things to close when the script ends, on success, error or Ctrl+C, newest first. */
const cleanups: { name: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | null = null;

export function onCleanup(name: string, run: () => Promise<void>): void {
  cleanups.push({ name, run });
}

export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const c = cleanups.pop()!;
      try {
        await Promise.race([c.run(), new Promise((r) => setTimeout(r, 15_000))]);
      } catch (error) {
        console.error(`closing ${c.name} failed: ${String(error)}`);
      }
    }
  })();
  return cleaning;
}

/** Runs main, then closes the server and browser whatever happened (also on SIGINT/SIGTERM). */
export function runScript(main: () => Promise<void>): void {
  // process.on, not once: Playwright's own SIGINT handler exits at once when it is the only one.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: closing the browser and the server`);
      void cleanup().then(() => process.exit(130));
    });
  }
  main()
    .then(cleanup)
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      await cleanup();
      process.exitCode = 1;
    });
}

export interface Server {
  url: string;
  origin: string;
  child: ChildProcess;
}

/**
 * `upstream serve --workspace W`, as tests/helpers/cli.ts starts it, with the renderer built into
 * its own folder (UPSTREAM_RENDERER_OUT) unless one is given. Registered for cleanup: SIGTERM,
 * then SIGKILL after 10 s.
 */
export function startServe(workspace: string, rendererOut: string): Promise<Server> {
  const child = spawn(process.execPath, [UPSTREAM_BIN, 'serve', '--workspace', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NO_COLOR: '1',
      UPSTREAM_RENDERER_OUT: process.env.UPSTREAM_RENDERER_OUT ?? rendererOut,
    },
  });
  onCleanup('upstream serve', async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(kill);
        done();
      });
      child.kill('SIGTERM');
    });
  });
  // Last resort, should the script exit before its cleanup ran: the server does not outlive it.
  process.once('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(
      () => reject(new Error(`upstream serve did not print its URL in 10 minutes: ${stderr}`)),
      600_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const nl = stdout.indexOf('\n');
      if (nl > 0) {
        clearTimeout(timer);
        const url = stdout.slice(0, nl).trim();
        resolve({ url, origin: new URL(url).origin, child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`upstream serve exited with ${code}: ${stderr}`));
    });
  });
}

export function findChromium(): string {
  for (const path of [
    process.env.UPSTREAM_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ])
    if (path && existsSync(path)) return path;
  throw new Error('no Chromium found: set UPSTREAM_CHROMIUM or apt-get install chromium');
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests that went anywhere but the server's origin (there should be none). */
  offsite: string[];
  /** Console errors and page errors. */
  consoleErrors: string[];
}

/**
 * Chromium at 1280x720. Nothing can leave 127.0.0.1: every non-loopback request is sent to a
 * closed port on 127.0.0.1 (a proxy that is not there; loopback bypasses proxies), and any that is
 * tried is logged in `offsite`. No request interception, so it adds no time to the app's requests.
 */
export async function openBrowser(
  origin: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--proxy-server=http://127.0.0.1:9',
    ],
  });
  onCleanup('chromium', () => browser.close());
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const offsite: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!url.startsWith(`${origin}/`) && url !== origin) {
      offsite.push(url);
      console.warn(`request outside 127.0.0.1 (blocked): ${url}`);
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  return { browser, context, page, offsite, consoleErrors };
}
