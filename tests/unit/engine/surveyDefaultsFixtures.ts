import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../../src/main/engine/engine';

/**
 * Survey exports as real tools write them, for the survey-defaults tests: an R write.csv pulse
 * (quoted empty first header over R's row numbers, NA cells), a Google Forms download and a long
 * (person x wave) file.
 */

export const ORG_HEADER =
  'unit_id,unit_name,parent_id,level,unit_type,leader_name,effective_from\n';
export const ORG_ROWS = [
  'C,Acme Retail,,company,company,Ann Lee,2025-01-01',
  'S,Sales,C,department,department,Bob Ray,2025-01-01',
  'CS,Customer  Service,C,department,department,Cat Day,2025-01-01',
  'O,Operations,C,department,department,Dan Fox,2025-01-01',
];

/** Four 1-5 items: two engagement, two values. */
export const ITEMS_CSV = `item_id,item_text,factor,scale_min,scale_max,reverse_coded
Q1,I am proud to work here,engagement,1,5,false
Q2,I would recommend this company as a great place to work,engagement,1,5,false
Q3,People here act with integrity,value:Integrity,1,5,false
Q4,We put customers first,value:Customer,1,5,false
`;

type Cell = string | number | null;

/** The pulse: gender, exact age, shift, Q1-Q4 (null: NA). Row 13 answered nothing. */
export const PULSE: Cell[][] = [
  ['Female', 34, 'Early', 4, 5, 4, 3],
  ['Male', 45, 'Late', 5, 4, 4, 4],
  ['Female', 29, 'Early', 3, 3, null, 2],
  ['Female', 52, 'Night', 2, 2, 3, 3],
  ['Male', 23, 'Early', 4, 4, 5, 5],
  ['Male', 38, 'Late', 5, 5, 5, 4],
  ['Female', 41, 'Early', 4, null, 4, 4],
  [null, 61, 'Late', 3, 4, 3, 3],
  ['Female', 27, 'Early', 5, 5, 4, 5],
  ['Male', 33, 'Night', 1, 2, 2, 1],
  ['Female', 47, 'Late', 4, 4, 4, 4],
  ['Male', 36, 'Early', 4, 3, 3, 4],
  ['Female', 24, 'Late', null, null, null, null],
  ['Male', 58, 'Early', 5, 4, 5, 5],
  ['Female', 31, 'Late', 3, 4, 4, 3],
  ['Female', 44, 'Early', 4, 4, null, 5],
  ['Male', 39, 'Late', 2, 3, 3, 2],
  ['Female', 26, 'Early', 5, 5, 5, 5],
  ['Male', 50, 'Late', 4, 4, 4, 4],
  ['Female', 35, 'Early', 4, 5, 4, 4],
];
export const PULSE_COLUMNS = ['gender', 'age', 'shift', 'Q1', 'Q2', 'Q3', 'Q4'];

/**
 * What R 4.x's write.csv(d, file) writes for PULSE as a data.frame (character columns quoted,
 * numbers bare, NA bare, row names quoted under a quoted empty header, LF line ends on Linux).
 * rPulseFromR checks this against R itself where R is installed.
 */
export function rPulseText(): string {
  const q = (s: string) => `"${s}"`;
  const lines = [['""', ...PULSE_COLUMNS.map(q)].join(',')];
  PULSE.forEach((row, i) => {
    const cells = row.map((v, j) =>
      v === null ? 'NA' : j === 0 || j === 2 ? q(String(v)) : String(v),
    );
    lines.push([q(String(i + 1)), ...cells].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** The same file written by R (Rscript), or null when R is not installed. */
export function rPulseFromR(dir: string): string | null {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
  } catch {
    console.warn(
      'SKIPPED the R cross-check: Rscript is not installed (apt-get install r-base-core).',
    );
    return null;
  }
  const r = (v: Cell) => (v === null ? 'NA' : typeof v === 'number' ? String(v) : `"${v}"`);
  const column = (j: number) => `c(${PULSE.map((row) => r(row[j]!)).join(', ')})`;
  const numeric = (j: number) => (j === 0 || j === 2 ? column(j) : `as.integer(${column(j)})`);
  const script = `d <- data.frame(${PULSE_COLUMNS.map((c, j) => `${c} = ${numeric(j)}`).join(', ')}, stringsAsFactors = FALSE)
write.csv(d, ${JSON.stringify(join(dir, 'from-r.csv'))})`;
  writeFileSync(join(dir, 'pulse.R'), script);
  execFileSync('Rscript', [join(dir, 'pulse.R')]);
  return readFileSync(join(dir, 'from-r.csv'), 'utf8');
}

export async function loadOrgAndItems(engine: Engine, dir: string): Promise<void> {
  writeFileSync(join(dir, 'org.csv'), ORG_HEADER + ORG_ROWS.join('\n') + '\n');
  writeFileSync(join(dir, 'items.csv'), ITEMS_CSV);
  await engine.importFile(join(dir, 'org.csv'), { kind: 'org_units' });
  await engine.importFile(join(dir, 'items.csv'), { kind: 'survey_items' });
}

const FORM_QUESTIONS = [
  'I am proud to work here',
  'I would recommend this company as a great place to work',
  'People here act with integrity',
  'We put customers first',
];

/** Google Forms responses: [timestamp, department as written, Q1..Q4]. */
export const FORM: [string, string, number, number, number, number][] = [
  ['10/02/2025 09:12:44', 'Sales', 4, 4, 5, 4],
  ['10/02/2025 09:40:03', 'Customer Service', 3, 4, 4, 4],
  ['10/03/2025 11:05:51', 'SALES', 5, 5, 4, 5],
  ['10/15/2025 16:22:10', 'customer service', 2, 3, 3, 2],
  ['11/04/2025 08:01:37', 'Sales ', 4, 3, 2, 4],
  ['11/20/2025 13:45:00', 'Legal', 5, 5, 5, 5],
  ['12/01/2025 10:10:10', 'Customer Service', 4, 4, 4, 5],
  ['12/31/2025 14:05:09', 'Sales', 3, 3, 4, 3],
  ['12/31/2025 17:30:45', 'Customer service', 5, 4, 5, 4],
  ['12/31/2025 23:59:59', 'Sales', 4, 5, 4, 4],
  ['01/02/2026 09:00:00', 'Customer Service', 4, 4, 2, 3],
  ['01/05/2026 12:00:00', 'Sales', 2, 2, 3, 3],
];

/**
 * A Google Forms "Download responses (.csv)": every field quoted, CRLF line ends, the question
 * texts as headers, a Timestamp in the form owner's US locale, answers as numbers.
 */
export function googleFormText(): string {
  const q = (s: string | number) => `"${String(s)}"`;
  const header = ['Timestamp', 'Which department do you work in?', ...FORM_QUESTIONS].map(q);
  const lines = [header.join(','), ...FORM.map((row) => row.map(q).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A long file: one row per person and wave (person_id, wave, team, Q1..Q4). */
export const WAVES: [string, string, string, number, number, number, number][] = [
  ['P01', '1', 'S', 4, 4, 4, 4],
  ['P02', '1', 'S', 3, 3, 2, 3],
  ['P03', '1', 'S', 5, 4, 5, 4],
  ['P04', '1', 'CS', 2, 2, 3, 2],
  ['P05', '1', 'CS', 4, 5, 4, 4],
  ['P06', '1', 'CS', 4, 4, 3, 4],
  ['P01', '2', 'S', 5, 5, 5, 5],
  ['P02', '2', 'S', 4, 3, 4, 3],
  ['P03', '2', 'S', 5, 5, 4, 5],
  ['P04', '2', 'CS', 3, 3, 4, 3],
  ['P05', '2', 'CS', 4, 4, 5, 4],
  ['P06', '2', 'CS', 2, 3, 2, 3],
  ['P01', '3', 'S', 4, 4, 4, 4],
];

export function wavesText(): string {
  return `person_id,wave,team,Q1,Q2,Q3,Q4\n${WAVES.map((r) => r.join(',')).join('\n')}\n`;
}
