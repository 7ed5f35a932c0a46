import type { Commitment, Predict, Story } from '../../../shared/workshop';

/**
 * What an export says, before any file format: every writer (PowerPoint, PDF, PNG, XLSX, CSV)
 * draws only from this, and the disclosure audit checks only `published`. Built from the engine's
 * own answers (so every figure has passed the confidentiality rules), masked as a whole when the
 * export is masked, so no writer ever sees a real name it could leak.
 */

/** One figure as a slide shows it. */
export interface KeyFigure {
  label: string;
  /** As printed ("72", "+5", "0.41"); '—' with `status` saying why when there is no figure. */
  value: string;
  raw: number | null;
  /** People (or responses) behind it; null when it is not a count of people. */
  n: number | null;
  status: 'shown' | 'suppressed' | 'no_data';
  /** Why it is not shown, or what it means ("r, 95% interval 0.21 to 0.55"). */
  note?: string;
}

export type SlideChart =
  | {
      kind: 'line';
      xLabel: string;
      yLabel: string;
      categories: string[];
      series: { name: string; values: (number | null)[] }[];
    }
  | {
      kind: 'scatter';
      xLabel: string;
      yLabel: string;
      points: { label: string; x: number; y: number; n: number | null }[];
      fit: { slope: number; intercept: number } | null;
    }
  | {
      kind: 'bar';
      xLabel: string;
      yLabel: string;
      categories: string[];
      series: { name: string; values: (number | null)[] }[];
    }
  | {
      kind: 'heatmap';
      rowLabel: string;
      rows: string[];
      columns: string[];
      /** null: suppressed or no data (the table says which). */
      cells: (number | null)[][];
      scale: 'difference' | 'percent';
    };

/** A table behind a view, as the spreadsheet export writes it. */
export interface SlideTable {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** Who a published employee figure is about, for the disclosure audit. */
export type FigureSubject =
  | { kind: 'unit'; unitId: string }
  | { kind: 'set'; unitIds: string[] }
  | { kind: 'group'; scopeUnitId: string; grouping: string; group: string }
  /**
   * Only the people attached directly to these units, not those of units below them: a team
   * page's 'direct' scope is the unit's own people and those of the units reporting to it.
   */
  | { kind: 'members'; unitIds: string[] };

/** Every employee figure an export prints (shown ones only), with its group size. */
export interface PublishedFigure {
  /** 0-based slide index. */
  slide: number;
  period: string;
  subject: FigureSubject;
  metric: string;
  n: number;
  value: number | null;
}

export interface SlideContent {
  index: number;
  id: string;
  title: string;
  /** "Linkage · Region North · 2026-Q2": the view, the unit or set, the period. */
  subtitle: string;
  view: string;
  state: string;
  /** The saved view's note (shown on the slide) and the speaker note (notes page only). */
  note: string;
  speakerNote: string;
  keyFigures: KeyFigure[];
  /** The one plain sentence a view leads with (the linkage sentence, the weakest value). */
  headline: string | null;
  chart: SlideChart | null;
  tables: SlideTable[];
  /** Period, definitions and the confidentiality rule. */
  footnote: string;
  predict: Predict | null;
  guesses: { person: string; guess: string }[];
  /** Why the slide could not be drawn (its unit went away): the slide says so instead. */
  problem: string | null;
  published: PublishedFigure[];
}

export interface StoryContent {
  name: string;
  title: string;
  masked: boolean;
  minGroupSize: number;
  generatedAt: string;
  slides: SlideContent[];
  commitments: (Commitment & { slideTitle: string | null; unitName: string | null })[];
  story: Pick<Story, 'id' | 'name'>;
}
