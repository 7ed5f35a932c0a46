export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** DejaVu Sans averages a little over half its size per character. */
const CHAR_WIDTH = 0.58;

/** Lines of at most `width` pixels at `size`, at most `maxLines`, the last cut with an ellipsis. */
export function wrapText(text: string, width: number, size: number, maxLines = 3): string[] {
  const perLine = Math.max(4, Math.floor(width / (size * CHAR_WIDTH)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1] ?? '';
    kept[maxLines - 1] = `${last.slice(0, Math.max(0, perLine - 1))}…`;
    return kept;
  }
  return lines;
}

/** A <text> of wrapped lines starting at (x, y), `lineHeight` apart. */
export function textBlock(
  lines: string[],
  x: number,
  y: number,
  size: number,
  options: { weight?: 'bold'; fill?: string; lineHeight?: number; anchor?: string } = {},
): string {
  const lineHeight = options.lineHeight ?? Math.round(size * 1.25);
  return lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}"${
          options.weight ? ` font-weight="${options.weight}"` : ''
        } fill="${options.fill ?? '#1a1a1a'}"${
          options.anchor ? ` text-anchor="${options.anchor}"` : ''
        }>${escapeXml(line)}</text>`,
    )
    .join('');
}
