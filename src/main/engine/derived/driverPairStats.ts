import {
  DOUBLE,
  DuckDBDataChunk,
  INTEGER,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
} from '@duckdb/node-api';
import type { RespondentOutcome } from '../../../shared/analytics/drivers';
import { OUTCOME_FACTORS } from '../analytics/drivers/catalogue';
import { OBSERVATIONS_PER_DRIVER } from '../analytics/drivers/importance';
import { queryOne, queryRows } from '../db/query';
import { timed } from '../stepTimes';

/**
 * Rebuilds driver_pair_stats for some periods: for each unit's full roll-up (the hierarchy in
 * force for the period) and each respondent-level outcome, the sums from which the drivers method
 * gets Pearson r exactly, over the people who answered the outcome and both sides: the outcome
 * with itself (its n), with every driver, and every pair of values. Pairs of items (hundreds per
 * unit) are kept only where relative weights over all the items could be asked for: units with
 * units below them and ten respondents per item. Elsewhere relative weights are either not
 * computed or computed over fewer items (some without an r), and for those the drivers method
 * reads the answers.
 *
 * A driver's score is what the drivers method correlates: the answer to a 1-5 item of the
 * catalogue (the latest source's row; reverse-coded items flipped), or for a value the mean of the
 * value's items the person answered.
 *
 * The sums are made in JS rather than in SQL: every person contributes one product per pair of
 * items (406 for the sample's 29 items, 28 million a quarter at the large sample), which DuckDB
 * joined and grouped in about 4 s a quarter; read once and counted here in typed arrays, a
 * quarter takes about 1.3 s. Only the sums are written back.
 */
export async function rebuildDriverPairStats(
  conn: DuckDBConnection,
  periods: string[],
): Promise<void> {
  await conn.run(
    `DELETE FROM driver_pair_stats
     WHERE period IN (SELECT unnest(from_json($periods, '["VARCHAR"]')))
        OR period NOT IN (SELECT DISTINCT period FROM respondent_scores)`,
    { periods: JSON.stringify(periods) },
  );
  const trees = await treesOf(conn, await surveyPeriods(conn));
  const made = await madeWith(conn);
  const kept = Object.fromEntries(
    [...trees.keys()].flatMap((p) => (made[p] !== undefined ? [[p, made[p]!]] : [])),
  );
  if (periods.length > 0) {
    const catalogue = await loadCatalogue(conn);
    for (const period of periods) {
      await rebuildPeriod(conn, period, catalogue);
      kept[period] = trees.get(period) ?? '';
    }
  }
  await conn.run(
    `INSERT INTO meta VALUES ($key, $trees) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    { key: TREES_KEY, trees: JSON.stringify(kept) },
  );
}

/** The outcomes in the order their scores are read below (eNPS, then the engagement index). */
const OUTCOMES = ['enps', 'engagement_index'] as const satisfies readonly RespondentOutcome[];

/** Meta key: per period, the hierarchy its roll-ups were made with (a digest of its closure). */
const TREES_KEY = 'driver_pair_trees';

async function surveyPeriods(conn: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    conn,
    'SELECT DISTINCT period FROM respondent_scores ORDER BY period',
  );
  return rows.map((r) => r.period);
}

/** A digest of each period's hierarchy in force (every ancestor-descendant pair of it). */
async function treesOf(conn: DuckDBConnection, periods: string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ period: string; tree: string }>(
    conn,
    `WITH periods AS (
       SELECT p AS period, hierarchy_for(p) AS eff
       FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS p))
     SELECT p.period, md5(coalesce(string_agg(c.ancestor_id || chr(9) || c.descendant_id, chr(10)
       ORDER BY c.ancestor_id, c.descendant_id), '')) AS tree
     FROM periods p LEFT JOIN org_closure c ON c.effective_from = p.eff
     GROUP BY p.period`,
    { periods: JSON.stringify(periods) },
  );
  return new Map(rows.map((r) => [r.period, r.tree]));
}

async function madeWith(conn: DuckDBConnection): Promise<Record<string, string>> {
  const row = await queryOne<{ value: string }>(conn, 'SELECT value FROM meta WHERE key = $key', {
    key: TREES_KEY,
  });
  return row ? (JSON.parse(row.value) as Record<string, string>) : {};
}

/**
 * The survey periods an org import just changed: those now under a snapshot the import wrote
 * (adding or replacing a snapshot moves no other period) whose tree is not the one their sums
 * were made with. A corrected file that renames units or leaders but moves none changes nothing.
 */
export async function periodsUnderNewestSnapshot(conn: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    conn,
    `WITH newest AS (
       SELECT DISTINCT effective_from FROM org_units
       WHERE source_id = (SELECT max(source_id) FROM org_units))
     SELECT period FROM (SELECT DISTINCT period FROM respondent_scores)
     WHERE hierarchy_for(period) IN (SELECT effective_from FROM newest)
     ORDER BY period`,
  );
  const periods = rows.map((r) => r.period);
  const trees = await treesOf(conn, periods);
  const made = await madeWith(conn);
  return periods.filter((p) => made[p] === undefined || made[p] !== trees.get(p));
}

interface Catalogue {
  /** 1-5 items by item id, each with the index of its value (-1 when it is not a value's). */
  items: { id: string; factor: string; value: number }[];
  /** Value factors ('value:<Name>'), sorted. */
  values: string[];
}

async function loadCatalogue(conn: DuckDBConnection): Promise<Catalogue> {
  const rows = await queryRows<{ item_id: string; factor: string }>(
    conn,
    `SELECT item_id, factor FROM survey_items WHERE scale_min = 1 AND scale_max = 5
     QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY source_id DESC) = 1
     ORDER BY item_id`,
  );
  const values = [...new Set(rows.map((r) => r.factor).filter((f) => f.startsWith('value:')))];
  values.sort();
  return {
    items: rows.map((r) => ({ id: r.item_id, factor: r.factor, value: values.indexOf(r.factor) })),
    values,
  };
}

/**
 * A slot holds one pair's statistics: n, sum a, sum b, sum a², sum b², sum ab, min a, max a,
 * min b, max b, then the running compensation of each of the five sums. Values and engagement
 * scores are fractions: summed naively over a company, their r would be off in the 13th digit;
 * compensated (Neumaier) it agrees with corr() to the 15th.
 */
const W = 15;
/** A sum at index j keeps its compensation at j + CARRY. */
const CARRY = 9;
/** n, the five sums and the four bounds: what is written. */
const WRITTEN = 10;

function slots(count: number): Float64Array {
  const s = new Float64Array(count * W);
  for (let o = 0; o < s.length; o += W) {
    s[o + 6] = Infinity;
    s[o + 7] = -Infinity;
    s[o + 8] = Infinity;
    s[o + 9] = -Infinity;
  }
  return s;
}

/** s[at] += v, its rounding error kept in s[at + CARRY]. */
function sum(s: Float64Array, at: number, v: number): void {
  const total = s[at]!;
  const t = total + v;
  s[at + CARRY]! += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
  s[at] = t;
}

function add(s: Float64Array, slot: number, a: number, b: number): void {
  const o = slot * W;
  s[o]! += 1;
  sum(s, o + 1, a);
  sum(s, o + 2, b);
  sum(s, o + 3, a * a);
  sum(s, o + 4, b * b);
  sum(s, o + 5, a * b);
  if (a < s[o + 6]!) s[o + 6] = a;
  if (a > s[o + 7]!) s[o + 7] = a;
  if (b < s[o + 8]!) s[o + 8] = b;
  if (b > s[o + 9]!) s[o + 9] = b;
}

/** Adds `count` slots of `from` (from slot `fromSlot`) into `into` (from slot `intoSlot`). */
function merge(
  into: Float64Array,
  intoSlot: number,
  from: Float64Array,
  fromSlot: number,
  count: number,
): void {
  for (let k = 0; k < count; k++) {
    const i = (intoSlot + k) * W;
    const f = (fromSlot + k) * W;
    if (from[f] === 0) continue;
    into[i]! += from[f]!;
    for (let c = 1; c <= 5; c++) {
      sum(into, i + c, from[f + c]!);
      into[i + c + CARRY]! += from[f + c + CARRY]!;
    }
    into[i + 6] = Math.min(into[i + 6]!, from[f + 6]!);
    into[i + 7] = Math.max(into[i + 7]!, from[f + 7]!);
    into[i + 8] = Math.min(into[i + 8]!, from[f + 8]!);
    into[i + 9] = Math.max(into[i + 9]!, from[f + 9]!);
  }
}

interface Tree {
  units: string[];
  /** Per unit: itself and every unit above it. */
  ancestors: number[][];
  /**
   * Per unit: where its people's item pairs are summed first, itself if it has units below it,
   * else its parent (-1 for a tree of one unit). Every unit above a team is above its parent.
   */
  base: Int32Array;
}

async function loadTree(conn: DuckDBConnection, period: string): Promise<Tree> {
  const reader = await conn.runAndReadAll(
    `SELECT ancestor_id, descendant_id, depth::INTEGER FROM org_closure
     WHERE effective_from = hierarchy_for($period) ORDER BY descendant_id, depth`,
    { period },
  );
  const [ancestor, descendant, depth] = reader.getColumnsJS() as [string[], string[], number[]];
  const index = new Map<string, number>();
  const units: string[] = [];
  const id = (unit: string) => {
    let i = index.get(unit);
    if (i === undefined) {
      i = units.length;
      index.set(unit, i);
      units.push(unit);
    }
    return i;
  };
  for (const unit of descendant) id(unit);
  const ancestors = units.map((): number[] => []);
  const parent = new Int32Array(units.length).fill(-1);
  const hasChildren = new Uint8Array(units.length);
  for (let r = 0; r < descendant.length; r++) {
    const d = id(descendant[r]!);
    const a = id(ancestor[r]!);
    ancestors[d]!.push(a);
    if (depth[r] === 1) {
      parent[d] = a;
      hasChildren[a] = 1;
    }
  }
  const base = new Int32Array(units.length);
  for (let u = 0; u < units.length; u++) base[u] = hasChildren[u] ? u : parent[u]!;
  return { units, ancestors, base };
}

async function rebuildPeriod(
  conn: DuckDBConnection,
  period: string,
  catalogue: Catalogue,
): Promise<void> {
  const tree = await loadTree(conn, period);
  const unitIndex = new Map(tree.units.map((u, i) => [u, i]));
  const I = catalogue.items.length;
  const V = catalogue.values.length;
  // Per outcome: the outcome with itself, with each item, with each value, then value pairs.
  const S = 1 + I + V + (V * (V - 1)) / 2;
  const valuePair = (k: number, l: number) => 1 + I + V + (k * (2 * V - k - 1)) / 2 + (l - k - 1);
  const P = (I * (I - 1)) / 2;
  const pairStart = Int32Array.from({ length: I }, (_, i) => (i * (2 * I - i - 1)) / 2 - i - 1);

  // Each person answering an outcome: their unit, outcomes and answers (item index * 8 + score).
  const reader = await timed('reading the answers', () =>
    conn.runAndReadAll(
      `WITH codes AS (
       SELECT unnest(from_json($items, '["VARCHAR"]')) AS item_id,
         generate_subscripts(from_json($items, '["VARCHAR"]'), 1) - 1 AS idx),
     answers AS (
       SELECT a.respondent_id, (c.idx * 8 + a.scored)::INTEGER AS code
       FROM survey_answers a JOIN codes c USING (item_id)
       WHERE a.period = $period AND a.scored BETWEEN 1 AND 5)
     SELECT r.unit_id, r.enps_score::DOUBLE AS enps, r.engagement_0_100::DOUBLE AS eng,
       list(a.code) FILTER (WHERE a.code IS NOT NULL) AS codes
     FROM respondent_scores r LEFT JOIN answers a USING (respondent_id)
     WHERE r.period = $period AND (r.enps_score IS NOT NULL OR r.engagement_0_100 IS NOT NULL)
     GROUP BY r.respondent_id, r.unit_id, r.enps_score, r.engagement_0_100`,
      { period, items: JSON.stringify(catalogue.items.map((i) => i.id)) },
    ),
  );
  // With no rows DuckDB gives no columns at all (a survey nobody answered an outcome in).
  const [unitCol = [], enpsCol = [], engCol = [], codesCol = []] = reader.getColumnsJS() as [
    string[]?,
    (number | null)[]?,
    (number | null)[]?,
    (number[] | null)[]?,
  ];

  // People by the unit their item pairs are summed at, so that one unit's counts are made, added
  // to the units above it and dropped before the next (a few MB for a long survey, not hundreds).
  const groups = new Map<number, number[]>();
  const unitOf = new Int32Array(unitCol.length);
  const answered = new Float64Array(2 * tree.units.length);
  for (let row = 0; row < unitCol.length; row++) {
    const u = unitIndex.get(unitCol[row]!) ?? -1;
    unitOf[row] = u;
    if (u < 0) continue;
    const b = tree.base[u]!;
    const group = groups.get(b);
    if (group) group.push(row);
    else groups.set(b, [row]);
    for (const a of tree.ancestors[u]!) {
      if (enpsCol[row] !== null) answered[2 * a]! += 1;
      if (engCol[row] !== null) answered[2 * a + 1]! += 1;
    }
  }
  // The respondents relative weights over every item an outcome is analysed by would need: item
  // pairs are summed (and kept) only for the units above the teams that have them.
  const enough = OUTCOMES.map(
    (o) =>
      OBSERVATIONS_PER_DRIVER *
      catalogue.items.filter((i) => i.factor !== OUTCOME_FACTORS[o]).length,
  );
  const keepPairs = (u: number, o: number) =>
    tree.base[u] === u && answered[2 * u + o]! >= enough[o]!;

  const own = new Map<number, Float64Array>();
  const rollupPairs = new Map<number, Float64Array>();
  // Item pairs are counted by answer (1-5 x 1-5) per combination of outcomes answered (1 eNPS,
  // 2 engagement, 3 both): one increment per person and pair, the sums made from the counts.
  const counts = new Int32Array(3 * P * 25);
  let sorted = new Int32Array(I);
  let idx = new Int32Array(I);
  let score = new Int32Array(I);
  /** Per answer: its item's row of pairs as the second of two (item * 25), plus its score. */
  let cell = new Int32Array(I);
  const valueSum = new Float64Array(V);
  const valueCount = new Int32Array(V);
  const valueScore = new Float64Array(V);
  const ys = [0, 0];
  for (const [b, rows] of groups) {
    counts.fill(0);
    for (const row of rows) {
      const codes = codesCol[row] ?? [];
      const m = codes.length;
      if (m > idx.length) {
        sorted = new Int32Array(m);
        idx = new Int32Array(m);
        score = new Int32Array(m);
        cell = new Int32Array(m);
      }
      // In item order, so that each pair is met as (lower, higher).
      for (let k = 0; k < m; k++) sorted[k] = codes[k]!;
      sorted.subarray(0, m).sort();
      valueSum.fill(0);
      valueCount.fill(0);
      for (let k = 0; k < m; k++) {
        idx[k] = sorted[k]! >> 3;
        score[k] = sorted[k]! & 7;
        cell[k] = idx[k]! * 25 + score[k]! - 1;
        const value = catalogue.items[idx[k]!]!.value;
        if (value >= 0) {
          valueSum[value]! += score[k]!;
          valueCount[value]! += 1;
        }
      }
      for (let k = 0; k < V; k++) valueScore[k] = valueSum[k]! / valueCount[k]!;

      const u = unitOf[row]!;
      let small = own.get(u);
      if (!small) own.set(u, (small = slots(2 * S)));
      ys[0] = enpsCol[row] ?? NaN;
      ys[1] = engCol[row] ?? NaN;
      for (let o = 0; o < 2; o++) {
        const y = ys[o]!;
        if (Number.isNaN(y)) continue;
        const at = o * S;
        add(small, at, y, y);
        for (let k = 0; k < m; k++) add(small, at + 1 + idx[k]!, y, score[k]!);
        for (let k = 0; k < V; k++) {
          if (valueCount[k] === 0) continue;
          add(small, at + 1 + I + k, y, valueScore[k]!);
          for (let l = k + 1; l < V; l++) {
            if (valueCount[l] !== 0)
              add(small, at + valuePair(k, l), valueScore[k]!, valueScore[l]!);
          }
        }
      }

      if (b < 0) continue;
      const at = (((enpsCol[row] === null ? 0 : 1) | (engCol[row] === null ? 0 : 2)) - 1) * P * 25;
      for (let p = 0; p < m; p++) {
        const line = at + pairStart[idx[p]!]! * 25 + (score[p]! - 1) * 5;
        for (let q = p + 1; q < m; q++) {
          if (idx[q] !== idx[p]) counts[line + cell[q]!]! += 1;
        }
      }
    }
    if (b < 0 || P === 0) continue;
    // eNPS: those who answered it (alone or with engagement); engagement likewise.
    const folded = slots(2 * P);
    for (const [o, combos] of [
      [0, [0, 2]],
      [1, [1, 2]],
    ] as const) {
      for (const combo of combos) countsToSlots(counts, combo * P, folded, o * P, P);
    }
    for (const a of tree.ancestors[b]!) {
      if (!keepPairs(a, 0) && !keepPairs(a, 1)) continue;
      let into = rollupPairs.get(a);
      if (!into) rollupPairs.set(a, (into = slots(2 * P)));
      merge(into, 0, folded, 0, 2 * P);
    }
  }

  const rollup = new Map<number, Float64Array>();
  for (const [u, small] of own) {
    for (const a of tree.ancestors[u]!) {
      let into = rollup.get(a);
      if (!into) rollup.set(a, (into = slots(2 * S)));
      merge(into, 0, small, 0, 2 * S);
    }
  }

  // Variables by number for the staging table: the outcomes, then items, then values.
  const O = OUTCOMES.length;
  const names = [...OUTCOMES, ...catalogue.items.map((i) => `item:${i.id}`), ...catalogue.values];
  const smallVars: [number, number][][] = OUTCOMES.map((_, o) => {
    const vars: [number, number][] = [[o, o]];
    for (let i = 0; i < I; i++) vars.push([o, O + i]);
    for (let k = 0; k < V; k++) vars.push([o, O + I + k]);
    for (let k = 0; k < V; k++) {
      for (let l = k + 1; l < V; l++) vars.push([O + I + k, O + I + l]);
    }
    return vars;
  });
  const pairVars: [number, number][] = [];
  for (let i = 0; i < I; i++) {
    for (let j = i + 1; j < I; j++) pairVars.push([O + i, O + j]);
  }

  const out = await StagedRows.open(conn);
  // Units in id order (the tree's), so that a request reads few of the table's row groups.
  for (let u = 0; u < tree.units.length; u++) {
    const small = rollup.get(u);
    if (!small) continue;
    const pairs = rollupPairs.get(u);
    for (let o = 0; o < O; o++) {
      out.add(u, o, small, o * S, smallVars[o]!);
      if (pairs && keepPairs(u, o)) out.add(u, o, pairs, o * P, pairVars);
    }
  }
  await timed('writing the sums', () => out.insert(period, tree.units, names));
}

/** Adds `count` pairs of answer counts (25 cells each, from pair `from`) into slots. */
function countsToSlots(
  counts: Int32Array,
  from: number,
  into: Float64Array,
  intoSlot: number,
  count: number,
): void {
  for (let k = 0; k < count; k++) {
    const c = (from + k) * 25;
    const o = (intoSlot + k) * W;
    for (let a = 1; a <= 5; a++) {
      for (let b = 1; b <= 5; b++) {
        const n = counts[c + (a - 1) * 5 + (b - 1)]!;
        if (n === 0) continue;
        into[o]! += n;
        into[o + 1]! += n * a;
        into[o + 2]! += n * b;
        into[o + 3]! += n * a * a;
        into[o + 4]! += n * b * b;
        into[o + 5]! += n * a * b;
        if (a < into[o + 6]!) into[o + 6] = a;
        if (a > into[o + 7]!) into[o + 7] = a;
        if (b < into[o + 8]!) into[o + 8] = b;
        if (b > into[o + 9]!) into[o + 9] = b;
      }
    }
  }
}

const STAGING = 'driver_pair_stats_staged';
const TYPES: DuckDBType[] = [INTEGER, INTEGER, INTEGER, INTEGER];
for (let v = 0; v < WRITTEN; v++) TYPES.push(DOUBLE);
const CHUNK = 2048;

/**
 * Rows by number (unit, outcome, a, b and the slot) appended to a temporary table, then written
 * to driver_pair_stats with their names in one statement: appending names row by row would cost
 * more than everything else here. All inside the caller's transaction.
 */
class StagedRows {
  private columns: number[][] = TYPES.map(() => []);

  private constructor(
    private readonly conn: DuckDBConnection,
    private readonly appender: DuckDBAppender,
  ) {}

  static async open(conn: DuckDBConnection): Promise<StagedRows> {
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${STAGING} (u INTEGER, o INTEGER, a INTEGER, b INTEGER,
         n DOUBLE, sa DOUBLE, sb DOUBLE, saa DOUBLE, sbb DOUBLE, sab DOUBLE,
         mina DOUBLE, maxa DOUBLE, minb DOUBLE, maxb DOUBLE)`,
    );
    return new StagedRows(conn, await conn.createAppender(STAGING, 'main', 'temp'));
  }

  /** Every slot with anyone in it, from slot `from`, its variables named by number in `vars`. */
  add(u: number, o: number, s: Float64Array, from: number, vars: [number, number][]): void {
    for (let k = 0; k < vars.length; k++) {
      const at = (from + k) * W;
      if (s[at] === 0) continue;
      const c = this.columns;
      c[0]!.push(u);
      c[1]!.push(o);
      c[2]!.push(vars[k]![0]);
      c[3]!.push(vars[k]![1]);
      c[4]!.push(s[at]!);
      for (let v = 1; v <= 5; v++) c[4 + v]!.push(s[at + v]! + s[at + v + CARRY]!);
      for (let v = 6; v < WRITTEN; v++) c[4 + v]!.push(s[at + v]!);
      if (c[0]!.length === CHUNK) this.flush();
    }
  }

  private flush(): void {
    const rows = this.columns[0]!.length;
    if (rows === 0) return;
    const chunk = DuckDBDataChunk.create(TYPES, rows);
    chunk.setColumns(this.columns);
    this.appender.appendDataChunk(chunk);
    this.columns = TYPES.map(() => []);
  }

  async insert(period: string, units: string[], names: readonly string[]): Promise<void> {
    this.flush();
    this.appender.closeSync();
    await this.conn.run(
      `INSERT INTO driver_pair_stats
       SELECT $period, d.units[s.u + 1], d.names[s.o + 1], d.names[s.a + 1], d.names[s.b + 1],
         s.n::BIGINT, s.sa, s.sb, s.saa, s.sbb, s.sab, s.mina, s.maxa, s.minb, s.maxb
       FROM ${STAGING} s,
         (SELECT from_json($units, '["VARCHAR"]') AS units, from_json($names, '["VARCHAR"]') AS names) d`,
      { period, units: JSON.stringify(units), names: JSON.stringify(names) },
    );
    await this.conn.run(`DROP TABLE ${STAGING}`);
  }
}
