import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The browser to drive: $UPSTREAM_CHROMIUM, then Debian's chromium, then Playwright's own. */
export function findChromium(): { path: string; source: string } | null {
  const fromEnv = process.env.UPSTREAM_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, source: 'UPSTREAM_CHROMIUM' };
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(path)) return { path, source: 'Debian chromium' };
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, source: "Playwright's chromium" };
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

export async function launchChromium(path: string): Promise<Browser> {
  return chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true });
}

/** findChromium, saying which browser the named suite uses, or why it is skipped. */
export function chromiumFor(suite: string): { path: string; source: string } | null {
  const found = findChromium();
  if (found) console.log(`${suite} tests: using ${found.source} at ${found.path}`);
  else
    console.warn(
      `SKIPPED ${suite} tests: no Chromium found (set UPSTREAM_CHROMIUM, or apt-get install chromium).`,
    );
  return found;
}
