/**
 * Reverse keying written into an item's own text or a codebook's keying cell. SPSS and codebook
 * authors mark reverse-keyed items in the variable label ("I often think of leaving (R)",
 * "... (reversed)", "... [reverse scored]"), and codebooks key items with -1/1, R, "reverse",
 * "negative" or yes/no.
 */

/** "(R)", "[reversed]", "(reverse scored)" at the end of an item's text; also used in SQL (RE2). */
export const REVERSE_MARKER =
  '\\s*[([]\\s*(?:r|rev|reversed?|reverse[ -]?(?:coded|scored|keyed)|recoded|negatively keyed)\\s*[)\\]]\\s*$';
const MARKER = new RegExp(REVERSE_MARKER, 'i');

/** Whether an item's text marks it reverse-keyed, and the text without the marker. */
export function reverseMarker(text: string): { reversed: boolean; text: string } {
  const trimmed = text.trim();
  if (MARKER.test(trimmed)) return { reversed: true, text: trimmed.replace(MARKER, '').trim() };
  if (/\breverse(?:d|ly)?(?:[ -]?(?:coded|scored|keyed))?\b/i.test(trimmed))
    return { reversed: true, text: trimmed };
  return { reversed: false, text: trimmed };
}

const REVERSED = new Set([
  '-1',
  '-1.0',
  'r',
  'rev',
  'reverse',
  'reversed',
  'reverse coded',
  'reverse scored',
  'reverse keyed',
  'negative',
  'neg',
  '-',
  'minus',
  'yes',
  'y',
  'true',
  't',
  '1',
]);
const FORWARD = new Set([
  '1',
  '+1',
  '1.0',
  'f',
  'fwd',
  'forward',
  'normal',
  'positive',
  'pos',
  '+',
  'plus',
  'no',
  'n',
  'false',
  '0',
  '',
]);

/**
 * A codebook's keying cells as reverse_coded: with -1 among them, -1 is reverse and 1 forward;
 * otherwise "R", "reverse", "negative", yes/true/1 are reverse and the rest forward. Null when a
 * cell is none of these.
 */
export function keyingReader(cells: readonly string[]): (cell: string) => boolean | null {
  const norm = (c: string) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, ' ');
  const signed = cells.some((c) => /^-\s*1(?:\.0+)?$/.test(c.trim()));
  return (cell) => {
    const c = norm(cell);
    if (signed) {
      if (/^-\s*1(?:\.0+)?$/.test(c)) return true;
      if (/^\+?1(?:\.0+)?$/.test(c) || c === '') return false;
    }
    if (REVERSED.has(c)) return !(signed && c === '1');
    if (FORWARD.has(c)) return false;
    return null;
  };
}

/** Share of cells a codebook keying column reads (see keyingReader). */
export function keyingShare(cells: readonly string[]): number {
  if (cells.length === 0) return 0;
  const read = keyingReader(cells);
  return cells.filter((c) => read(c) !== null).length / cells.length;
}
