import type { CanonicalKind } from '../canonicalFormats';
import type { HeaderShape, SourceColumn } from '../readers/types';
import type { ColumnMapping } from './types';

/** What inference knows about one source column: the reader's header facts and sample values. */
export interface ColumnProfile extends Pick<
  SourceColumn,
  'name' | 'label' | 'importId' | 'valueLabels'
> {
  /** Up to ~200 non-empty, distinct-ish values from the file. */
  samples: string[];
  nonEmpty: number;
  rows: number;
}

/** An item already in the workspace's catalogue. (A type, not an interface, so it fits query row types.) */
export type CatalogueItem = {
  itemId: string;
  text: string;
  factor: string;
  scaleMin: number;
  scaleMax: number;
  reverseCoded: boolean;
};

/** One column's guessed role, for the mapping screen. */
export interface ColumnGuess {
  column: string;
  label?: string;
  /** Canonical column name, 'item', or null (ignored). */
  role: string | null;
  /** 0..1 */
  confidence: number;
  /** Short reason shown in the mapping screen. */
  why: string;
}

export interface InferredMapping {
  mapping: ColumnMapping;
  kind: CanonicalKind;
  kindConfidence: number;
  /** The other kinds, most likely first. */
  alternatives: { kind: CanonicalKind; confidence: number }[];
  /** One guess per input column, in input order. */
  columns: ColumnGuess[];
  /** What the analyst must check or choose, e.g. "no unit column found: choose one". */
  problems: string[];
}

export interface InferInput {
  fileName: string;
  headerShape: HeaderShape;
  columns: ColumnProfile[];
  /** The kind the analyst said (--as); inferred when absent. */
  kind?: CanonicalKind;
  catalogue: CatalogueItem[];
}
