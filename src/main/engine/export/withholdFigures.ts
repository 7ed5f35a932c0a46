import { formatMetricValue } from '../../../shared/figureText';
import { METRICS, type MetricId } from '../../../shared/metrics';
import type { Finding } from './audit/types';
import type { KeyFigure, PublishedFigure, SlideChart, SlideContent, StoryContent } from './content';

/** One figure withheld with the user's consent, as the caller reports it. */
export interface HiddenFigure {
  /** 1-based. */
  slide: number;
  message: string;
}

/**
 * The export without the figures the disclosure audit asked to hide: each one taken off its
 * slide wherever it is printed (its key figure says why, table cells say the same words, chart
 * values and heatmap cells become gaps, scatter points go) and out of `published`. A figure is
 * found by its value as the slide prints it; where a slide prints figures in another form (the
 * Values heatmap prints differences) or the value cannot be found, every figure on that slide is
 * withheld, so nothing hidden can be worked back from what is left.
 */
export function withholdFigures(
  content: StoryContent,
  hide: PublishedFigure[],
  findings: Finding[],
): { content: StoryContent; hidden: HiddenFigure[] } {
  const hidden: HiddenFigure[] = [];
  const slides = content.slides.map((slide) => {
    const mine = hide.filter((f) => f.slide === slide.index);
    if (mine.length === 0) return slide;
    const words = reasonFor(mine[0]!, findings);
    for (const f of mine) hidden.push({ slide: slide.index + 1, message: reasonFor(f, findings) });
    const located = locatable(slide) ? withholdByValue(slide, mine, words) : null;
    const kept = located ?? withholdAll(slide, words);
    return {
      ...kept,
      footnote: `${countWords(mine.length)} hidden for the export (disclosure audit). ${kept.footnote}`,
    };
  });
  return { content: { ...content, slides }, hidden };
}

const countWords = (n: number) => (n === 1 ? '1 figure' : `${n} figures`);

/** "Hidden for the export: with slide 2 it would reveal a small group". */
function reasonFor(figure: PublishedFigure, findings: Finding[]): string {
  const others = new Set<number>();
  for (const finding of findings) {
    if (!finding.figures.some((f) => sameFigure(f, figure))) continue;
    for (const ref of finding.slides) if (ref.number !== figure.slide + 1) others.add(ref.number);
  }
  const list = [...others].sort((a, b) => a - b);
  if (list.length === 0) return 'Hidden for the export: it would reveal a small group';
  const slides =
    list.length === 1
      ? `slide ${list[0]}`
      : `slides ${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
  return `Hidden for the export: with ${slides} it would reveal a small group`;
}

export const sameFigure = (a: PublishedFigure, b: PublishedFigure) =>
  a.slide === b.slide &&
  a.period === b.period &&
  a.metric === b.metric &&
  a.n === b.n &&
  a.value === b.value &&
  JSON.stringify(a.subject) === JSON.stringify(b.subject);

/** Views whose slides print each published figure as its own value. */
const locatable = (slide: SlideContent) => slide.view !== 'values';

function printedForms(f: PublishedFigure): { value: number; texts: Set<string> } | null {
  if (f.value === null) return null;
  const texts = new Set<string>([String(f.value)]);
  // Items and values (not metrics of their own) are printed as percentages favourable.
  const metric = (f.metric in METRICS ? f.metric : 'pct_favourable') as MetricId;
  texts.add(formatMetricValue(metric, f.value));
  return { value: f.value, texts };
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function withholdByValue(
  slide: SlideContent,
  figures: PublishedFigure[],
  words: string,
): SlideContent | null {
  const forms = figures.map(printedForms);
  if (forms.some((f) => f === null)) return null;
  const values = forms.map((f) => f!.value);
  const texts = new Set(forms.flatMap((f) => [...f!.texts]));
  const ns = new Set(figures.map((f) => f.n));
  const isHidden = (v: unknown) =>
    (typeof v === 'number' && values.some((h) => close(h, v))) ||
    (typeof v === 'string' && texts.has(v));
  let found = false;
  const mark = <T>(v: T, replacement: T | string | null): T | string | null => {
    if (!isHidden(v)) return v;
    found = true;
    return replacement;
  };

  const keyFigures: KeyFigure[] = slide.keyFigures.map((k) =>
    k.status === 'shown' && (isHidden(k.raw) || texts.has(k.value))
      ? ((found = true),
        { label: k.label, value: '—', raw: null, n: null, status: 'suppressed', note: words })
      : k,
  );
  const tables = slide.tables.map((t) => ({
    ...t,
    rows: t.rows.map((row) => {
      const marked = row.map((cell) => mark(cell, words));
      // A hidden value's n, printed next to it, goes with it.
      return marked.map((cell, i) =>
        i > 0 && marked[i - 1] === words && row[i - 1] !== words && ns.has(cell as number)
          ? words
          : cell,
      );
    }),
  }));
  const chart = slide.chart ? withholdInChart(slide.chart, isHidden, () => (found = true)) : null;
  const headline =
    slide.headline !== null && [...texts].some((t) => mentions(slide.headline!, t))
      ? null
      : slide.headline;
  if (!found) return null;
  return {
    ...slide,
    keyFigures,
    tables,
    chart,
    headline,
    published: slide.published.filter((p) => !figures.some((f) => sameFigure(f, p))),
  };
}

/** The number as a word of its own ("57.3" in "at 57.3 points", not in "157.3"). */
function mentions(text: string, number: string): boolean {
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\d.])${escaped}($|[^\\d])`).test(text);
}

function withholdInChart(
  chart: SlideChart,
  isHidden: (v: unknown) => boolean,
  onFound: () => void,
): SlideChart {
  const gap = (v: number | null) => {
    if (!isHidden(v)) return v;
    onFound();
    return null;
  };
  switch (chart.kind) {
    case 'line':
    case 'bar':
      return { ...chart, series: chart.series.map((s) => ({ ...s, values: s.values.map(gap) })) };
    case 'heatmap':
      return { ...chart, cells: chart.cells.map((row) => row.map(gap)) };
    case 'scatter':
      return {
        ...chart,
        points: chart.points.filter((p) => {
          if (!isHidden(p.x) && !isHidden(p.y)) return true;
          onFound();
          return false;
        }),
      };
  }
}

/** Every figure of the slide withheld: nothing on it can be combined with the rest any more. */
function withholdAll(slide: SlideContent, words: string): SlideContent {
  return {
    ...slide,
    keyFigures: slide.keyFigures.map((k) =>
      k.status === 'shown'
        ? { label: k.label, value: '—', raw: null, n: null, status: 'suppressed', note: words }
        : k,
    ),
    headline: null,
    chart: null,
    tables: slide.tables.map((t) => ({
      ...t,
      rows: t.rows.map((row) => row.map((cell, i) => (i === 0 ? cell : words))),
    })),
    published: [],
  };
}
