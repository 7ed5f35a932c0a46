import type { ColumnMapping } from '../../../shared/imports';
import { analyseColumns, type AnalysedColumn } from './mapping/analyse';
import type { ColumnGuess, ColumnProfile } from './mapping';
import { demographicReason, personalReason } from './mapping/rules';

/**
 * Which columns of a file the import preview may show sample values of. The preview is the one
 * place where raw cells of a file reach the screen, so the rule is kept here, in one place:
 *
 * A column's samples are hidden when any of these says it may be personal:
 *  1. its role in the mapping shown: an answer (survey item, eNPS, NPS/CSAT/CES, comment, the
 *     answers of a long-form export) or an identity (respondent, response, interaction, event
 *     or agent id, leader name, the people of a manager tree);
 *  2. its name or label: names, e-mails, phone numbers, addresses, birth dates, national ids
 *     (the importer's own list), ids of people (employee id, external reference...), sensitive
 *     demographics;
 *  3. in a survey-like or people file, its role when the file is read as survey responses,
 *     whatever kind was asked for: a respondent id, an item, a comment, personal data or a
 *     sensitive demographic (in other files that reading is noise: it takes unit names for ids);
 *  4. its values: any e-mail or IP address, free text (a third or more of values of three words
 *     or more), or ids (nearly every value different), except dates and periods; ids and free
 *     text are allowed only for organisation roles (unit codes, unit and item names, figures) in
 *     a file that is neither survey-like nor holds personal columns;
 *  5. in a survey-like or people file, a column the mapping ignores, unless it holds dates or
 *     periods or reads as the unit, period or date of a survey: an unrecognised column of a
 *     survey is most likely an answer.
 * A file is survey-like when it is mapped as survey responses or reads as them with a confidence
 * of 0.5 or more. Everything else (unit codes, dates and periods, channels, levels, figures) is
 * shown. Free text counts as personal in every kind of file: customer comments name people too.
 */

export interface SampleVerdict {
  /** Why no sample values are shown, or null when they may be. */
  hidden: string | null;
  /** What the values look like, in a word or two. */
  type: string;
}

const ANSWER_ROLES = new Set(['nps', 'csat', 'ces', 'comment']);
const IDENTITY_ROLES = new Set([
  'respondent_id',
  'response_id',
  'interaction_id',
  'event_id',
  'agent_id',
  'leader_name',
]);
/** Roles that hold organisation structure, catalogue entries or figures: never a person. */
const ORGANISATION_ROLES = new Set([
  'unit_id',
  'unit_name',
  'parent_id',
  'level',
  'unit_type',
  'item_id',
  'item_text',
  'factor',
  'scale_min',
  'scale_max',
  'cx_code',
  'channel',
  'queue_code',
  'ivr_reason',
  'programme',
  'metric',
  'value',
  'n',
  'headcount',
  'leavers',
  'absence_days',
  'talk_seconds',
  'hold_seconds',
  'wrap_seconds',
  'handle_seconds',
]);

const PERSON_ID =
  /\b(?:respondent|employee|emp|staff|personnel|person|people|participant|user|member|worker|colleague|agent|recipient|manager|payroll|badge|student|patient)s? ?(?:id|ids|number|no|num|nr|ref|reference|key|uuid|guid)\b|^(?:external (?:data )?reference|ext ref|external id|response id|uuid|guid|login|username|user name)$/;

/** A column's role in a mapping: canonical name, 'item:<id>', the long-form or manager-tree part, or null. */
export function roleIn(mapping: ColumnMapping, column: string): string | null {
  const canonical = Object.entries(mapping.columns).find(([, source]) => source === column)?.[0];
  if (canonical) return canonical;
  const item = mapping.items.find((i) => i.column === column);
  if (item) return `item:${item.itemId}`;
  const { long, managerTree } = mapping;
  if (long && (column === long.scoreColumn || column === long.textColumn)) return 'answer';
  if (managerTree && (column === managerTree.personColumn || column === managerTree.managerColumn))
    return 'person';
  return null;
}

function typeOf(c: AnalysedColumn): string {
  const s = c.stats;
  if (c.empty) return 'empty';
  if (s.emailShare >= 0.5) return 'e-mail';
  if (s.periodShare + s.quarterTextShare >= 0.9) return 'period';
  if (s.dates.share >= 0.9) return s.dates.hasTime ? 'date and time' : 'date';
  if (s.boolShare >= 0.9 && s.ints.every((x) => x === 0 || x === 1)) return 'yes/no';
  if (s.numericShare >= 0.9) return 'number';
  if (s.wordyShare >= 0.3) return 'free text';
  if (s.codeShare >= 0.9) return 'code';
  return 'text';
}

function byRole(role: string | null): string | null {
  if (role === null) return null;
  if (role.startsWith('item:') || role === 'answer' || ANSWER_ROLES.has(role))
    return role === 'comment' ? 'free text' : 'survey answers';
  if (IDENTITY_ROLES.has(role) || role === 'person')
    return role === 'leader_name' ? 'names' : 'ids';
  return null;
}

/** 'e-mail address' -> 'e-mail addresses', as the importer's reasons are worded. */
function plural(what: string): string {
  if (what === 'date of birth') return 'dates of birth';
  if (/(?:data|coordinates)$/.test(what)) return what;
  return what.endsWith('ss') ? `${what}es` : `${what}s`;
}

function bySurveyReading(guess: ColumnGuess | undefined, role: string | null): string | null {
  if (role === 'respondent_id') return 'ids';
  if (role === 'comment') return 'free text';
  if (role?.startsWith('item:')) return 'survey answers';
  const personal = /^personal data: not imported \((.+)\)$/.exec(guess?.why ?? '');
  if (personal) return plural(personal[1]!);
  if (guess?.why.startsWith('sensitive demographic')) return 'sensitive demographics';
  return null;
}

function byName(c: AnalysedColumn, kind: ColumnMapping['kind']): string | null {
  for (const norm of [c.norm, c.labelNorm]) {
    if (norm === null) continue;
    const personal = personalReason(norm, kind, { emailShare: 0, ipShare: 0 });
    if (personal) return plural(personal);
    if (PERSON_ID.test(norm)) return 'ids';
    if (demographicReason(c.core)?.startsWith('sensitive')) return 'sensitive demographics';
  }
  return null;
}

/** In a people roster, every cell but the unit and period is a record about one person. */
function peopleRecord(kind: ColumnMapping['kind'], role: string | null): string | null {
  if (kind !== 'people' || role === null || role === 'unit_id' || role === 'period') return null;
  return role === 'employee_id' ? 'ids' : "people's records";
}

/** Roles of a survey's columns that describe where and when, not what was answered. */
const SURVEY_CONTEXT_ROLES = new Set(['unit_id', 'period', 'submitted_at', 'tenure_band', 'role']);

function structural(c: AnalysedColumn): boolean {
  const s = c.stats;
  return s.dates.share >= 0.9 || s.periodShare + s.quarterTextShare >= 0.9;
}

function byValues(c: AnalysedColumn, organisationRole: boolean): string | null {
  if (c.stats.emailShare > 0) return 'e-mail addresses';
  if (c.stats.ipShare > 0) return 'IP addresses';
  if (organisationRole || structural(c)) return null;
  if (c.stats.wordyShare >= 0.3) return 'free text';
  if (c.distinct) return 'ids';
  return null;
}

/**
 * The verdict for every column of a file. `surveyReading` is the file read as survey responses
 * (the same inference, with the kind forced), `surveyConfidence` how much the file reads as one.
 */
export function sampleVerdicts(input: {
  profiles: readonly ColumnProfile[];
  mapping: ColumnMapping;
  surveyReading: { mapping: ColumnMapping; columns: readonly ColumnGuess[] };
  surveyConfidence: number;
}): SampleVerdict[] {
  const { mapping, surveyReading } = input;
  const columns = analyseColumns(input.profiles);
  const named = columns.map((c) => byName(c, mapping.kind));
  const guarded =
    mapping.kind === 'survey_responses' ||
    mapping.kind === 'people' ||
    input.surveyConfidence >= 0.5 ||
    named.some((reason) => reason !== null && reason !== 'ids') ||
    columns.some((c) => c.stats.emailShare > 0);
  return columns.map((c, i) => {
    const role = roleIn(mapping, c.name);
    const surveyRole = roleIn(surveyReading.mapping, c.name);
    const guess = surveyReading.columns.find((g) => g.column === c.name);
    const organisationRole = !guarded && role !== null && ORGANISATION_ROLES.has(role);
    const reason =
      byRole(role) ??
      peopleRecord(mapping.kind, role) ??
      named[i] ??
      (guarded ? bySurveyReading(guess, surveyRole) : null) ??
      byValues(c, organisationRole) ??
      (guarded &&
      role === null &&
      !c.empty &&
      !structural(c) &&
      !(surveyRole !== null && SURVEY_CONTEXT_ROLES.has(surveyRole))
        ? 'not imported'
        : null);
    return {
      hidden:
        reason === null
          ? null
          : reason === 'not imported'
            ? 'may be personal: not imported'
            : `personal: ${reason}`,
      type: typeOf(c),
    };
  });
}
