import { CANONICAL_KINDS, type CanonicalKind } from '../../../shared/imports';

/**
 * Upstream's canonical export formats: CSV, UTF-8, comma-separated, one header row, exactly these
 * column names (in any order; extra columns are ignored). Empty cells are NULL.
 * Vendor shapes (Qualtrics, SurveyMonkey, SPSS, XLSX...) are read by readers/ and mapped onto
 * these by a ColumnMapping (mapping/).
 *
 * Periods are calendar quarters written `YYYY-Qn`. Dates are ISO `YYYY-MM-DD`; timestamps
 * `YYYY-MM-DD HH:MM:SS`.
 */
export type DuckType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN';

export interface ColumnSpec {
  name: string;
  type: DuckType;
  required: boolean;
  /** Inclusive integer range a value must lie in; out-of-range rows go to quarantine. */
  range?: [number, number];
  /** Regular expression a non-empty text value must match (DuckDB regexp_full_match). */
  pattern?: string;
  /** The file's own column, when its name differs (a survey item's question): named in reasons. */
  source?: string;
}

export { CANONICAL_KINDS, type CanonicalKind };

const PERIOD = '\\d{4}-Q[1-4]';

export const CANONICAL_COLUMNS: Record<CanonicalKind, ColumnSpec[]> = {
  /** One snapshot of the hierarchy, in force from `effective_from` until the next snapshot. */
  org_units: [
    { name: 'unit_id', type: 'VARCHAR', required: true },
    { name: 'unit_name', type: 'VARCHAR', required: true },
    { name: 'parent_id', type: 'VARCHAR', required: false },
    { name: 'level', type: 'VARCHAR', required: true },
    { name: 'unit_type', type: 'VARCHAR', required: true },
    { name: 'leader_name', type: 'VARCHAR', required: false },
    { name: 'effective_from', type: 'DATE', required: true },
  ],
  /** factor: engagement | value:<Value name> | leadership | enablement | enps */
  survey_items: [
    { name: 'item_id', type: 'VARCHAR', required: true, pattern: '[A-Za-z][A-Za-z0-9_]*' },
    { name: 'item_text', type: 'VARCHAR', required: true },
    { name: 'factor', type: 'VARCHAR', required: true },
    { name: 'scale_min', type: 'INTEGER', required: true },
    { name: 'scale_max', type: 'INTEGER', required: true },
    { name: 'reverse_coded', type: 'BOOLEAN', required: true },
  ],
  /**
   * Wide: one row per respondent per period. Besides these columns, one INTEGER column per
   * item_id in the item catalogue (empty = not answered), and an optional `comment` column.
   */
  survey_responses: [
    { name: 'respondent_id', type: 'VARCHAR', required: true },
    { name: 'period', type: 'VARCHAR', required: true, pattern: PERIOD },
    { name: 'unit_id', type: 'VARCHAR', required: true },
    { name: 'submitted_at', type: 'DATE', required: true },
    { name: 'tenure_band', type: 'VARCHAR', required: false },
    { name: 'role', type: 'VARCHAR', required: false },
  ],
  customer_feedback: [
    { name: 'response_id', type: 'VARCHAR', required: true },
    { name: 'responded_at', type: 'TIMESTAMP', required: true },
    { name: 'cx_code', type: 'VARCHAR', required: true },
    { name: 'channel', type: 'VARCHAR', required: false },
    { name: 'nps', type: 'INTEGER', required: false, range: [0, 10] },
    { name: 'csat', type: 'INTEGER', required: false, range: [1, 5] },
    { name: 'ces', type: 'INTEGER', required: false, range: [1, 7] },
    { name: 'comment', type: 'VARCHAR', required: false },
  ],
  unit_mapping: [
    { name: 'cx_code', type: 'VARCHAR', required: true },
    { name: 'unit_id', type: 'VARCHAR', required: true },
  ],
  contact_centre: [
    { name: 'interaction_id', type: 'VARCHAR', required: true },
    { name: 'queue_code', type: 'VARCHAR', required: true },
    { name: 'agent_id', type: 'VARCHAR', required: false },
    { name: 'started_at', type: 'TIMESTAMP', required: true },
    { name: 'ivr_reason', type: 'VARCHAR', required: false },
    // Logs carry what their system records: every duration and flag is optional, and a figure
    // that needs one the log lacks shows no data (derived/contactQueueStats.ts).
    { name: 'talk_seconds', type: 'INTEGER', required: false, range: [0, 86400] },
    { name: 'hold_seconds', type: 'INTEGER', required: false, range: [0, 86400] },
    { name: 'wrap_seconds', type: 'INTEGER', required: false, range: [0, 86400] },
    { name: 'handle_seconds', type: 'INTEGER', required: false, range: [0, 259200] },
    { name: 'transferred', type: 'BOOLEAN', required: false },
    { name: 'repeat_contact', type: 'BOOLEAN', required: false },
    /** false: the call was abandoned or missed (counted, kept out of time averages). */
    { name: 'answered', type: 'BOOLEAN', required: false },
    /** A post-call survey's 1-5 satisfaction score, where the log carries one. */
    { name: 'csat', type: 'INTEGER', required: false, range: [1, 5] },
  ],
  recognition: [
    { name: 'event_id', type: 'VARCHAR', required: true },
    { name: 'unit_id', type: 'VARCHAR', required: true },
    { name: 'recognised_at', type: 'DATE', required: true },
    { name: 'programme', type: 'VARCHAR', required: true },
  ],
  hr_metrics: [
    { name: 'unit_id', type: 'VARCHAR', required: true },
    { name: 'period', type: 'VARCHAR', required: true, pattern: PERIOD },
    { name: 'headcount', type: 'INTEGER', required: true, range: [0, 10000000] },
    { name: 'leavers', type: 'INTEGER', required: true, range: [0, 10000000] },
    { name: 'absence_days', type: 'DOUBLE', required: true },
  ],
  /**
   * Figures someone else computed: one row per unit, period and registry metric (an id of
   * src/shared/metrics.ts or a common name for it, such as "NPS" or "Average handle time"), its
   * value on the registry's scale and the n behind it (people, responses, interactions or
   * headcount). See kinds/preaggregated.ts for the rules and derived/preaggregatedStats.ts for
   * how they join the figures Upstream computes itself.
   */
  preaggregated: [
    { name: 'unit_id', type: 'VARCHAR', required: true },
    { name: 'period', type: 'VARCHAR', required: true, pattern: PERIOD },
    { name: 'metric', type: 'VARCHAR', required: true },
    { name: 'value', type: 'DOUBLE', required: true },
    { name: 'n', type: 'INTEGER', required: true },
  ],
  /**
   * An HRIS roster: one row per employee. Never stored as such: the rows become headcount,
   * leavers and absence per unit and quarter in hr_metrics (kinds/people.ts), and the employee
   * id is only used to find a person listed twice. unit_id may hold a unit id or a unit name
   * (matched to org_units by name, case and spaces aside). has_left: Yes/No, 1/0 or a status
   * ("Terminated", "Active"); absence_days: the person's days of absence in the file's last
   * quarter (`period`, or the quarter of its latest date).
   */
  people: [
    { name: 'employee_id', type: 'VARCHAR', required: false },
    { name: 'unit_id', type: 'VARCHAR', required: true },
    { name: 'hire_date', type: 'DATE', required: false },
    { name: 'leave_date', type: 'DATE', required: false },
    { name: 'has_left', type: 'BOOLEAN', required: false },
    { name: 'absence_days', type: 'DOUBLE', required: false, range: [0, 366] },
    { name: 'period', type: 'VARCHAR', required: false, pattern: PERIOD },
  ],
};
