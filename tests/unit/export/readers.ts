import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

/** Every text part of an Office file, embedded workbooks (chart data) opened too. */
export async function officeParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    if (/\.(xml|rels)$/.test(name)) parts.set(name, await entry.async('string'));
    if (name.endsWith('.xlsx')) {
      for (const [inner, text] of await officeParts(await entry.async('uint8array'))) {
        parts.set(`${name}!${inner}`, text);
      }
    }
  }
  return parts;
}

/** The PDF's text as poppler's pdftotext reads it (what a search or a screen reader finds). */
export function pdfText(bytes: Uint8Array): string {
  return poppler('pdftotext', bytes, ['-enc', 'UTF-8']);
}

/** The PDF's document info (Title, Author, Subject, Keywords...) as poppler's pdfinfo prints it. */
export function pdfInfo(bytes: Uint8Array): string {
  return poppler('pdfinfo', bytes, ['-enc', 'UTF-8']);
}

function poppler(tool: string, bytes: Uint8Array, options: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'upstream-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    return execFileSync(tool, [...options, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function decodePng(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

export function distinctColours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) seen.add(png.data.readUInt32BE(i));
  return seen.size;
}

/** Average RGB of a block of the picture, given in 1920x1080 coordinates. */
export function blockColour(png: PNG, x: number, y: number, size: number): number[] {
  const scale = png.width / 1920;
  const sum = [0, 0, 0];
  let count = 0;
  for (let dy = 0; dy < size * scale; dy++) {
    for (let dx = 0; dx < size * scale; dx++) {
      const i = ((Math.floor(y * scale) + dy) * png.width + Math.floor(x * scale) + dx) * 4;
      sum[0]! += png.data[i]!;
      sum[1]! += png.data[i + 1]!;
      sum[2]! += png.data[i + 2]!;
      count++;
    }
  }
  return sum.map((s) => s / count);
}
