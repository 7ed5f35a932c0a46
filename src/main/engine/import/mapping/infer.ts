import { CANONICAL_COLUMNS, CANONICAL_KINDS, type CanonicalKind } from '../canonicalFormats';
import { analyseColumns, meaningfulLabel, type AnalysedColumn } from './analyse';
import {
  EXCEL_SERIAL,
  resolveFormats,
  looksLikeExcelSerial,
  timeOfDayShare,
  type DayOrder,
} from './dates';
import type { ColumnGuess, InferInput, InferredMapping } from './inferenceTypes';
import { buildItems, itemCandidate, type ItemCandidate } from './items';
import { codebookMapping } from './codebook';
import { rankKinds, round2, type KindEvidence } from './kind';
import { coreName, normaliseName } from './normalise';
import { assignRoles, rangeFit, type RoleAssignment } from './roles';
import { demographicReason, metadataReason } from './rules';
import type { ColumnMapping, ItemMapping } from './types';
import { findManagerTree } from './managerTree';
import { contactCentreProblems, DURATION_WORDS, durationWriting } from './contactCentre';
import { fivePointOnSeven, npsCategoryScores, ratingScale, unorderedTexts } from './cxRatings';
import { isNaText, quarterFromText } from './values';
import {
  looksLikeWaves,
  proposeDemographics,
  rowNumbersGuess,
  surveyDefaultNote,
} from './defaults/surveyDefaults';

/**
 * Guesses how a vendor export maps onto a canonical kind: the kind, each column's role (with a
 * confidence and a reason for the mapping screen), survey items, date formats, N/A codes, the
 * period, and the problems the analyst has to settle. Pure: never throws on odd input.
 */
export function inferMapping(input: InferInput): InferredMapping {
  try {
    return infer(input);
  } catch (error) {
    // Inference must never stop an import screen from opening.
    const kind: CanonicalKind =
      input.kind && CANONICAL_KINDS.includes(input.kind) ? input.kind : 'survey_responses';
    return {
      mapping: emptyMapping(kind),
      kind,
      kindConfidence: input.kind ? 1 : 0,
      alternatives: [],
      columns: (input.columns ?? []).map((c) => ({
        column: String(c.name),
        role: null,
        confidence: 0,
        why: 'not recognised',
      })),
      problems: [
        `the columns could not be read for mapping (${(error as Error).message}): map them by hand`,
      ],
    };
  }
}

export function emptyMapping(kind: CanonicalKind): ColumnMapping {
  return {
    kind,
    columns: {},
    constants: {},
    items: [],
    dateFormats: {},
    naCodes: {},
    decimalComma: false,
  };
}

const FRIENDLY: Record<string, string> = {
  unit_id: 'unit',
  unit_name: 'unit name',
  parent_id: 'parent unit',
  level: 'level',
  unit_type: 'unit type',
  effective_from: 'effective date',
  item_id: 'item id',
  item_text: 'item text',
  factor: 'factor',
  scale_min: 'scale minimum',
  scale_max: 'scale maximum',
  reverse_coded: 'reverse-coded',
  respondent_id: 'respondent id',
  period: 'period',
  submitted_at: 'completion date',
  response_id: 'response id',
  responded_at: 'response date',
  cx_code: 'store/branch/queue code',
  interaction_id: 'interaction id',
  queue_code: 'queue',
  started_at: 'start time',
  talk_seconds: 'talk time',
  hold_seconds: 'hold time',
  wrap_seconds: 'wrap-up time',
  handle_seconds: 'handle time',
  transferred: 'transferred flag',
  repeat_contact: 'repeat-contact flag',
  answered: 'answered/abandoned flag',
  event_id: 'event id',
  recognised_at: 'recognition date',
  programme: 'programme',
  headcount: 'headcount',
  leavers: 'leavers',
  absence_days: 'absence days',
  metric: 'metric',
  value: 'value',
  n: 'n (people, responses or headcount behind the figure)',
};

const LONG_ITEM =
  /^(?:question|item|question id|item id|question code|item code|qid|question key|statement id|question number|driver question id)$/;
const LONG_SCORE =
  /^(?:score|value|answer|response|rating|answer value|response value|numeric answer|score value|numeric response|numeric value)$/;
const LONG_TEXT =
  /^(?:question text|question|item text|statement|question label|question wording|item)$/;
const LONG_FACTOR =
  /^(?:driver|factor|dimension|theme|category|sub driver|subdriver|topic|driver name|factor name)$/;

function detectLong(columns: AnalysedColumn[]): ColumnMapping['long'] | undefined {
  const itemCol = columns.find((c) => LONG_ITEM.test(c.core) && !c.empty);
  const scoreCol = columns.find(
    (c) => c !== itemCol && LONG_SCORE.test(c.core) && !c.empty && rangeFit(c, 0, 10) >= 0.9,
  );
  if (!itemCol || !scoreCol) return undefined;
  const textCol = columns.find(
    (c) => c !== itemCol && c !== scoreCol && LONG_TEXT.test(c.core) && c.stats.wordyShare >= 0.5,
  );
  const factorCol = columns.find((c) => c !== itemCol && LONG_FACTOR.test(c.core));
  return {
    itemColumn: itemCol.name,
    scoreColumn: scoreCol.name,
    ...(textCol ? { textColumn: textCol.name } : {}),
    ...(factorCol ? { factorColumn: factorCol.name } : {}),
  };
}

const TIME_NAME = /\b(?:time|hour|clock)\b/;
/** Names of durations written like clock times (contact-centre handle, talk, hold, wrap times). */
const DURATION_NAME =
  /\b(?:talk|hold|holding|wrap|wrap up|handle|handling|duration|length|aht|acw|after call|wait|waiting|queue|queued|ring|response|resolution|idle|elapsed|total|average|avg|spent)\b/;

/** An unassigned column of times of day, named as one, to join a date-only column. */
function timeOfDayColumn(
  columns: AnalysedColumn[],
  assignment: RoleAssignment,
): AnalysedColumn | undefined {
  return columns.find(
    (c) =>
      !assignment.byColumn.has(c.index) &&
      !assignment.personal.has(c.index) &&
      !c.empty &&
      TIME_NAME.test(c.norm) &&
      !DURATION_NAME.test(c.norm) &&
      timeOfDayShare(c.profile.samples) >= 0.9,
  );
}

/** Record ids a file may lack: then the row is the record (applyMapping.ts). */
const ROW_IDS = new Set(['response_id', 'interaction_id', 'event_id']);

function periodFromFileName(fileName: string): string | null {
  return quarterFromText(fileName.replace(/\.[A-Za-z0-9]{1,5}$/, ''));
}

function dateFromFileName(fileName: string): string | null {
  const m = /(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(
    fileName,
  );
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const q = periodFromFileName(fileName);
  if (q) {
    const [year, quarter] = q.split('-Q');
    const month = (Number(quarter) - 1) * 3 + 1;
    return `${year}-${String(month).padStart(2, '0')}-01`;
  }
  return null;
}

/** Day/month order the file's decided date columns agree on, else a locale hint. */
function fileDayOrder(
  columns: AnalysedColumn[],
  input: InferInput,
  decimalComma: boolean,
): { order: DayOrder; reason: string } {
  let dmy = 0;
  let mdy = 0;
  for (const c of columns) {
    if (c.stats.dates.order === 'dmy') dmy++;
    if (c.stats.dates.order === 'mdy') mdy++;
  }
  if (dmy > mdy) return { order: 'dmy', reason: "as the file's other dates" };
  if (mdy > dmy) return { order: 'mdy', reason: "as the file's other dates" };
  if (input.headerShape === 'surveymonkey')
    return { order: 'mdy', reason: 'SurveyMonkey exports are month first' };
  if (/(?:^|[^a-z])(?:us|usa|en[-_]us)(?:[^a-z]|$)/i.test(input.fileName))
    return { order: 'mdy', reason: 'the file name says US' };
  if (decimalComma) return { order: 'dmy', reason: 'the file uses decimal commas' };
  return { order: 'dmy', reason: 'the default' };
}

function infer(input: InferInput): InferredMapping {
  const fileName = typeof input.fileName === 'string' ? input.fileName : '';
  const catalogue = (input.catalogue ?? []).filter(
    (c) => c && typeof c.itemId === 'string' && typeof c.text === 'string',
  );
  const allColumns = analyseColumns(input.columns ?? []);
  const seen = new Set<string>();
  const columns = allColumns.filter((c) => {
    if (c.name.trim() === '' || seen.has(c.name)) return false;
    seen.add(c.name);
    return true;
  });
  const problems: string[] = [];

  // Evidence for every kind.
  const long = detectLong(columns);
  const longColumns = new Set(
    long ? [long.itemColumn, long.scoreColumn, long.textColumn, long.factorColumn] : [],
  );
  const assignments = new Map<CanonicalKind, RoleAssignment>();
  for (const kind of CANONICAL_KINDS)
    assignments.set(
      kind,
      assignRoles(
        kind,
        kind === 'survey_responses' ? columns.filter((c) => !longColumns.has(c.name)) : columns,
      ),
    );
  const surveyAssignment = assignments.get('survey_responses') as RoleAssignment;
  const itemCandidates = surveyItemCandidates(columns, surveyAssignment, catalogue, long);
  const tree = findManagerTree(columns);
  const managerTree = tree !== null;
  const evidence: KindEvidence = {
    assignments,
    answerColumns: itemCandidates.map((c) => c.column.index),
    long: long !== undefined,
    managerTree,
    usefulColumns: columns.filter((c) => !c.empty && !surveyAssignment.personal.has(c.index))
      .length,
    fileName,
    headerShape: input.headerShape,
  };
  const ranked = rankKinds(evidence);
  const given = input.kind && CANONICAL_KINDS.includes(input.kind) ? input.kind : undefined;
  const best = ranked[0] as { kind: CanonicalKind; confidence: number };
  const kind = given ?? best.kind;
  const kindConfidence = given ? 1 : best.confidence;
  const alternatives = ranked.filter((r) => r.kind !== kind && r.confidence > 0);
  if (given) {
    const fitOfGiven = ranked.find((r) => r.kind === given)?.confidence ?? 0;
    if (best.kind !== given && best.confidence >= 0.6 && best.confidence - fitOfGiven >= 0.25)
      problems.push(
        `the file looks more like ${best.kind} (${Math.round(best.confidence * 100)}%) than ${given} (${Math.round(fitOfGiven * 100)}%): check the kind`,
      );
  } else if (kindConfidence < 0.5) {
    problems.push(
      `not sure what kind of file this is (best guess ${kind}, ${Math.round(kindConfidence * 100)}%): choose the kind`,
    );
  }

  // The mapping for the chosen kind.
  const assignment = assignments.get(kind) as RoleAssignment;
  const mapping = emptyMapping(kind);
  const guesses = new Map<number, ColumnGuess>();
  for (const [role, candidate] of assignment.byRole) {
    mapping.columns[role] = candidate.column.name;
    guesses.set(candidate.column.index, {
      column: candidate.column.name,
      role,
      confidence: round2(candidate.score),
      why: candidate.why,
    });
  }

  // Survey items.
  if (kind === 'survey_responses') {
    if (long) {
      mapping.long = long;
      problems.push(
        `long format (one row per respondent and question: "${long.itemColumn}" and "${long.scoreColumn}"): the answers are pivoted to one column per item`,
      );
      for (const c of columns) {
        const part =
          c.name === long.itemColumn
            ? 'item id'
            : c.name === long.scoreColumn
              ? 'score'
              : c.name === long.textColumn
                ? 'item text'
                : c.name === long.factorColumn
                  ? 'factor'
                  : null;
        if (part && !guesses.has(c.index))
          guesses.set(c.index, {
            column: c.name,
            role: null,
            confidence: 0.8,
            why: `long format: ${part} (pivoted)`,
          });
      }
    } else {
      const built = buildItems(itemCandidates, catalogue, problems);
      const items: ItemMapping[] = [];
      for (const candidate of itemCandidates) {
        const guess = built.get(candidate.column.index);
        if (!guess) continue;
        items.push(guess.item);
        guesses.set(candidate.column.index, {
          column: candidate.column.name,
          role: 'item',
          confidence: round2(guess.confidence),
          why: guess.why,
        });
      }
      mapping.items = items;
      if (items.length === 0)
        problems.push('no survey answer columns found: choose the item columns');
      const fresh = items.filter((i) => !catalogue.some((c) => c.itemId === i.itemId)).length;
      if (fresh > 0)
        problems.push(
          catalogue.length === 0
            ? `no item catalogue yet: ${fresh} items will be created from this file (check their factors and scales)`
            : `${fresh} answer columns are not in the item catalogue: new items will be added (check their factors and scales)`,
        );
    }
  }

  // Demographics kept as respondent groups (gender, age band, location...).
  if (kind === 'survey_responses') proposeDemographics(columns, assignment, mapping, guesses);

  // Number format.
  let comma = 0;
  let dot = 0;
  for (const c of columns) {
    if (assignment.personal.has(c.index) || c.stats.wordyShare > 0.3) continue;
    comma += c.stats.commaDecimals;
    dot += c.stats.dotDecimals;
  }
  mapping.decimalComma = comma > 0 && comma > dot;

  // Dates.
  const order = fileDayOrder(columns, input, mapping.decimalComma);
  for (const spec of CANONICAL_COLUMNS[kind]) {
    if (spec.type !== 'DATE' && spec.type !== 'TIMESTAMP') continue;
    const candidate = assignment.byRole.get(spec.name);
    if (!candidate) continue;
    const scan = candidate.column.stats.dates;
    const formats = resolveFormats(scan, order.order);
    if (formats.length > 0) mapping.dateFormats[spec.name] = formats;
    const where = `${spec.name} ("${candidate.column.name}")`;
    if (scan.needsOrder && scan.order === null) {
      const reading = order.order === 'dmy' ? 'DD/MM (day first)' : 'MM/DD (month first)';
      problems.push(
        `ambiguous dates: check ${where}: values like "${scan.example ?? ''}" are read as ${reading}, ${order.reason}`,
      );
    } else if (scan.order === 'mixed') {
      problems.push(`${where} mixes day-first and month-first dates: check`);
    }
    if (spec.type === 'TIMESTAMP' && !scan.hasTime) {
      const time = timeOfDayColumn(columns, assignment);
      if (time) {
        mapping.timeColumns = { ...(mapping.timeColumns ?? {}), [spec.name]: time.name };
        guesses.set(time.index, {
          column: time.name,
          role: null,
          confidence: 0.85,
          why: `time of day for ${spec.name}: combined with the date in "${candidate.column.name}"`,
        });
        problems.push(
          `${where} has dates only: the time of day comes from "${time.name}" (mapping.timeColumns)`,
        );
      }
    }
    if (looksLikeExcelSerial(candidate.column.profile.samples)) {
      mapping.dateFormats[spec.name] = [EXCEL_SERIAL];
      problems.push(
        `${where} holds Excel day numbers (a workbook's dates without their date format): read as dates, days since 1899-12-30`,
      );
    } else if (!candidate.column.empty && scan.share < 0.9)
      problems.push(
        `${where}: ${Math.round((1 - scan.share) * 100)}% of sampled values are not dates`,
      );
  }

  // Ratings (nps/csat/ces): N/A codes and answer texts.
  for (const spec of CANONICAL_COLUMNS[kind]) {
    const candidate = assignment.byRole.get(spec.name);
    if (!candidate || !spec.range || spec.range[1] > 10) continue;
    const column = candidate.column;
    const [lo, hi] = spec.range;
    const na = new Set<string>();
    for (const v of column.profile.samples) {
      const t = v.trim();
      if (isNaText(t)) na.add(t);
      else if (
        /^-?\d+$/.test(t) &&
        (Number(t) < lo || Number(t) > hi) &&
        /^(?:9{2,4}|-\d+|98|97|88)$/.test(t)
      )
        na.add(t);
    }
    for (const [code, text] of Object.entries(column.profile.valueLabels ?? {}))
      if (isNaText(text) || /don'?t know|not applicable|no answer|refused/i.test(text))
        na.add(code);
    if (na.size > 0) mapping.naCodes[spec.name] = [...na].sort();
    const scale = ratingScale(
      column.profile.samples,
      column.profile.valueLabels,
      column.profile.label,
    );
    let kept: Record<string, number> = {};
    let scoredAs = `${lo}-${hi}`;
    if (scale?.choiceScores) {
      kept = Object.fromEntries(
        Object.entries(scale.choiceScores).filter(([, s]) => s >= lo && s <= hi),
      );
      // A 5-point ease scale ("Very difficult" .. "Very easy") in the 1-7 CES column.
      if (spec.name === 'ces' && scale.min === 1 && scale.max === 5) {
        kept = fivePointOnSeven(kept);
        scoredAs =
          '1, 3, 4, 6, 7 (a 5-point scale on the 1-7 CES scale: the top two answers count as easy)';
      }
    } else if (spec.name === 'nps') {
      const categories = npsCategoryScores(column.profile.samples);
      if (categories) {
        kept = categories;
        scoredAs =
          'promoter 10, passive 8, detractor 0 (NPS categories: the NPS is exact, the mean score is not known)';
      }
    }
    if (Object.keys(kept).length > 0) {
      mapping.choiceScores = { ...(mapping.choiceScores ?? {}), [spec.name]: kept };
      problems.push(
        `${spec.name} ("${column.name}") holds answer texts: they are scored ${scoredAs} (mapping.choiceScores)`,
      );
    }
    const unordered = unorderedTexts(column.profile.samples, kept, [...na], [lo, hi]);
    if (unordered.length > 0 && (Object.keys(kept).length > 0 || unordered.length < 5))
      problems.push(
        `${spec.name} ("${column.name}"): cannot order ${unordered
          .slice(0, 5)
          .map((t) => `"${t}"`)
          .join(
            ', ',
          )}${unordered.length > 5 ? ` and ${unordered.length - 5} more` : ''}: give ${unordered.length > 1 ? 'them scores' : 'it a score'} in mapping.choiceScores.${spec.name}, or those rows are quarantined`,
      );
  }

  // Durations.
  if (kind === 'contact_centre') {
    for (const role of ['talk_seconds', 'hold_seconds', 'wrap_seconds', 'handle_seconds']) {
      const candidate = assignment.byRole.get(role);
      if (!candidate) continue;
      const c = candidate.column;
      const unit =
        /\b(?:ms|msec|millis|milliseconds)\b/.test(c.norm) || /^t [a-z]+$/.test(c.norm)
          ? 'milliseconds'
          : /\b(?:min|mins|minutes)\b/.test(c.norm)
            ? 'minutes'
            : durationWriting(c);
      if (unit) {
        mapping.durations = { ...(mapping.durations ?? {}), [role]: unit };
        problems.push(
          `${role} ("${c.name}") is in ${DURATION_WORDS[unit]}, not seconds: converted (mapping.durations)`,
        );
      }
    }
    problems.push(...contactCentreProblems(assignment, mapping, FRIENDLY));
    for (const role of ['transferred', 'repeat_contact']) {
      const c = assignment.byRole.get(role)?.column;
      if (c && !c.empty && c.stats.boolShare < 0.9)
        problems.push(
          `${role} ("${c.name}") is not yes/no (e.g. "${c.profile.samples[0] ?? ''}"): check`,
        );
    }
  }

  // Period.
  if (kind === 'survey_responses' || kind === 'hr_metrics' || kind === 'preaggregated') {
    const fromName = periodFromFileName(fileName);
    const periodColumn = assignment.byRole.get('period')?.column;
    if (periodColumn) {
      const s = periodColumn.stats;
      if (s.periodShare < 0.9 && !periodColumn.empty) {
        const quarters = new Set(periodColumn.profile.samples.map((v) => quarterFromText(v)));
        const only = quarters.size === 1 ? [...quarters][0] : null;
        if (only) {
          delete mapping.columns.period;
          mapping.constants.period = only;
          guesses.set(periodColumn.index, {
            column: periodColumn.name,
            role: null,
            confidence: 0.8,
            why: `one quarter (${periodColumn.profile.samples[0] ?? ''}): period set to ${only}`,
          });
        } else if (
          kind === 'survey_responses' &&
          looksLikeWaves(periodColumn.profile.samples) &&
          !mapping.waves
        ) {
          problems.push(
            `period ("${periodColumn.name}") holds waves ("${periodColumn.profile.samples[0] ?? ''}"): one row per person and wave, imported as repeated measures; say which quarter each wave is (mapping.waves, such as {"1": "2025-Q1", "2": "2025-Q3"})`,
          );
        } else if (kind !== 'survey_responses' || s.dates.share < 0.9) {
          problems.push(
            `period ("${periodColumn.name}") values like "${periodColumn.profile.samples[0] ?? ''}" are not YYYY-Qn: fix them or set the period`,
          );
        }
      }
    } else if (fromName) {
      mapping.constants.period = fromName;
    } else if (kind === 'survey_responses' && mapping.columns.submitted_at) {
      mapping.periodFromDate = 'submitted_at';
    }
  }
  if (kind === 'org_units' && !mapping.columns.effective_from) {
    const date = dateFromFileName(fileName);
    if (date) mapping.constants.effective_from = date;
  }

  // People and their managers: units are the teams they belong to.
  if (kind === 'org_units' && tree) {
    const teamRole = ['unit_name', 'unit_id'].find(
      (role) =>
        mapping.columns[role] !== undefined &&
        mapping.columns[role] !== tree.person.name &&
        mapping.columns[role] !== tree.manager.name,
    );
    const idsGiven =
      mapping.columns.parent_id !== undefined &&
      mapping.columns.parent_id !== tree.manager.name &&
      mapping.columns.unit_id !== tree.person.name;
    if (teamRole && !idsGiven) {
      const team = mapping.columns[teamRole]!;
      for (const role of ['unit_id', 'parent_id', 'unit_name']) delete mapping.columns[role];
      mapping.columns.unit_name = team;
      mapping.managerTree = { personColumn: tree.person.name, managerColumn: tree.manager.name };
      for (const [column, what] of [
        [tree.person, 'the person'],
        [tree.manager, 'their manager'],
      ] as const)
        guesses.set(column.index, {
          column: column.name,
          role: null,
          confidence: 0.85,
          why: `manager tree: ${what}, used to place teams and not imported`,
        });
      problems.push(
        `manager tree (person -> manager): the units are the teams in "${team}", each under the team its people's managers belong to; unit ids are made from the team names, and the people's e-mails or ids are not imported`,
      );
    } else if (!idsGiven) {
      problems.push(
        'manager tree (person -> manager) without a team column: e-mail addresses are personal data and are not imported; add the team each person belongs to (or unit ids), and map it',
      );
    }
  }

  // A codebook's keying codes, and defaults for what it leaves out.
  codebookMapping(mapping, assignment, problems, columns);

  // Required columns still missing.
  for (const spec of CANONICAL_COLUMNS[kind]) {
    if (!spec.required) continue;
    if (mapping.columns[spec.name] !== undefined || mapping.constants[spec.name] !== undefined)
      continue;
    if (spec.name === 'period' && (mapping.periodFromDate || long)) continue;
    // A manager tree makes unit ids from the teams, levels from depth, and types 'team'.
    const fromTree = mapping.managerTree
      ? spec.name !== 'unit_name' && spec.name !== 'effective_from'
      : managerTree && spec.name === 'unit_id';
    if (kind === 'org_units' && fromTree) continue;
    const defaultNote = kind === 'survey_responses' ? surveyDefaultNote(spec.name, mapping) : null;
    if (defaultNote) {
      problems.push(defaultNote);
      continue;
    }
    const friendly = FRIENDLY[spec.name] ?? spec.name;
    if (spec.name === 'period')
      problems.push('no period column found: choose one or set the quarter (YYYY-Qn)');
    else if (ROW_IDS.has(spec.name))
      problems.push(
        `no ${FRIENDLY[spec.name] ?? spec.name} column: each row is one record, its id the file name and row number (a corrected file of the same name replaces its rows)`,
      );
    else if (spec.name === 'cx_code' && kind === 'customer_feedback')
      problems.push(
        'no store/branch/queue code column found: choose one (a market, store, restaurant, branch, location or site), or set one code for the whole file (constants.cx_code)',
      );
    else if (spec.name === 'effective_from')
      problems.push('no effective date found: set the date this hierarchy took effect');
    else problems.push(`no ${friendly} column found: choose one`);
  }

  // Reasons for everything else.
  const usable = new Set(columns.map((c) => c.index));
  const columnsOut: ColumnGuess[] = allColumns.map((c) => {
    const label =
      typeof c.profile.label === 'string' && c.profile.label.trim() ? c.profile.label : undefined;
    const known = guesses.get(c.index);
    const base = { column: c.name, ...(label ? { label } : {}) };
    if (known) return { ...known, ...base };
    const rowNumbers = kind === 'survey_responses' ? rowNumbersGuess(c) : null;
    if (rowNumbers) return { ...rowNumbers, ...base };
    if (!usable.has(c.index))
      return {
        ...base,
        role: null,
        confidence: 0.9,
        why: c.name.trim() === '' ? 'no column name: ignored' : 'repeated column name: ignored',
      };
    const personal = assignment.personal.get(c.index);
    if (personal)
      return {
        ...base,
        role: null,
        confidence: 0.95,
        why: `personal data: not imported (${personal})`,
      };
    const meta = metadataReason(c.norm, c.importId);
    if (meta && kind === 'survey_responses')
      return { ...base, role: null, confidence: 0.9, why: `${meta}: not imported` };
    const runnerUp = assignment.runnersUp.get(c.index);
    if (runnerUp) {
      const winner = assignment.byRole.get(runnerUp.role);
      return {
        ...base,
        role: null,
        confidence: round2(0.5 + 0.4 * Math.max(0, (winner?.score ?? 0) - runnerUp.score)),
        why: `also reads as ${runnerUp.role}, but "${winner?.column.name ?? ''}" fits better`,
      };
    }
    const demographic = demographicReason(c.core);
    if (demographic && kind === 'survey_responses')
      return { ...base, role: null, confidence: 0.8, why: demographic };
    if (c.empty) return { ...base, role: null, confidence: 0.6, why: 'empty: ignored' };
    return { ...base, role: null, confidence: 0.5, why: 'not recognised: ignored' };
  });

  return {
    mapping,
    kind,
    kindConfidence: round2(kindConfidence),
    alternatives,
    columns: columnsOut,
    problems: [...new Set(problems)],
  };
}

/** Columns of a survey export that hold answers (not assigned a canonical role, not personal or metadata). */
function surveyItemCandidates(
  columns: AnalysedColumn[],
  assignment: RoleAssignment,
  catalogue: InferInput['catalogue'],
  long: ColumnMapping['long'],
): ItemCandidate[] {
  const out: ItemCandidate[] = [];
  for (const c of columns) {
    if (assignment.byColumn.has(c.index) || assignment.personal.has(c.index)) continue;
    if (
      long &&
      [long.itemColumn, long.scoreColumn, long.textColumn, long.factorColumn].includes(c.name)
    )
      continue;
    if (metadataReason(c.norm, c.importId)) continue;
    if (rowNumbersGuess(c)) continue;
    if (
      demographicReason(coreName(c.norm)) &&
      !catalogue.some((i) => normaliseName(i.itemId) === c.norm)
    )
      continue;
    if (c.importId !== undefined && /_TEXT$/i.test(c.importId)) continue;
    const candidate = itemCandidate(c, meaningfulLabel(c.profile.label), catalogue);
    if (candidate) out.push(candidate);
  }
  return out;
}
