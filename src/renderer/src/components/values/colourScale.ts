/**
 * Colour-blind-safe heatmap colours, one scale per view (never mixed):
 *   sequential  light to dark purple (ColorBrewer Purples), for % favourable
 *   diverging   brown (below) - near-white (0) - teal (above) (ColorBrewer BrBG), symmetric
 *               around 0, for points vs a reference
 * Both are ColorBrewer's colour-blind-safe schemes and keep clear of the blue and orange reserved
 * for employee and customer data. The printed number (and its sign) carries the meaning.
 */
export interface ColourScale {
  family: 'percent' | 'delta';
  min: number;
  max: number;
  diverging: boolean;
}

type Rgb = [number, number, number];

const SEQUENTIAL: Rgb[] = [
  [0xfc, 0xfb, 0xfd],
  [0xda, 0xda, 0xeb],
  [0x9e, 0x9a, 0xc8],
  [0x6a, 0x51, 0xa3],
  [0x3f, 0x00, 0x7d],
];

const DIVERGING: Rgb[] = [
  [0x54, 0x30, 0x05],
  [0xa6, 0x61, 0x1a],
  [0xdf, 0xc2, 0x7d],
  [0xf5, 0xf5, 0xf5],
  [0x80, 0xcd, 0xc1],
  [0x01, 0x85, 0x71],
  [0x00, 0x3c, 0x30],
];

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
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Position 0..1 of a value on the scale (diverging scales are centred on 0). */
export function scalePosition(scale: ColourScale, value: number): number {
  if (scale.diverging) {
    const half = Math.max(Math.abs(scale.min), Math.abs(scale.max)) || 1;
    return 0.5 + Math.max(-1, Math.min(1, value / half)) / 2;
  }
  const span = scale.max - scale.min || 1;
  return (value - scale.min) / span;
}

/** Background and readable ink for a value. */
export function cellColours(
  scale: ColourScale,
  value: number,
): { background: string; color: string } {
  const rgb = mix(scale.diverging ? DIVERGING : SEQUENTIAL, scalePosition(scale, value));
  return { background: hex(rgb), color: luminance(rgb) > 0.3 ? '#111827' : '#ffffff' };
}

/** A CSS gradient of the whole scale, for the legend. */
export function scaleGradient(scale: ColourScale): string {
  const stops = scale.diverging ? DIVERGING : SEQUENTIAL;
  return `linear-gradient(to right, ${stops.map(hex).join(', ')})`;
}
