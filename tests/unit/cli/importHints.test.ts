import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliErrorOf, upstream, upstreamAsync } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tempDir';
import { tinyWorkspaceFile } from '../../helpers/tinyWorkspace';
import { tinyCustomers } from '../../fixtures/tinyCompany';

/**
 * A Google Forms export of a customer survey, as Forms writes it: the question text as the
 * header, US timestamps, no response id, and the store named by the question "Which store...".
 * 40 rows, 10 per store; store S-A answers 10, 9, 9, 9, 8, 7, 7, 3, 2, 0 to the NPS question.
 */
const FORM_HEADER =
  'Timestamp,"How likely are you to recommend us to a friend or colleague?","Which store did you visit?","Anything else?"';
const STORE_A_NPS = [10, 9, 9, 9, 8, 7, 7, 3, 2, 0];
function formRows(): string {
  const rows: string[] = [];
  for (let i = 0; i < 40; i++) {
    const store = ['S-A', 'S-B', 'S-C', 'S-D'][i % 4]!;
    const nps = store === 'S-A' ? STORE_A_NPS[i / 4]! : (i * 7) % 11;
    rows.push(`5/${1 + (i % 28)}/2025 14:0${i % 10}:09,${nps},${store},"thanks, ok"`);
  }
  return `${FORM_HEADER}\n${rows.join('\n')}\n`;
}

const temp = makeTempDir();
let base = '';
/** A pulse survey's export with no period, no dates and no tenure: 12 people in two stores. */
const pulse = join(temp.path, 'pulse.csv');
const PULSE = [
  'id,team,E1,E2,V1,L1,ENPS',
  ...Array.from({ length: 12 }, (_, i) => `P${i + 1},${i < 6 ? 'T1' : 'T4'},5,4,2,1,${i % 11}`),
].join('\n');
const form = join(temp.path, 'Customer feedback (Responses) - Form responses 1.csv');

/** A copy of the loaded tiny company, so each test starts from the same workspace. */
function workspaceCopy(name: string): string {
  const path = join(temp.path, `${name}.duckdb`);
  copyFileSync(base, path);
  return path;
}

function overviewTiles(
  ws: string,
  unitId: string,
  period: string,
): Record<string, { value: number; n: number }> {
  const args = JSON.stringify({ unitId, period });
  const overview = JSON.parse(
    upstream(['call', 'overview', '--workspace', ws, '--args', args]).stdout,
  );
  return Object.fromEntries(
    overview.tiles.map((t: { metric: string; value: number; n: number }) => [
      t.metric,
      { value: t.value, n: t.n },
    ]),
  );
}

function tables(ws: string): Record<string, number> {
  return JSON.parse(upstream(['call', 'info', '--workspace', ws]).stdout).tables;
}

beforeAll(async () => {
  base = await tinyWorkspaceFile(temp.path);
  writeFileSync(form, formRows());
  writeFileSync(pulse, `${PULSE}\n`);
});
afterAll(() => temp.remove());

describe('upstream import: hints from the command line', () => {
  it('refuses a file it cannot map with a command to copy, and that command imports it', () => {
    const ws = workspaceCopy('refused');
    const before = tables(ws);
    const refused = upstream(['import', pulse, '--workspace', ws]);
    expect(refused.status).toBe(1);
    const error = cliErrorOf(refused.stderr);
    const now = new Date();
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    expect(error.hint).toEqual(['--as', 'survey_responses', '--set', `period=${quarter}`]);
    expect(error.message).toMatch(/^pulse\.csv: no period: the file has no period or date column/);
    expect(error.message).toContain(
      `Try: upstream import ${pulse} --workspace ${ws} --as survey_responses --set period=${quarter}`,
    );
    expect(tables(ws)).toEqual(before);

    // The analyst puts in the quarter the pulse ran.
    const hint = error.hint!.map((flag) => (flag.startsWith('period=') ? 'period=2025-Q3' : flag));
    const retried = upstream(['import', pulse, '--workspace', ws, ...hint, '--json']);
    const report = JSON.parse(retried.stdout).files[0];
    expect(report).toMatchObject({ kind: 'survey_responses', rowsRead: 12, rowsImported: 12 });
    // Every one answered E1 5, E2 4, V1 2 and the reverse-worded L1 1: 3 of 4 favourable.
    const tiles = overviewTiles(ws, 'C', '2025-Q3');
    expect(tiles.respondents).toEqual({ value: 12, n: 12 });
    expect(tiles.pct_favourable).toEqual({ value: 75, n: 12 });
  });

  it('--dry-run --json imports nothing, and passed back with --mapping imports what the inference did', async () => {
    const inferred = workspaceCopy('inferred');
    const fromFile = workspaceCopy('fromFile');
    const before = tables(inferred);
    const hints = ['--map', 'cx_code=which store did you visit?', '--as', 'customer_feedback'];
    const dryHinted = upstream([
      'import',
      form,
      '--workspace',
      inferred,
      '--dry-run',
      '--json',
      ...hints,
    ]);
    expect(JSON.parse(dryHinted.stdout).columns).toContainEqual({
      name: 'Which store did you visit?',
      role: 'cx_code',
      confidence: 1,
      why: 'your hint --map cx_code=which store did you visit?',
    });
    // Without hints: the inference's own mapping (the store codes are the workspace's).
    const dry = upstream(['import', form, '--workspace', inferred, '--dry-run', '--json']);
    expect(dry.status).toBe(0);
    expect(tables(inferred)).toEqual(before);
    const document = JSON.parse(dry.stdout);
    expect(document).toMatchObject({
      kind: 'customer_feedback',
      rows: 40,
      mappingSource: 'inferred',
    });
    const roles = Object.fromEntries(
      document.columns.map((c: { name: string; role: string }) => [c.name, c.role]),
    );
    expect(roles).toMatchObject({
      Timestamp: 'responded_at',
      'How likely are you to recommend us to a friend or colleague?': 'nps',
      'Which store did you visit?': 'cx_code',
    });
    const mappingFile = join(temp.path, 'mapping.json');
    writeFileSync(mappingFile, dry.stdout);

    const [viaInference, viaMapping] = await Promise.all([
      upstreamAsync(['import', form, '--workspace', inferred, '--json']),
      upstreamAsync(['import', form, '--workspace', fromFile, '--json', '--mapping', mappingFile]),
    ]);
    const a = JSON.parse(viaInference.stdout).files[0];
    const b = JSON.parse(viaMapping.stdout).files[0];
    expect(b.mapping).toBe('given');
    for (const key of ['rowsRead', 'rowsImported', 'rowsQuarantined', 'reasons'])
      expect(b[key]).toEqual(a[key]);
    // Store A (S-A is unit T1) in 2025-Q2: the tiny company's own answers and the form's 10.
    const answers = [
      ...tinyCustomers
        .filter((c) => c.code === 'S-A' && c.nps !== null && /^2025-0[456]/.test(c.at))
        .map((c) => c.nps!),
      ...STORE_A_NPS,
    ];
    const promoters = answers.filter((a) => a >= 9).length;
    const detractors = answers.filter((a) => a <= 6).length;
    expect(overviewTiles(inferred, 'T1', '2025-Q2').nps).toEqual({
      value: Math.round(((promoters - detractors) / answers.length) * 10000) / 100,
      n: answers.length,
    });
    expect(overviewTiles(fromFile, 'C', '2025-Q2').nps).toEqual(
      overviewTiles(inferred, 'C', '2025-Q2').nps,
    );
  });

  it('refuses a bad hint naming it, before anything is written', async () => {
    const before = tables(base);
    const badMapping = join(temp.path, 'bad.json');
    writeFileSync(badMapping, '{"kind": "customer_feedback", "columns": {}');
    const wrongShape = join(temp.path, 'wrong.json');
    writeFileSync(wrongShape, JSON.stringify({ mapping: { kind: 'customer_feedback' } }));
    const cases: [string[], string][] = [
      [['--map', 'cx_code=Branch'], "--map cx_code=Branch: the file has no column 'Branch'."],
      [
        ['--as', 'survey_responses', '--set', 'period=Q3'],
        '--set period=Q3: period must be a quarter written YYYY-Qn, such as 2025-Q3.',
      ],
      [
        ['--map', 'cx_code=Timestamp', '--set', 'cx_code=S-A'],
        '--map cx_code=Timestamp and --set cx_code=S-A: these contradict each other',
      ],
      [
        ['--set', 'cx_code=S-A', '--set', 'cx_code=S-B'],
        '--set cx_code=S-A and --set cx_code=S-B contradict each other.',
      ],
      [['--mapping', badMapping], `--mapping ${badMapping}: not valid JSON`],
      [['--mapping', wrongShape], `--mapping ${wrongShape}: not a mapping at columns`],
      [
        ['--map', 'store=Timestamp', '--as', 'customer_feedback'],
        "'store' is not a column of a customer_feedback file.",
      ],
    ];
    // One workspace each: DuckDB lets one process at a time write a workspace.
    const results = await Promise.all(
      cases.map(([flags], i) =>
        upstreamAsync(['import', form, '--workspace', workspaceCopy(`bad-${i}`), ...flags]),
      ),
    );
    results.forEach((result, i) => {
      expect(result.status, cases[i]![0].join(' ')).toBe(1);
      const error = cliErrorOf(result.stderr);
      expect(error.code).toBe('INVALID_ARGUMENTS');
      expect(error.message).toContain(cases[i]![1]);
      expect(tables(join(temp.path, `bad-${i}.duckdb`))).toEqual(before);
    });
  });

  it('answers --help for every command and names the valid options of an unknown one', async () => {
    const commands = [
      'sample',
      'import',
      'rebuild',
      'profiles',
      'quarantine',
      'call',
      'export',
      'stories',
      'methods',
      'serve',
    ];
    const helps = await Promise.all(commands.map((c) => upstreamAsync([c, '--help'])));
    helps.forEach((help, i) => {
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`upstream ${commands[i]}`);
    });
    const unknown = upstream([
      'import',
      form,
      '--workspace',
      join(temp.path, 'none.duckdb'),
      '--kind',
      'survey',
    ]);
    expect(cliErrorOf(unknown.stderr).message).toMatch(
      /^Unknown option '--kind'\. Valid options: --workspace \(-w\), --as, .*--map, --set, --mapping, --dry-run/,
    );
    expect(existsSync(join(temp.path, 'none.duckdb'))).toBe(false);
  });
});
