import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The bundled fonts every exported picture and PDF is set in: no system font is ever looked up. */
export const FONT_FAMILY = 'DejaVu Sans';
const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';

let found: string | null = null;

/**
 * resources/fonts: beside the packaged app (Electron's resourcesPath), or found by walking up from
 * this file (the command line and tests run from the sources; a build runs from out/).
 */
export function fontsDir(): string {
  if (found) return found;
  const candidates: string[] = [];
  if (process.env.UPSTREAM_FONTS_DIR) candidates.push(process.env.UPSTREAM_FONTS_DIR);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'));
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'resources', 'fonts'));
    if (dirname(dir) === dir) break;
  }
  const hit = candidates.find((dir) => existsSync(join(dir, REGULAR)));
  if (!hit) throw new Error(`The bundled fonts (${REGULAR}) were not found in resources/fonts.`);
  found = hit;
  return hit;
}

export function fontFiles(): { regular: string; bold: string } {
  const dir = fontsDir();
  return { regular: join(dir, REGULAR), bold: join(dir, BOLD) };
}
