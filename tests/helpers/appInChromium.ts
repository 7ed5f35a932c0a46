import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startServe } from './cli';

export interface AppInChromium {
  server: Awaited<ReturnType<typeof startServe>>;
  browser: Browser;
  page: Page;
  /** The run's token, for calling the API beside the page. */
  token: string;
}

/**
 * `upstream serve` on a workspace and a 1920x1080 Chromium page on it. Console errors and
 * warnings, page errors and any request that leaves the machine are pushed to `problems`.
 */
export async function openAppInChromium(
  browserPath: string,
  workspace: string,
  problems: string[],
): Promise<AppInChromium> {
  const server = await startServe(['--workspace', workspace]);
  const origin = new URL(server.url).origin;
  const browser = await launchChromium(browserPath);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin)) problems.push(`request left the machine: ${r.url()}`);
  });
  await page.goto(server.url);
  return { server, browser, page, token: new URL(server.url).searchParams.get('token')! };
}

/** Calls a method on the served engine as a script would (Bearer token); throws its error message. */
export async function callApi<T>(
  serverUrl: string,
  token: string,
  method: string,
  input: unknown,
): Promise<T> {
  const res = await fetch(`${new URL(serverUrl).origin}/api/${method}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error!.message);
  return body.value as T;
}
