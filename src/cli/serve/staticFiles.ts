import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** A file under root for a URL path, or null; never anything outside root. */
export function resolveStatic(
  root: string,
  urlPath: string,
): { body: Buffer; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (!existsSync(full) || !statSync(full).isFile()) return null;
  return {
    body: readFileSync(full),
    type: CONTENT_TYPES[extname(full)] ?? 'application/octet-stream',
  };
}

/**
 * The page a browser gets for a bookmark or a typed address without the run's token: what
 * happened and what to do, in the app's look, with no script and nothing fetched (the server's
 * CSP applies). The API keeps answering 401 JSON.
 */
export const NEEDS_LINK_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>Upstream: open the link from upstream serve</title>
<style>
:root { --bg: #f3f5f7; --surface: #fff; --ink-1: #111827; --ink-2: #374151; --line: #c9d0d8;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif;
  font-size: calc(100% + 0.35vw); line-height: 1.45; color: var(--ink-1); background: var(--bg); }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --surface: #161c24; --ink-1: #f5f7fa; --ink-2: #d5dbe3; --line: #3d4754; }
}
body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 1.5rem; box-sizing: border-box; }
main { max-width: 40rem; background: var(--surface); border: 1px solid var(--line); border-radius: 0.6rem; padding: 1.6rem 1.9rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.7rem; line-height: 1.2; }
p { font-size: 1.1rem; margin: 0.6rem 0 0; color: var(--ink-2); }
code { font-size: 1rem; font-weight: 650; color: var(--ink-1); }
</style>
</head>
<body>
<main>
<h1>This Upstream session needs its link</h1>
<p>Open the address <code>upstream serve</code> printed (it contains a one-time token), or restart <code>upstream serve</code>.</p>
<p>The token keeps the workspace to the person who started the server: a bookmark of the page does not carry it.</p>
</main>
</body>
</html>
`;
