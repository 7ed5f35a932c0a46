import { CANONICAL_KINDS, type CanonicalKind } from '../../../shared/imports';

/**
 * The canonical columns of each kind of file, as the mapping screen offers them.
 *
 * COPIED FROM src/main/engine/import/canonicalFormats.ts (CANONICAL_COLUMNS) plus the extra roles of
 * src/main/engine/import/mapping/rules.ts (`comment` for survey responses): the renderer may not
 * import from src/main (layering rule), so keep this list in step with those files when a kind
 * gains a column. Only names, types and "required" are copied; validation stays in the engine.
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'date' | 'timestamp' | 'yes/no';

export interface CanonicalColumn {
  name: string;
  type: ColumnType;
  required: boolean;
  /** What the column means, in the analyst's words. */
  label: string;
  /** Inclusive range a value must lie in (scores, durations). */
  range?: [number, number];
  /**
   * What the engine uses when a required column has no source (src/main/engine/import/
   * surveyDefaults, applyMapping's row ids): such a column never blocks an import.
   */
  fallback?: string;
}

const c = (
  name: string,
  type: ColumnType,
  required: boolean,
  label: string,
  range?: [number, number],
): CanonicalColumn => ({ name, type, required, label, ...(range ? { range } : {}) });

const withFallback = (column: CanonicalColumn, fallback: string): CanonicalColumn => ({
  ...column,
  fallback,
});

export const CANONICAL_COLUMNS: Record<CanonicalKind, CanonicalColumn[]> = {
  org_units: [
    c('unit_id', 'text', true, 'Unit id'),
    c('unit_name', 'text', true, 'Unit name'),
    c('parent_id', 'text', false, 'Parent unit id'),
    c('level', 'text', true, 'Level in the hierarchy'),
    c('unit_type', 'text', true, 'Unit type'),
    c('leader_name', 'text', false, 'Leader name'),
    c('effective_from', 'date', true, 'In force from'),
  ],
  survey_items: [
    c('item_id', 'text', true, 'Item id'),
    c('item_text', 'text', true, 'Question text'),
    c('factor', 'text', true, 'Factor'),
    c('scale_min', 'integer', true, 'Scale minimum'),
    c('scale_max', 'integer', true, 'Scale maximum'),
    c('reverse_coded', 'yes/no', true, 'Reverse-coded'),
  ],
  survey_responses: [
    withFallback(c('respondent_id', 'text', true, 'Respondent id'), 'each row is one respondent'),
    c('period', 'text', true, 'Period (YYYY-Qn)'),
    withFallback(c('unit_id', 'text', true, 'Unit id'), 'the whole organisation'),
    withFallback(c('submitted_at', 'date', true, 'Submitted on'), 'the last day of the period'),
    c('tenure_band', 'text', false, 'Tenure band'),
    c('role', 'text', false, 'Role'),
    c('comment', 'text', false, 'Comment'),
  ],
  customer_feedback: [
    withFallback(c('response_id', 'text', true, 'Response id'), 'each row is one response'),
    c('responded_at', 'timestamp', true, 'Responded at'),
    c('cx_code', 'text', true, 'Store / queue code'),
    c('channel', 'text', false, 'Channel'),
    c('nps', 'integer', false, 'NPS score (0-10)', [0, 10]),
    c('csat', 'integer', false, 'CSAT score (1-5)', [1, 5]),
    c('ces', 'integer', false, 'Effort score (1-7)', [1, 7]),
    c('comment', 'text', false, 'Comment'),
  ],
  unit_mapping: [
    c('cx_code', 'text', true, 'Store / queue code'),
    c('unit_id', 'text', true, 'Unit id'),
  ],
  contact_centre: [
    withFallback(c('interaction_id', 'text', true, 'Interaction id'), 'each row is one call'),
    c('queue_code', 'text', true, 'Queue or team code'),
    c('agent_id', 'text', false, 'Agent id'),
    c('started_at', 'timestamp', true, 'Started at'),
    c('ivr_reason', 'text', false, 'IVR reason'),
    c('talk_seconds', 'integer', false, 'Talk time (seconds)', [0, 86400]),
    c('hold_seconds', 'integer', false, 'Hold time (seconds)', [0, 86400]),
    c('wrap_seconds', 'integer', false, 'Wrap time (seconds)', [0, 86400]),
    c('handle_seconds', 'integer', false, 'Handle time (seconds)', [0, 259200]),
    c('transferred', 'yes/no', false, 'Transferred'),
    c('repeat_contact', 'yes/no', false, 'Repeat contact'),
    c('answered', 'yes/no', false, 'Answered (no: abandoned or missed)'),
    c('csat', 'integer', false, 'Post-call CSAT (1-5)', [1, 5]),
  ],
  recognition: [
    withFallback(c('event_id', 'text', true, 'Event id'), 'each row is one event'),
    c('unit_id', 'text', true, 'Unit id'),
    c('recognised_at', 'date', true, 'Recognised on'),
    c('programme', 'text', true, 'Programme'),
  ],
  hr_metrics: [
    c('unit_id', 'text', true, 'Unit id'),
    c('period', 'text', true, 'Period (YYYY-Qn)'),
    c('headcount', 'integer', true, 'Headcount'),
    c('leavers', 'integer', true, 'Leavers'),
    c('absence_days', 'number', true, 'Absence days'),
  ],
  preaggregated: [
    c('unit_id', 'text', true, 'Unit id'),
    c('period', 'text', true, 'Period (YYYY-Qn)'),
    c('metric', 'text', true, 'Metric (e.g. NPS, eNPS, engagement_index)'),
    c('value', 'number', true, 'Value (on the metric’s scale)'),
    c('n', 'integer', true, 'n behind the value (people, responses, headcount)'),
  ],
  people: [
    c('employee_id', 'text', false, 'Employee id (only to find repeats; never stored)'),
    c('unit_id', 'text', true, 'Unit id or unit name'),
    c('hire_date', 'date', false, 'Hire / start date'),
    c('leave_date', 'date', false, 'Leave / termination date'),
    c('has_left', 'yes/no', false, 'Left (Yes/No, 1/0, or a status: Terminated / Active)'),
    c('absence_days', 'number', false, 'Absence days in the file’s last quarter', [0, 366]),
    c('period', 'text', false, 'Quarter the file describes (YYYY-Qn)'),
  ],
};

export { CANONICAL_KINDS };

export const KIND_LABELS: Record<CanonicalKind, string> = {
  org_units: 'Organisation hierarchy',
  survey_items: 'Survey item catalogue',
  survey_responses: 'Engagement survey responses',
  customer_feedback: 'Customer feedback (NPS / CSAT)',
  unit_mapping: 'Unit mapping (CX code to unit)',
  contact_centre: 'Contact-centre interactions',
  recognition: 'Recognition events',
  hr_metrics: 'HR metrics',
  preaggregated: 'Pre-aggregated figures (unit, period, metric, value, n)',
  people: 'People (HRIS roster: one row per employee)',
};

/** The kind inside a sentence: "imported as customer feedback". */
export const KIND_NOUNS: Record<CanonicalKind, string> = {
  org_units: 'an organisation hierarchy',
  survey_items: 'a survey item catalogue',
  survey_responses: 'engagement survey responses',
  customer_feedback: 'customer feedback',
  unit_mapping: 'a unit mapping',
  contact_centre: 'contact-centre interactions',
  recognition: 'recognition events',
  hr_metrics: 'HR metrics',
  preaggregated: 'pre-aggregated figures',
  people: 'a people roster (turned into HR metrics)',
};

export function kindNoun(kind: string): string {
  return (KIND_NOUNS as Record<string, string>)[kind] ?? kind;
}

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function canonicalColumn(kind: CanonicalKind, name: string): CanonicalColumn | undefined {
  return CANONICAL_COLUMNS[kind].find((col) => col.name === name);
}

/**
 * Columns a file may leave out and be given one value for the whole file instead (a one-quarter
 * survey export has no period column; an HRIS snapshot has no effective date).
 */
export const CONSTANT_COLUMNS: Partial<Record<CanonicalKind, string[]>> = {
  survey_responses: ['period'],
  hr_metrics: ['period'],
  preaggregated: ['period'],
  org_units: ['effective_from'],
  people: ['period'],
};

export const PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;
export const ISO_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks a typed-in constant; returns what is wrong, or null. */
export function constantProblem(column: string, value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Type a value';
  if (column === 'period' && !PERIOD_PATTERN.test(v))
    return 'Write the quarter as YYYY-Qn, e.g. 2025-Q3';
  const col = Object.values(CANONICAL_COLUMNS)
    .flat()
    .find((x) => x.name === column);
  if (col?.type === 'date' && !ISO_DATE_PATTERN.test(v))
    return 'Write the date as YYYY-MM-DD, e.g. 2025-07-01';
  return null;
}
