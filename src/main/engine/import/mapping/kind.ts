import { CANONICAL_KINDS, type CanonicalKind } from '../canonicalFormats';
import type { HeaderShape } from '../readers/types';
import type { RoleAssignment } from './roles';

/**
 * How well a file fits each kind: weighted evidence from the roles its columns could fill (the
 * distinctive ones weigh most: parent ids for hierarchies, talk/hold/wrap for contact centres),
 * the number of answer-scale columns, file name hints and the vendor header shape.
 */
const WEIGHTS: Record<CanonicalKind, Record<string, number>> = {
  org_units: {
    unit_id: 2,
    unit_name: 2,
    parent_id: 3,
    level: 1,
    unit_type: 1,
    leader_name: 0.5,
    effective_from: 0.5,
  },
  survey_items: {
    item_id: 2,
    item_text: 3,
    factor: 2,
    scale_min: 1,
    scale_max: 1,
    reverse_coded: 1,
  },
  survey_responses: {
    items: 4,
    respondent_id: 2,
    unit_id: 1.5,
    submitted_at: 1,
    period: 0.5,
    tenure_band: 0.5,
    role: 0.5,
  },
  customer_feedback: {
    rating: 3,
    cx_code: 2,
    responded_at: 1.5,
    response_id: 1,
    channel: 0.5,
    comment: 0.5,
  },
  unit_mapping: { cx_code: 2, unit_id: 2 },
  contact_centre: {
    // Any durations: logs carry some of talk, hold, wrap-up and handle times, rarely all.
    durations: 4,
    queue_code: 1.5,
    interaction_id: 1,
    started_at: 1,
    agent_id: 0.5,
    transferred: 0.5,
    repeat_contact: 0.5,
    answered: 0.5,
  },
  recognition: { programme: 2.5, recognised_at: 1.5, unit_id: 1.5, event_id: 1 },
  hr_metrics: { headcount: 2.5, leavers: 2, absence_days: 2, unit_id: 1.5, period: 1 },
  // The metric column (values that are metric names) is what sets these files apart.
  preaggregated: { metric: 3, value: 2, n: 2, unit_id: 1.5, period: 1 },
  // Not used by the weighted sum: see peopleFit (a roster is a person id, a unit and any of these).
  people: {
    employee_id: 1.5,
    unit_id: 1.5,
    has_left: 2,
    hire_date: 1.5,
    leave_date: 2,
    absence_days: 1,
  },
};

const FILE_HINTS: Record<CanonicalKind, RegExp> = {
  org_units:
    /hierarch|org[ _-]?(?:chart|units?|structure|tree)|structure|reporting[ _-]?lines|hris/i,
  survey_items:
    /items?[ _-]?catalog|catalog(?:ue)?|question[ _-]?bank|survey[ _-]?items|questions|code[ _-]?book|data[ _-]?dictionary/i,
  survey_responses:
    /survey|engagement|pulse|glint|peakon|culture[ _-]?amp|qualtrics|monkey|eng[ _-]?\d/i,
  customer_feedback: /\bnps\b|csat|\bcx\b|customer|feedback|medallia|voc\b/i,
  unit_mapping: /mapping|map\b|lookup|crosswalk|cx[ _-]?to[ _-]?hr/i,
  contact_centre:
    /contact[ _-]?cent|call[ _-]?cent|calls|interactions|genesys|five9|talkdesk|acd|telephony|\bcc[ _-]/i,
  recognition: /recogni[sz]|award|kudos|thanks|shout[ _-]?out/i,
  hr_metrics: /headcount|attrition|turnover|absence|hr[ _-]?metrics|workforce/i,
  preaggregated:
    /aggregat|warehouse|\bdwh\b|summar(?:y|ies)|kpis?\b|scorecard|dashboard|figures|(?:by|per)[ _-]?(?:store|team|unit|branch)/i,
  people:
    /employees?|people|roster|staff[ _-]?list|personnel|hris|bamboo|workday|attrition|leavers|terminations/i,
};

/** Survey columns the import fills in when a file lacks them (src/main/engine/import/surveyDefaults). */
const SURVEY_DEFAULTABLE = new Set(['respondent_id', 'unit_id', 'submitted_at', 'period']);

export interface KindEvidence {
  assignments: Map<CanonicalKind, RoleAssignment>;
  /** Columns (indices) that hold answers on a rating scale (or match the catalogue). */
  answerColumns: number[];
  /** Long survey export (question id + score per row). */
  long: boolean;
  /** Employee -> manager tree keyed by e-mails or person ids. */
  managerTree: boolean;
  /** Non-empty columns that are not personal data. */
  usefulColumns: number;
  fileName: string;
  headerShape: HeaderShape;
}

function signal(assignment: RoleAssignment, role: string): number {
  return assignment.byRole.get(role)?.score ?? 0;
}

export function kindFit(kind: CanonicalKind, e: KindEvidence): number {
  const assignment = e.assignments.get(kind);
  if (!assignment) return 0;
  if (kind === 'people') return peopleFit(assignment, e);
  const weights = WEIGHTS[kind];
  let total = 0;
  let got = 0;
  for (const [role, weight] of Object.entries(weights)) {
    total += weight;
    let s = signal(assignment, role);
    if (role === 'items')
      s = e.long ? 1 : Math.max(0, Math.min(1, (e.answerColumns.length - 1) / 4));
    if (role === 'rating') {
      const ratings = ['nps', 'csat', 'ces']
        .map((r) => signal(assignment, r))
        .sort((a, b) => b - a);
      s = Math.min(1, (ratings[0] ?? 0) + 0.1 * ((ratings[1] ?? 0) + (ratings[2] ?? 0)));
    }
    // A survey's import can do without these (surveyDefaults): answers are what make it a survey.
    if (kind === 'survey_responses' && SURVEY_DEFAULTABLE.has(role) && e.answerColumns.length >= 3)
      s = Math.max(s, 0.5);
    if (role === 'durations') {
      const times = ['talk_seconds', 'hold_seconds', 'wrap_seconds', 'handle_seconds']
        .map((r) => signal(assignment, r))
        .sort((a, b) => b - a);
      s = Math.min(1, (times[0] ?? 0) + 0.1 * times.slice(1).reduce((a, b) => a + b, 0));
    }
    if (kind === 'org_units' && e.managerTree) {
      if (role === 'parent_id') s = Math.max(s, 0.85);
      if (role === 'unit_id') s = Math.max(s, 0.7);
    }
    got += weight * s;
  }
  let fit = total === 0 ? 0 : got / total;
  if (kind !== 'survey_responses') {
    // Rating-scale columns this kind has no place for (beyond a CX file's nps/csat/ces) are survey answers.
    const extra = e.answerColumns.filter(
      (i) => (assignment.byColumn.get(i)?.score ?? 0) < 0.5,
    ).length;
    if (extra >= 5) fit *= 0.5;
    else if (extra >= 3) fit *= 0.6;
    else if (extra >= 2) fit *= 0.8;
  }
  if (kind === 'unit_mapping') {
    fit *= e.usefulColumns <= 3 ? 1 : e.usefulColumns <= 5 ? 0.7 : 0.4;
    if (!assignment.byRole.has('cx_code') || !assignment.byRole.has('unit_id')) fit *= 0.6;
  }
  if (kind === 'org_units' && e.managerTree) fit = Math.max(fit, 0.6);
  if (kind === 'survey_items' && e.long) fit *= 0.6;
  if (kind === 'survey_responses' && e.long) fit = Math.max(fit, 0.6);
  if (FILE_HINTS[kind].test(e.fileName)) fit += 0.1;
  if (kind === 'survey_responses' && e.headerShape !== 'plain') fit += 0.1;
  return Math.max(0, Math.min(1, fit));
}

/**
 * A roster: a person id and a unit carry most of it, and any sign of people coming and going
 * (a left flag or status, hire or leave dates, absence) the rest. Rating columns do not count
 * against it (HRIS exports carry performance and satisfaction ratings).
 */
function peopleFit(assignment: RoleAssignment, e: KindEvidence): number {
  const s = (role: string) => signal(assignment, role);
  const movement = Math.min(
    1,
    s('has_left') + s('leave_date') + 0.6 * s('hire_date') + 0.4 * s('absence_days'),
  );
  let fit = 0.35 * s('employee_id') + 0.25 * s('unit_id') + 0.4 * movement;
  if (s('employee_id') === 0 || movement === 0) fit *= 0.6;
  if (FILE_HINTS.people.test(e.fileName)) fit += 0.1;
  return Math.max(0, Math.min(1, fit));
}

/** Every kind with its fit, best first. */
export function rankKinds(e: KindEvidence): { kind: CanonicalKind; confidence: number }[] {
  return CANONICAL_KINDS.map((kind) => ({ kind, confidence: round2(kindFit(kind, e)) })).sort(
    (a, b) =>
      b.confidence - a.confidence ||
      CANONICAL_KINDS.indexOf(a.kind) - CANONICAL_KINDS.indexOf(b.kind),
  );
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
