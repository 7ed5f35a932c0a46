import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANONICAL_COLUMNS,
  type CanonicalKind,
} from '../../../src/main/engine/import/canonicalFormats';
import {
  writeSampleExports,
  type SampleExports,
  type SampleFile,
} from '../../../src/main/engine/sample';
import { makeTempDir } from '../../helpers/tempDir';
import { Duck, readCsv, sqlText } from './duck';

const SEED = 11;
const temps: { remove(): void }[] = [];
let sample: SampleExports;
let duck: Duck;

async function generate(seed: number): Promise<SampleExports> {
  const temp = makeTempDir('upstream-sample-');
  temps.push(temp);
  return writeSampleExports({ seed, scale: 'small', dir: join(temp.path, 'exports') });
}

function filesOf(kind: CanonicalKind): SampleFile[] {
  return sample.files.filter((file) => file.kind === kind);
}

function pathsOf(kind: CanonicalKind): string[] {
  return filesOf(kind).map((file) => file.path);
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      ]),
  );
}

beforeAll(async () => {
  sample = await generate(SEED);
  duck = await Duck.open();
  await duck.run(
    `CREATE TABLE org_before AS SELECT * FROM ${readCsv(pathsOf('org_units')[0] as string)}`,
  );
  await duck.run(
    `CREATE TABLE org_after AS SELECT * FROM ${readCsv(pathsOf('org_units')[1] as string)}`,
  );
  await duck.run(`CREATE TABLE items AS SELECT * FROM ${readCsv(pathsOf('survey_items'))}`);
  await duck.run(`CREATE TABLE responses AS SELECT * FROM ${readCsv(pathsOf('survey_responses'))}`);
  await duck.run(`CREATE TABLE mapping AS SELECT * FROM ${readCsv(pathsOf('unit_mapping'))}`);
  await duck.run(`CREATE TABLE feedback AS SELECT * FROM ${readCsv(pathsOf('customer_feedback'))}`);
  await duck.run(`CREATE TABLE calls AS SELECT * FROM ${readCsv(pathsOf('contact_centre'))}`);
  await duck.run(`CREATE TABLE recognition AS SELECT * FROM ${readCsv(pathsOf('recognition'))}`);
  await duck.run(`CREATE TABLE hr AS SELECT * FROM ${readCsv(pathsOf('hr_metrics'))}`);
}, 60_000);

afterAll(() => {
  duck?.close();
  for (const temp of temps) temp.remove();
});

describe('sample exports (small scale)', () => {
  it('lists the files in import order, one survey and one feedback file per quarter', () => {
    const kinds = sample.files.map((file) => file.kind);
    expect(kinds).toEqual([
      'org_units',
      'org_units',
      'survey_items',
      ...Array(8).fill('survey_responses'),
      'unit_mapping',
      ...Array(8).fill('customer_feedback'),
      'contact_centre',
      'recognition',
      'hr_metrics',
    ]);
    expect(pathsOf('org_units').map((path) => basename(path))).toEqual([
      'org_units_2024-07-01.csv',
      'org_units_2025-07-01.csv',
    ]);
    expect(pathsOf('survey_responses').map((path) => basename(path))).toEqual(
      sample.truth.periods.map((period) => `survey_responses_${period}.csv`),
    );
    expect(sample.truth.periods).toEqual([
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('writes truth.json equal to the returned truth', () => {
    const written = JSON.parse(readFileSync(join(sample.dir, 'truth.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(sample.truth)));
    expect(written.seed).toBe(SEED);
    expect(written.scale).toBe('small');
  });

  it('is byte-identical for the same seed and differs for another seed', async () => {
    const again = await generate(SEED);
    const other = await generate(SEED + 1);
    const original = hashes(sample.dir);
    expect(Object.keys(original)).toHaveLength(sample.files.length + 1);
    expect(hashes(again.dir)).toEqual(original);
    const different = hashes(other.dir);
    const changed = Object.keys(original).filter((name) => original[name] !== different[name]);
    expect(changed.length).toBeGreaterThanOrEqual(sample.files.length - 1);
  }, 60_000);

  it('gives every file exactly its canonical columns', async () => {
    const itemIds = (await duck.rows('SELECT item_id FROM items')).map(
      (row) => row.item_id as string,
    );
    for (const file of sample.files) {
      const columns = (await duck.rows(`DESCRIBE SELECT * FROM ${readCsv(file.path)}`)).map(
        (row) => row.column_name,
      );
      const canonical = CANONICAL_COLUMNS[file.kind].map((column) => column.name);
      const expected =
        file.kind === 'survey_responses' ? [...canonical, ...itemIds, 'comment'] : canonical;
      expect(columns, basename(file.path)).toEqual(expected);
    }
  });

  it('writes cells that all parse as their canonical type, range and pattern, with the row counts reported', async () => {
    for (const file of sample.files) {
      const source = readCsv(file.path);
      expect((await duck.one(`SELECT count(*) AS n FROM ${source}`)).n, basename(file.path)).toBe(
        file.rows,
      );
      expect(file.rows).toBeGreaterThan(0);
      for (const spec of CANONICAL_COLUMNS[file.kind]) {
        const raw = `nullif("${spec.name}", '')`;
        const typed = `TRY_CAST(${raw} AS ${spec.type})`;
        const problems = [
          spec.required ? `${raw} IS NULL` : 'false',
          `(${raw} IS NOT NULL AND ${typed} IS NULL)`,
          spec.range ? `${typed} NOT BETWEEN ${spec.range[0]} AND ${spec.range[1]}` : 'false',
          spec.pattern ? `NOT regexp_full_match(${raw}, ${sqlText(spec.pattern)})` : 'false',
          spec.type === 'BOOLEAN' ? `${raw} NOT IN ('true', 'false')` : 'false',
        ].join(' OR ');
        const bad = await duck.one(`SELECT count(*) AS n FROM ${source} WHERE ${problems}`);
        expect(bad.n, `${basename(file.path)} ${spec.name}`).toBe(0);
      }
    }
  });

  it('answers survey items only within their scale, with about 3% left blank and every respondent answering something', async () => {
    const items = await duck.rows(
      'SELECT item_id, scale_min::INT AS lo, scale_max::INT AS hi FROM items',
    );
    let blanks = 0;
    let cells = 0;
    for (const item of items) {
      const column = `"${item.item_id}"`;
      const row = await duck.one(
        `SELECT count(*) FILTER (WHERE ${column} IS NOT NULL AND (TRY_CAST(${column} AS INTEGER) IS NULL OR ${column}::INT NOT BETWEEN ${item.lo} AND ${item.hi})) AS bad,
                count(*) FILTER (WHERE ${column} IS NULL) AS blank, count(*) AS n FROM responses`,
      );
      expect(row.bad, String(item.item_id)).toBe(0);
      blanks += row.blank as number;
      cells += row.n as number;
    }
    expect(blanks / cells).toBeGreaterThan(0.015);
    expect(blanks / cells).toBeLessThan(0.05);
    const everyItem = items.map((item) => `"${item.item_id}"`).join(', ');
    expect(
      (await duck.one(`SELECT count(*) AS n FROM responses WHERE coalesce(${everyItem}) IS NULL`))
        .n,
    ).toBe(0);
  });

  it('has a realistic item catalogue', async () => {
    const factors = await duck.rows(
      'SELECT factor, count(*) AS n, max(reverse_coded) AS anyReversed FROM items GROUP BY factor ORDER BY factor',
    );
    const byFactor = Object.fromEntries(factors.map((row) => [row.factor, row.n]));
    expect(byFactor.engagement).toBeGreaterThanOrEqual(4);
    expect(byFactor.leadership).toBeGreaterThanOrEqual(4);
    expect(byFactor.enablement).toBeGreaterThanOrEqual(3);
    expect(byFactor.enps).toBe(1);
    expect(
      factors.filter((row) => String(row.factor).startsWith('value:')).map((row) => row.n),
    ).toEqual([3, 3, 3, 3, 3]);
    const reversed = await duck.one("SELECT count(*) AS n FROM items WHERE reverse_coded = 'true'");
    expect(reversed.n).toBeGreaterThanOrEqual(1);
    expect(reversed.n).toBeLessThanOrEqual(2);
    expect(await duck.one("SELECT scale_min, scale_max FROM items WHERE factor = 'enps'")).toEqual({
      scale_min: '0',
      scale_max: '10',
    });
  });

  it('keeps ids unique and refers only to units that exist', async () => {
    const duplicates = [
      'SELECT count(*) - count(DISTINCT (period, respondent_id)) AS n FROM responses',
      'SELECT count(*) - count(DISTINCT response_id) AS n FROM feedback',
      'SELECT count(*) - count(DISTINCT interaction_id) AS n FROM calls',
      'SELECT count(*) - count(DISTINCT event_id) AS n FROM recognition',
      'SELECT count(*) - count(DISTINCT cx_code) AS n FROM mapping',
      'SELECT count(*) - count(DISTINCT (unit_id, period)) AS n FROM hr',
      'SELECT count(*) - count(DISTINCT unit_id) AS n FROM org_before',
      'SELECT count(*) - count(DISTINCT unit_id) AS n FROM org_after',
      'SELECT count(*) - count(DISTINCT unit_name) AS n FROM org_after',
    ];
    for (const sql of duplicates) expect((await duck.one(sql)).n, sql).toBe(0);
    const teams = "(SELECT unit_id FROM org_before WHERE level = 'team')";
    for (const table of ['responses', 'mapping', 'recognition', 'hr']) {
      expect(
        (await duck.one(`SELECT count(*) AS n FROM ${table} WHERE unit_id NOT IN ${teams}`)).n,
        table,
      ).toBe(0);
    }
    for (const table of ['org_before', 'org_after']) {
      expect(
        (
          await duck.one(
            `SELECT count(*) AS n FROM ${table} WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT unit_id FROM ${table})`,
          )
        ).n,
      ).toBe(0);
      expect((await duck.one(`SELECT count(*) AS n FROM ${table} WHERE parent_id IS NULL`)).n).toBe(
        1,
      );
    }
    const calls = await duck.one(
      'SELECT count(*) FILTER (WHERE queue_code NOT IN (SELECT cx_code FROM mapping)) AS unmapped, count(DISTINCT queue_code) AS queues FROM calls',
    );
    expect(calls.unmapped).toBe(0);
    expect(calls.queues).toBe(sample.truth.counts.contactCentreQueues);
  });

  it('builds the hierarchy company > regions > areas > teams with realistic names and types', async () => {
    const levels = await duck.rows(
      'SELECT level, unit_type, count(*) AS n FROM org_before GROUP BY ALL ORDER BY ALL',
    );
    const count = (level: string) =>
      levels.filter((row) => row.level === level).reduce((sum, row) => sum + (row.n as number), 0);
    expect(count('company')).toBe(1);
    expect(count('region')).toBe(2);
    expect(count('area')).toBeGreaterThanOrEqual(5);
    expect(count('team')).toBeGreaterThanOrEqual(35);
    const teamTypes = new Set(
      levels.filter((row) => row.level === 'team').map((row) => row.unit_type),
    );
    expect(teamTypes).toEqual(new Set(['store', 'branch', 'contact_centre_queue']));
    const wrongParent = await duck.one(`
      SELECT count(*) AS n FROM org_before child JOIN org_before parent ON child.parent_id = parent.unit_id
      WHERE (child.level = 'team' AND parent.level <> 'area') OR (child.level = 'area' AND parent.level <> 'region')
         OR (child.level = 'region' AND parent.level <> 'company')`);
    expect(wrongParent.n).toBe(0);
    const names = await duck.rows(
      "SELECT unit_name, unit_type FROM org_before WHERE level = 'team'",
    );
    for (const { unit_name: name, unit_type: type } of names) {
      if (type === 'store') expect(name).toMatch(/ Store$/);
      if (type === 'branch') expect(name).toMatch(/ Branch$/);
      if (type === 'contact_centre_queue') expect(name).toMatch(/^[A-Z][A-Za-z ]+ Queue \d+$/);
    }
    expect(
      (
        await duck.one(
          "SELECT count(*) AS n FROM org_before WHERE NOT regexp_full_match(unit_id, 'U\\d{4}')",
        )
      ).n,
    ).toBe(0);
  });

  it('records the reorganisation: one region split in two, its areas and a few teams moved, team ids stable', async () => {
    const { reorg } = sample.truth;
    expect(reorg.betweenPeriods).toEqual(['2025-Q2', '2025-Q3']);
    const regions = async (table: string) =>
      (await duck.rows(`SELECT unit_id FROM ${table} WHERE level = 'region' ORDER BY unit_id`)).map(
        (row) => row.unit_id,
      );
    const before = await regions('org_before');
    const after = await regions('org_after');
    expect(after).toEqual([...before, reorg.newRegionId].sort());
    expect(before).toContain(reorg.splitRegionId);

    const reparented = async (level: string) =>
      (
        await duck.rows(`
          SELECT b.unit_id, b.parent_id AS old_parent, a.parent_id AS new_parent
          FROM org_before b JOIN org_after a USING (unit_id)
          WHERE b.level = '${level}' AND b.parent_id <> a.parent_id ORDER BY b.unit_id`)
      ).map((row) => ({ unitId: row.unit_id, from: row.old_parent, to: row.new_parent }));
    const movedAreas = await reparented('area');
    expect(movedAreas.map((area) => area.unitId)).toEqual([...reorg.movedAreaIds].sort());
    expect(movedAreas.length).toBeGreaterThanOrEqual(1);
    for (const area of movedAreas)
      expect([area.from, area.to]).toEqual([reorg.splitRegionId, reorg.newRegionId]);
    expect(
      (
        await duck.one(
          `SELECT count(*) AS n FROM org_after WHERE parent_id = ${sqlText(reorg.splitRegionId)}`,
        )
      ).n,
    ).toBeGreaterThanOrEqual(1);

    const movedTeams = await reparented('team');
    expect(movedTeams.map((team) => team.unitId)).toEqual([...reorg.movedTeamIds].sort());
    expect(movedTeams.length).toBeGreaterThanOrEqual(1);
    expect(movedTeams).toEqual(
      [...reorg.movedTeams]
        .sort((a, b) => a.unitId.localeCompare(b.unitId))
        .map((team) => ({ unitId: team.unitId, from: team.fromAreaId, to: team.toAreaId })),
    );

    const teamsIn = async (table: string) =>
      (await duck.rows(`SELECT unit_id FROM ${table} WHERE level = 'team' ORDER BY unit_id`)).map(
        (row) => row.unit_id,
      );
    expect(await teamsIn('org_after')).toEqual(await teamsIn('org_before'));
    const periodsPerTeam = await duck.one(
      'SELECT min(n) AS fewest FROM (SELECT unit_id, count(DISTINCT period) AS n FROM hr GROUP BY unit_id)',
    );
    expect(periodsPerTeam.fewest).toBe(8);
  });

  it('keeps response rates plausible: respondents never exceed headcount', async () => {
    const rates = await duck.one(`
      SELECT count(*) FILTER (WHERE coalesce(r.n, 0) > h.headcount::INT) AS over,
             avg(coalesce(r.n, 0) / h.headcount::INT) AS mean_rate, sum(h.headcount::INT) AS person_quarters
      FROM hr h LEFT JOIN (SELECT unit_id, period, count(*) AS n FROM responses GROUP BY ALL) r USING (unit_id, period)`);
    expect(rates.over).toBe(0);
    expect(rates.mean_rate).toBeGreaterThan(0.6);
    expect(rates.mean_rate).toBeLessThan(0.85);
    const firstQuarter = await duck.one(
      "SELECT sum(headcount::INT) AS n FROM hr WHERE period = '2024-Q3'",
    );
    expect(firstQuarter.n).toBe(sample.truth.counts.employees);
    expect(sample.truth.counts.employees).toBeGreaterThan(600);
    expect(sample.truth.counts.employees).toBeLessThan(800);
  });

  it('has at least 10% of teams below 5 respondents in some quarter, as truth.json says', async () => {
    const small = await duck.one(`
      WITH cells AS (
        SELECT h.unit_id, h.period, count(r.respondent_id) AS n
        FROM hr h LEFT JOIN responses r ON r.unit_id = h.unit_id AND r.period = h.period GROUP BY ALL)
      SELECT count(DISTINCT unit_id) FILTER (WHERE n < 5) / count(DISTINCT unit_id) AS share FROM cells`);
    expect(small.share).toBeGreaterThanOrEqual(0.1);
    expect(small.share).toBeCloseTo(sample.truth.smallTeams.share, 4);
  });

  it('leaves about 5% of the cx codes in customer feedback without a mapping row, as truth.json lists', async () => {
    const unmapped = (
      await duck.rows(
        'SELECT DISTINCT cx_code FROM feedback WHERE cx_code NOT IN (SELECT cx_code FROM mapping) ORDER BY cx_code',
      )
    ).map((row) => row.cx_code);
    const codes = (await duck.one('SELECT count(DISTINCT cx_code) AS n FROM feedback')).n as number;
    expect(unmapped).toEqual([...sample.truth.unmappedCxCodes].sort());
    expect(unmapped.length / codes).toBeGreaterThan(0.03);
    expect(unmapped.length / codes).toBeLessThan(0.08);
    expect((await duck.one("SELECT count(*) AS n FROM feedback WHERE cx_code LIKE 'U%'")).n).toBe(
      0,
    );
  });

  it('writes customer feedback in realistic volume, with every response scored and timestamps inside its quarter', async () => {
    const totals = await duck.one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE coalesce(nps, csat, ces) IS NULL) AS unscored,
             count(*) FILTER (WHERE nps IS NULL) / count(*) AS nps_blank, count(comment) AS comments,
             count(DISTINCT channel) AS channels
      FROM feedback`);
    expect(totals.n).toBeGreaterThan(20_000);
    expect(totals.n).toBeLessThan(30_000);
    expect(totals.unscored).toBe(0);
    expect(totals.nps_blank).toBeGreaterThan(0);
    expect(totals.comments).toBeGreaterThan(0);
    expect(totals.channels).toBe(4);
    for (const file of filesOf('customer_feedback')) {
      const period = basename(file.path).slice('customer_feedback_'.length, -'.csv'.length);
      const outside = await duck.one(`
        SELECT count(*) AS n FROM ${readCsv(file.path)}
        WHERE year(responded_at::TIMESTAMP) || '-Q' || quarter(responded_at::TIMESTAMP) <> ${sqlText(period)}`);
      expect(outside.n, period).toBe(0);
    }
    const surveyOutside = await duck.one(
      "SELECT count(*) AS n FROM responses WHERE year(submitted_at::DATE) || '-Q' || quarter(submitted_at::DATE) <> period",
    );
    expect(surveyOutside.n).toBe(0);
  });

  it('writes contact-centre interactions whose handle time is talk + hold + wrap', async () => {
    const calls = await duck.one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE handle_seconds::INT <> talk_seconds::INT + hold_seconds::INT + wrap_seconds::INT) AS wrong,
             avg(talk_seconds::INT) AS talk, avg(repeat_contact::BOOLEAN::INT) AS repeats, count(DISTINCT agent_id) AS agents
      FROM calls`);
    expect(calls.n).toBeGreaterThan(4_000);
    expect(calls.n).toBeLessThan(6_000);
    expect(calls.wrong).toBe(0);
    expect(calls.talk).toBeGreaterThan(120);
    expect(calls.talk).toBeLessThan(1_200);
    expect(calls.repeats).toBeGreaterThan(0.05);
    expect(calls.repeats).toBeLessThan(0.25);
    expect(calls.agents).toBeGreaterThan(20);
  });

  it('writes recognition from all three programmes and HR metrics for every team and quarter', async () => {
    const programmes = (
      await duck.rows('SELECT DISTINCT programme FROM recognition ORDER BY 1')
    ).map((row) => row.programme);
    expect(programmes).toEqual(['Manager Moment', 'Peer Award', 'Values Star']);
    const hr = await duck.one(
      'SELECT count(*) AS n, count(DISTINCT unit_id) AS teams, sum(leavers::INT) AS leavers, min(absence_days::DOUBLE) AS least FROM hr',
    );
    expect(hr.n).toBe(sample.truth.counts.teams * 8);
    expect(hr.teams).toBe(sample.truth.counts.teams);
    expect(hr.leavers).toBeGreaterThan(0);
    expect(hr.least).toBeGreaterThanOrEqual(0);
  });

  it('includes comments that need CSV quoting: commas, double quotes and a line break', async () => {
    const comments = await duck.one(`
      SELECT count(comment) / count(*) AS share,
             count(*) FILTER (WHERE comment LIKE '%,%') AS commas,
             count(*) FILTER (WHERE comment LIKE '%"%') AS quotes,
             count(*) FILTER (WHERE comment LIKE '%' || chr(10) || '%') AS newlines
      FROM responses`);
    expect(comments.share).toBeGreaterThan(0.05);
    expect(comments.share).toBeLessThan(0.15);
    expect(comments.commas).toBeGreaterThan(0);
    expect(comments.quotes).toBeGreaterThan(0);
    expect(comments.newlines).toBeGreaterThan(0);
  });

  it('counts in truth.json what the files hold', async () => {
    const { counts } = sample.truth;
    expect(counts.surveyResponses).toBe((await duck.one('SELECT count(*) AS n FROM responses')).n);
    expect(counts.customerResponses).toBe((await duck.one('SELECT count(*) AS n FROM feedback')).n);
    expect(counts.interactions).toBe((await duck.one('SELECT count(*) AS n FROM calls')).n);
    expect(counts.recognitionEvents).toBe(
      (await duck.one('SELECT count(*) AS n FROM recognition')).n,
    );
    expect(counts.teams).toBe(
      (await duck.one("SELECT count(*) AS n FROM org_before WHERE level = 'team'")).n,
    );
    expect(counts.areas).toBe(
      (await duck.one("SELECT count(*) AS n FROM org_before WHERE level = 'area'")).n,
    );
    expect(counts.regions).toBe(2);
    expect(counts.regionsAfterReorg).toBe(3);
  });
});
