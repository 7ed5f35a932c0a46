/**
 * Heatmap colours, one scale on screen at a time (never mixed), both colour-blind safe:
 *   diverging   orange (below) - light grey (0) - blue (above), for points vs a reference. The
 *               range is the engine's fixed -20..+20 in every difference mode, so a colour means
 *               the same gap in every mode and view; beyond it the end colours are used (clamped)
 *               and the number still says how far. Orange-blue is the pair the common colour
 *               vision deficiencies keep apart (ColorBrewer PuOr's orange arm, RdBu's blue arm).
 *   sequential  single-hue purple, light to dark (ColorBrewer Purples), for % favourable; it
 *               spans the range on screen rounded out to tens (e.g. 60%..100%, at least 20 points
 *               wide) so the differences present use the whole scale instead of one washed band.
 * Text on a data colour is black or white, whichever contrasts more (WCAG contrast ratio).
 * Everything that is not a data colour comes from the theme's CSS variables.
 */
export interface ColourScale {
  family: 'percent' | 'delta';
  min: number;
  max: number;
  diverging: boolean;
}

type Rgb = [number, number, number];

const SEQUENTIAL: Rgb[] = [
  [0xef, 0xed, 0xf5],
  [0xda, 0xda, 0xeb],
  [0xbc, 0xbd, 0xdc],
  [0x9e, 0x9a, 0xc8],
  [0x80, 0x7d, 0xba],
  [0x6a, 0x51, 0xa3],
  [0x54, 0x27, 0x8f],
  [0x3f, 0x00, 0x7d],
];

const DIVERGING: Rgb[] = [
  [0xb3, 0x58, 0x06],
  [0xe0, 0x82, 0x14],
  [0xfd, 0xb8, 0x63],
  [0xf2, 0xf2, 0xf2],
  [0x92, 0xc5, 0xde],
  [0x43, 0x93, 0xc3],
  [0x21, 0x66, 0xac],
];

const DARK_INK: Rgb = [0x11, 0x18, 0x27];
const LIGHT_INK: Rgb = [0xff, 0xff, 0xff];

function mix(stops: Rgb[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as Rgb;
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The range the sequential scale spans for these % favourable figures: rounded out to tens,
 * at least 20 points wide, within 0..100. The engine's own range (0..100) when there are none.
 */
export function sequentialDomain(values: number[], scale: ColourScale): ColourScale {
  const finite = values.filter((v) => Number.isFinite(v));
  if (scale.diverging || finite.length === 0) return scale;
  let lo = Math.max(0, Math.floor(Math.min(...finite) / 10) * 10);
  let hi = Math.min(100, Math.ceil(Math.max(...finite) / 10) * 10);
  if (hi === lo) hi = Math.min(100, lo + 10);
  while (hi - lo < 20) {
    if (lo > 0) lo -= 10;
    else hi += 10;
  }
  return { ...scale, min: lo, max: Math.min(100, hi) };
}

/** Position 0..1 of a value on the scale (diverging scales are centred on 0), clamped. */
export function scalePosition(scale: ColourScale, value: number): number {
  if (scale.diverging) {
    const half = Math.max(Math.abs(scale.min), Math.abs(scale.max)) || 1;
    return 0.5 + Math.max(-1, Math.min(1, value / half)) / 2;
  }
  const span = scale.max - scale.min || 1;
  return Math.min(1, Math.max(0, (value - scale.min) / span));
}

/** Whether the value lies beyond the scale's ends (drawn in the end colour). */
export function isClamped(scale: ColourScale, value: number): boolean {
  return value < scale.min || value > scale.max;
}

/** Background and the more readable of black and white ink for a value. */
export function cellColours(
  scale: ColourScale,
  value: number,
): { background: string; color: string } {
  const rgb = mix(scale.diverging ? DIVERGING : SEQUENTIAL, scalePosition(scale, value));
  const ink = contrastRatio(rgb, DARK_INK) >= contrastRatio(rgb, LIGHT_INK) ? DARK_INK : LIGHT_INK;
  return { background: hex(rgb), color: hex(ink) };
}

/**
 * A faded cell (difference within noise): the data colour at 35% over the theme's surface, in
 * the theme's ink (the surface dominates, so the theme's ink contrasts with it).
 */
export function fadedColours(
  scale: ColourScale,
  value: number,
): { background: string; color: string } {
  const { background } = cellColours(scale, value);
  return {
    background: `color-mix(in srgb, ${background} 35%, var(--surface))`,
    color: 'var(--ink-1)',
  };
}

/** A CSS gradient of the whole scale, for the legend. */
export function scaleGradient(scale: ColourScale): string {
  const stops = scale.diverging ? DIVERGING : SEQUENTIAL;
  return `linear-gradient(to right, ${stops.map(hex).join(', ')})`;
}
