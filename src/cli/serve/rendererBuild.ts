import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { note } from '../output';

/** The project folder: the sources' or the compiled command's (out/cli/...), wherever it runs from. */
function findProjectRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'vite.renderer.config.ts'))) return dir;
    if (dirname(dir) === dir) return resolve(import.meta.dirname, '../../..');
  }
}
const projectRoot = findProjectRoot();
/**
 * UPSTREAM_RENDERER_OUT puts the build elsewhere: for developers working on the interface in
 * parallel, whose half-finished builds would otherwise replace each other's.
 */
export const rendererOutDir =
  process.env.UPSTREAM_RENDERER_OUT ?? join(projectRoot, 'out/renderer');

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs,
    );
  }
  return newest;
}

/**
 * `upstream serve` needs the built renderer. Build it when missing or older than its sources, so
 * nobody has to know about a build step; an installed copy without sources uses what it has.
 */
export async function ensureRendererBuilt(): Promise<string> {
  const index = join(rendererOutDir, 'index.html');
  const sources = [join(projectRoot, 'src/renderer'), join(projectRoot, 'src/shared')].filter(
    existsSync,
  );
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const stale = sources.length > 0 && Math.max(...sources.map(newestSourceTime)) > built;
  if (built && !stale) return rendererOutDir;
  note('Building the app interface (only when its sources changed)...');
  const { build } = await import('vite');
  // Loaded by its path, through tsx, so the compiled command does not bundle the config (which
  // finds the renderer's sources relative to itself).
  const { tsImport } = await import('tsx/esm/api');
  const { rendererConfig } = (await tsImport(
    pathToFileURL(join(projectRoot, 'vite.renderer.config.ts')).href,
    import.meta.url,
  )) as typeof import('../../../vite.renderer.config');
  // Always a production build, even when started from a test run (vitest sets NODE_ENV=test,
  // which would otherwise give users React's development build).
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const config = rendererConfig();
    await build({
      ...config,
      build: { ...config.build, outDir: rendererOutDir },
      mode: 'production',
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
  return rendererOutDir;
}
