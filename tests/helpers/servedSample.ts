import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { callApi, openAppInChromium } from './appInChromium';
import { chromiumFor } from './browser';
import { startServe, writeSmallSample } from './cli';
import { makeTempDir } from './tempDir';

export interface ServedSample {
  /** Whether a browser was found (the suite is skipped, with a printed reason, when not). */
  available: boolean;
  readonly page: Page;
  readonly server: Awaited<ReturnType<typeof startServe>>;
  /** Console errors and warnings, page errors, requests that left the machine. */
  problems: string[];
  /** Calls a method on the served engine as a script would. */
  api<T>(method: string, input: unknown): Promise<T>;
}

/**
 * The small sample company served by `upstream serve` and opened in Chromium, for one browser
 * suite: call at the top of the file, use `available` in describe.skipIf, and inside the
 * describe call `register()` (it adds the beforeAll that builds and opens everything, and the
 * afterAll that closes it). `then` runs once the page is open (to open the suite's view).
 */
export function servedSmallSample(suite: string): ServedSample & {
  register(then?: (page: Page) => Promise<void>): void;
} {
  const browserPath = chromiumFor(suite);
  let server: Awaited<ReturnType<typeof startServe>> | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let token = '';
  let remove = () => {};
  const problems: string[] = [];
  return {
    available: browserPath !== null,
    problems,
    get page() {
      return page!;
    },
    get server() {
      return server!;
    },
    api: <T>(method: string, input: unknown) => callApi<T>(server!.url, token, method, input),
    register(then) {
      beforeAll(async () => {
        const temp = makeTempDir();
        remove = temp.remove;
        const workspace = join(temp.path, 'sample.duckdb');
        const sample = writeSmallSample(workspace, join(temp.path, 'exports'));
        expect(sample.status, sample.stderr).toBe(0);
        ({ server, browser, page, token } = await openAppInChromium(
          browserPath!.path,
          workspace,
          problems,
        ));
        await then?.(page);
      });
      afterAll(async () => {
        await browser?.close();
        await server?.stop();
        remove();
      });
    },
  };
}
