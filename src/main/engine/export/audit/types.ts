import type { PublishedFigure } from '../content';

/** People attached directly to a unit, by their demographic groups (grouping -> group). */
export interface PeopleRow {
  unit: string;
  groups: Record<string, string>;
  n: number;
}

/** How one period's populations nest, and (where known) how many people each part holds. */
export interface AuditTree {
  /** unit -> parent (null for the top) in the hierarchy in force for the period. */
  parent: Map<string, string | null>;
  names?: Map<string, string>;
  /** Survey respondents attached to each unit, by group: sizes parts the published n leave open. */
  people?: PeopleRow[];
  /** Headcount attached to each unit (HR figures count heads, not respondents). */
  headcount?: Map<string, number>;
  /** Share metrics over a single item ('value:X' with one item): each person gives one answer. */
  oneAnswerEach?: Set<string>;
}

/** period -> its tree. */
export type AuditPopulations = Map<string, AuditTree>;

export interface SlideRef {
  /** 1-based. */
  number: number;
  title: string;
}

export interface Finding {
  kind: 'small_figure' | 'differencing' | 'unanimous_remainder';
  slides: SlideRef[];
  period: string;
  metric: string;
  /** The group pinned down, in words. */
  group: string;
  /** People in it. */
  n: number;
  /** The figures that together pin it down. */
  figures: PublishedFigure[];
  message: string;
}

/** A group value no figure names: everyone in a scope outside the groups shown. */
export const OTHER_GROUPS = '\u0000other';
