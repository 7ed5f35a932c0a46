import type { DuckDBConnection } from '@duckdb/node-api';
import {
  LINKAGE_CUSTOMER_METRICS,
  LINKAGE_EMPLOYEE_METRICS,
  QUADRANTS,
  type LagProfileOutput,
  type LinkageCustomerMetric,
  type LinkageEmployeeMetric,
  type LinkageOutput,
  type LinkagePoint,
  type Quadrant,
} from '../../../../shared/analytics/linkage';
import { UpstreamError } from '../../../../shared/result';
import {
  dataPeriods,
  defaultLevel,
  levelNames,
  loadLinkageData,
  loadPairSeries,
  MIN_CUSTOMER_RESPONSES,
  pairKey,
  shiftPeriod,
  type Exclusion,
  type Observation,
  type PeriodPair,
} from './data';
import {
  correlate,
  leastSquares,
  OUTLIER_STUDENTISED,
  unitsNeeded,
  type Correlation,
} from './stats';

import { densityGrid, listQuadrant, spreadOf, thinPoints } from './thinPoints';

export const LAGS = [-2, -1, 0, 1, 2] as const;
const N_FOR_R30 = unitsNeeded(0.3);

export interface LinkageRequest {
  employeeMetric: LinkageEmployeeMetric;
  customerMetric: LinkageCustomerMetric;
  /** Absent: the lowest level that customer codes are mapped to (DOMAIN.md's unit of analysis). */
  level?: string;
  period?: string;
  lag: number;
  withinGroup: 'none' | 'demean' | 'per_group';
  groupLevel: string;
}

export interface LagProfileRequest {
  employeeMetric: LinkageEmployeeMetric;
  customerMetric: LinkageCustomerMetric;
  level?: string;
  period?: string;
}

/** '.30', '-.07': two decimals without the leading zero, as r is printed. */
export function formatR(r: number): string {
  const text = Math.abs(r).toFixed(2).replace(/^0/, '');
  return r < 0 && text !== '.00' ? `-${text}` : text;
}

function checkMetrics(employeeMetric: string, customerMetric: string): void {
  if (!(LINKAGE_EMPLOYEE_METRICS as readonly string[]).includes(employeeMetric)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Unknown employee metric '${employeeMetric}'. Choose one of: ${LINKAGE_EMPLOYEE_METRICS.join(', ')}.`,
    );
  }
  if (!(LINKAGE_CUSTOMER_METRICS as readonly string[]).includes(customerMetric)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Unknown customer metric '${customerMetric}'. Choose one of: ${LINKAGE_CUSTOMER_METRICS.join(', ')}.`,
    );
  }
}

async function checkLevel(
  conn: DuckDBConnection,
  level: string | undefined,
  what = 'level',
): Promise<{ level: string; levels: string[] }> {
  const levels = await levelNames(conn);
  if (levels.length === 0) {
    throw new UpstreamError(
      'NOT_FOUND',
      'The workspace has no org hierarchy: import an org_units file first.',
    );
  }
  if (level === undefined) return { level: await defaultLevel(conn, levels), levels };
  if (!levels.includes(level)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Unknown ${what} '${level}'. Levels in this workspace: ${levels.join(', ')}.`,
    );
  }
  return { level, levels };
}

interface Periods {
  employee: string[];
  customer: string[];
}

/** Every (t, t+lag) pair with survey data in t and customer data in t+lag. */
function validPairs(periods: Periods, lag: number, only?: string): PeriodPair[] {
  return periods.employee
    .filter((t) => only === undefined || t === only)
    .map((t) => ({ employeePeriod: t, customerPeriod: shiftPeriod(t, lag) }))
    .filter((p) => periods.customer.includes(p.customerPeriod));
}

function requirePairs(periods: Periods, lag: number, period?: string): PeriodPair[] {
  if (periods.employee.length === 0) {
    throw new UpstreamError(
      'NOT_FOUND',
      'The workspace has no survey data: import a survey first.',
    );
  }
  if (periods.customer.length === 0) {
    throw new UpstreamError(
      'NOT_FOUND',
      'The workspace has no customer feedback: import customer feedback and a unit mapping first.',
    );
  }
  if (period !== undefined) {
    if (!periods.employee.includes(period)) {
      throw new UpstreamError(
        'NOT_FOUND',
        `No survey data for ${period}. Survey periods: ${periods.employee.join(', ')}.`,
      );
    }
    const customerPeriod = shiftPeriod(period, lag);
    if (!periods.customer.includes(customerPeriod)) {
      const first = periods.customer[0]!;
      const last = periods.customer[periods.customer.length - 1]!;
      const edge =
        customerPeriod > last
          ? `latest is ${last}`
          : customerPeriod < first
            ? `earliest is ${first}`
            : `customer periods: ${periods.customer.join(', ')}`;
      throw new UpstreamError(
        'NOT_FOUND',
        `No customer data for ${customerPeriod} (${period} with a lag of ${lag}); ${edge}.`,
      );
    }
  }
  const pairs = validPairs(periods, lag, period);
  if (pairs.length === 0) {
    throw new UpstreamError(
      'NOT_FOUND',
      `No period has survey data in t and customer data in t${lag >= 0 ? '+' : ''}${lag}. Survey periods: ${periods.employee.join(', ')}; customer periods: ${periods.customer.join(', ')}.`,
    );
  }
  return pairs;
}

/** Subtracts the mean of each cell (group within period pair) from x and y. */
function demean(points: Observation[], cellOf: (o: Observation) => string) {
  const sums = new Map<string, { x: number; y: number; n: number }>();
  for (const o of points) {
    const s = sums.get(cellOf(o)) ?? { x: 0, y: 0, n: 0 };
    s.x += o.x;
    s.y += o.y;
    s.n += 1;
    sums.set(cellOf(o), s);
  }
  const xs = points.map((o) => {
    const s = sums.get(cellOf(o))!;
    return o.x - s.x / s.n;
  });
  const ys = points.map((o) => {
    const s = sums.get(cellOf(o))!;
    return o.y - s.y / s.n;
  });
  return { xs, ys, cells: sums.size };
}

function summariseExclusions(exclusions: Exclusion[]) {
  const raw = new Map<string, number>();
  for (const e of exclusions) raw.set(e.reason, (raw.get(e.reason) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const [text, n] of raw) {
    // Per-period wording folded together: the reason, not the quarter, is what the room needs.
    const reason = text.replace(/ in \d{4}-Q[1-4]$/, '');
    counts.set(reason, (counts.get(reason) ?? 0) + n);
  }
  return {
    total: exclusions.length,
    reasons: [...counts]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count),
  };
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The sentence for the room: the interval in words, and whether n is enough to see r = .30. */
export function describeCorrelation(c: Correlation, what: string): string {
  if (c.r === null)
    return `With ${plural(c.n, what)} there is not enough spread to compute a correlation.`;
  const parts: string[] = [];
  if (c.ciLow !== null && c.ciHigh !== null) {
    parts.push(
      c.ciLow < 0 && c.ciHigh > 0
        ? `With ${plural(c.n, what)} an r of ${formatR(c.r)} could be anywhere from ${formatR(c.ciLow)} to ${formatR(c.ciHigh)}: these data cannot rule out no link at all.`
        : `With ${plural(c.n, what)} r is ${formatR(c.r)} (95% interval ${formatR(c.ciLow)} to ${formatR(c.ciHigh)}): a link this strong is unlikely to be chance alone.`,
    );
  } else {
    parts.push(`With ${plural(c.n, what)} r is ${formatR(c.r)}, too few for an interval.`);
  }
  if (c.n < N_FOR_R30) {
    parts.push(
      `That is fewer than the ${N_FOR_R30} needed to detect an r of .30 reliably` +
        (c.minDetectableR !== null
          ? `; only links of about ${formatR(c.minDetectableR)} or stronger would reliably show.`
          : '.'),
    );
  }
  return parts.join(' ');
}

export async function runLinkage(
  conn: DuckDBConnection,
  minSize: number,
  input: LinkageRequest,
): Promise<LinkageOutput> {
  checkMetrics(input.employeeMetric, input.customerMetric);
  if (!Number.isInteger(input.lag) || input.lag < -2 || input.lag > 2) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `The lag must be a whole number of quarters from -2 to 2, not ${input.lag}.`,
    );
  }
  const { level, levels } = await checkLevel(conn, input.level);
  const grouped = input.withinGroup !== 'none';
  if (grouped) {
    await checkLevel(conn, input.groupLevel, 'group level');
    if (levels.indexOf(input.groupLevel) >= levels.indexOf(level)) {
      throw new UpstreamError(
        'INVALID_ARGUMENTS',
        `The group level '${input.groupLevel}' must be above the level '${level}' (levels, top first: ${levels.join(', ')}).`,
      );
    }
  }
  const periods = await dataPeriods(conn, input.employeeMetric, input.customerMetric);
  const pairs = requirePairs(periods, input.lag, input.period);
  const data = await loadLinkageData(conn, {
    employeeMetric: input.employeeMetric,
    customerMetric: input.customerMetric,
    level: level,
    groupLevel: grouped ? input.groupLevel : null,
    pairs,
    minSize,
  });
  const obs = data.observations;
  if (obs.length < 3) {
    const excluded = summariseExclusions(data.exclusions);
    throw new UpstreamError(
      'NOT_FOUND',
      `Only ${plural(obs.length, 'unit')} at level '${level}' can be shown for ${pairs.map((p) => `${p.employeePeriod} vs ${p.customerPeriod}`).join(', ')}; a correlation needs at least 3.` +
        (excluded.total > 0
          ? ` Left out: ${excluded.reasons.map((r) => `${r.count} (${r.reason})`).join('; ')}.`
          : ''),
    );
  }

  const groupOf = (o: Observation) => o.groupId ?? '(none)';
  const pooled = input.period === undefined;
  let xs = obs.map((o) => o.x);
  let ys = obs.map((o) => o.y);
  let lostDf = 0;
  if (grouped) {
    const d = demean(obs, (o) => `${groupOf(o)}|${o.employeePeriod}`);
    xs = d.xs;
    ys = d.ys;
    lostDf = d.cells - 1;
  }
  const stats = correlate(xs, ys, lostDf);
  const fit = leastSquares(xs, ys);

  // Quadrants: split at the company figure for the pair (the top of the tree, as on the overview);
  // when that is suppressed or missing, at the mean of the points shown for the pair.
  const splits = new Map<string, { x: number; y: number }>();
  let usedMean = false;
  const byPair = data.byPair;
  for (const pair of pairs) {
    const members = byPair.get(pairKey(pair)) ?? [];
    if (members.length === 0) continue;
    const company = data.company.get(pairKey(pair));
    if (company) splits.set(pairKey(pair), company);
    else {
      usedMean = true;
      splits.set(pairKey(pair), {
        x: members.reduce((a, o) => a + o.x, 0) / members.length,
        y: members.reduce((a, o) => a + o.y, 0) / members.length,
      });
    }
  }
  const quadrantOf = (o: Observation): Quadrant => {
    const s = splits.get(pairKey(o))!;
    const highE = o.x >= s.x;
    const highC = o.y >= s.y;
    return highE ? (highC ? 'bright_spot' : 'employee_only') : highC ? 'customer_only' : 'at_risk';
  };
  const points: LinkagePoint[] = obs.map((o, i) => ({
    unitId: o.unitId,
    name: o.name,
    employeePeriod: o.employeePeriod,
    customerPeriod: o.customerPeriod,
    groupId: o.groupId,
    groupName: o.groupName,
    x: o.x,
    y: o.y,
    nEmployees: o.nEmployees,
    nCustomers: o.nCustomers,
    quadrant: quadrantOf(o),
    outlier: fit !== null && Math.abs(fit.studentised[i]!) > OUTLIER_STUDENTISED,
  }));
  const counts = { bright_spot: 0, customer_only: 0, employee_only: 0, at_risk: 0 };
  for (const p of points) counts[p.quadrant] += 1;
  const splitOf = (p: LinkagePoint) => splits.get(pairKey(p))!;
  const spread = spreadOf(points);
  const units = Object.fromEntries(
    QUADRANTS.map((q) => [q, listQuadrant(points, q, splitOf, spread)]),
  ) as Record<Quadrant, { unitId: string; name: string; employeePeriod: string }[]>;
  const shown = thinPoints(points);

  let groups: LinkageOutput['groups'];
  if (input.withinGroup === 'per_group') {
    const byGroup = new Map<string, Observation[]>();
    for (const o of obs) byGroup.set(groupOf(o), [...(byGroup.get(groupOf(o)) ?? []), o]);
    groups = [...byGroup].map(([groupId, members]) => {
      // Pooled across periods: remove each period's mean inside the group first.
      const d = pooled
        ? demean(members, (o) => o.employeePeriod)
        : { xs: members.map((o) => o.x), ys: members.map((o) => o.y), cells: 1 };
      const c = correlate(d.xs, d.ys, d.cells - 1);
      return { groupId, name: members[0]!.groupName ?? '(no group)', ...c };
    });
    groups.sort((a, b) => a.name.localeCompare(b.name));
  }

  const excluded = summariseExclusions(data.exclusions);
  const what = pooled ? 'unit-quarter points' : 'units';
  const message: string[] = [describeCorrelation(stats, pooled ? 'unit-quarter point' : 'unit')];
  if (pooled && pairs.length > 1) {
    message.push(
      `Pooled over ${plural(pairs.length, 'quarter pair')} (${pairs[0]!.employeePeriod}..${pairs[pairs.length - 1]!.employeePeriod} against ${input.lag === 0 ? 'the same quarter' : `${Math.abs(input.lag)} quarter${Math.abs(input.lag) === 1 ? '' : 's'} ${input.lag > 0 ? 'later' : 'earlier'}`}); the same unit appears once per quarter, so the interval is on the optimistic side.`,
    );
  }
  if (grouped) {
    message.push(
      `Within ${input.groupLevel}: each ${input.groupLevel}'s average is removed first, so ${article(input.groupLevel)} ${input.groupLevel} effect is not taken for ${article(level)} ${level} effect.`,
    );
  }
  if (excluded.total > 0) {
    message.push(
      `${excluded.total} left out: ${excluded.reasons.map((r) => `${r.count} ${r.reason.charAt(0).toLowerCase()}${r.reason.slice(1)}`).join('; ')}.`,
    );
  }
  const last = pairs[pairs.length - 1]!;
  return {
    employeeMetric: input.employeeMetric,
    customerMetric: input.customerMetric,
    level: level,
    lag: input.lag,
    withinGroup: input.withinGroup,
    groupLevel: grouped ? input.groupLevel : null,
    pooled,
    employeePeriod: last.employeePeriod,
    customerPeriod: last.customerPeriod,
    employeePeriods: pairs.map((p) => p.employeePeriod),
    customerPeriods: pairs.map((p) => p.customerPeriod),
    r: stats.r,
    spearman: stats.spearman,
    ciLow: stats.ciLow,
    ciHigh: stats.ciHigh,
    p: stats.p,
    n: stats.n,
    minDetectableR: stats.minDetectableR,
    nNeededForR30: N_FOR_R30,
    slope: fit?.slope ?? null,
    intercept: fit?.intercept ?? null,
    minGroupSize: minSize,
    minCustomerResponses: MIN_CUSTOMER_RESPONSES,
    points: shown,
    pointsTotal: points.length,
    ...(shown.length < points.length ? { density: densityGrid(points) } : {}),
    excluded,
    quadrants: {
      basis: usedMean
        ? `Splits at the company figure for each quarter pair; where that is not available, at the average of the ${what} shown.`
        : 'Splits at the company figure (employee in t, customer in t+lag) for each quarter pair.',
      splits: pairs
        .filter((p) => splits.has(pairKey(p)))
        .map((p) => ({ ...p, ...splits.get(pairKey(p))! })),
      counts,
      units,
    },
    ...(groups ? { groups } : {}),
    message: message.join(' '),
  };
}

/** r for each lag -2..2, each pooled over every valid (t, t+lag) pair with each unit-period a point. */
export async function runLagProfile(
  conn: DuckDBConnection,
  minSize: number,
  input: LagProfileRequest,
): Promise<LagProfileOutput> {
  checkMetrics(input.employeeMetric, input.customerMetric);
  const { level } = await checkLevel(conn, input.level);
  const periods = await dataPeriods(conn, input.employeeMetric, input.customerMetric);
  if (input.period !== undefined && !periods.employee.includes(input.period)) {
    throw new UpstreamError(
      'NOT_FOUND',
      `No survey data for ${input.period}. Survey periods: ${periods.employee.join(', ')}.`,
    );
  }
  const pairsByLag = LAGS.map((lag) => ({ lag, pairs: validPairs(periods, lag, input.period) }));
  const all = pairsByLag.flatMap((l) => l.pairs);
  if (all.length === 0) {
    throw new UpstreamError(
      'NOT_FOUND',
      'No lag from -2 to 2 has survey and customer data to pair.',
    );
  }
  // One load for every pair of every lag; the points are then split by lag.
  const series = await loadPairSeries(conn, {
    employeeMetric: input.employeeMetric,
    customerMetric: input.customerMetric,
    level: level,
    groupLevel: null,
    pairs: [...new Map(all.map((p) => [pairKey(p), p])).values()],
    minSize,
    company: false,
  });
  const lags = pairsByLag.map(({ lag, pairs }) => {
    const parts = pairs.map((p) => series.get(pairKey(p))!);
    const c = correlate(
      parts.flatMap((s) => s.xs),
      parts.flatMap((s) => s.ys),
    );
    return {
      lag,
      r: c.r,
      ciLow: c.ciLow,
      ciHigh: c.ciHigh,
      spearman: c.spearman,
      n: c.n,
      minDetectableR: c.minDetectableR,
      employeePeriods: pairs.map((p) => p.employeePeriod),
      customerPeriods: pairs.map((p) => p.customerPeriod),
      excluded: parts.reduce((sum, s) => sum + s.excluded, 0),
    };
  });
  const best = lags
    .filter((l) => l.r !== null && l.n >= 3)
    .sort((a, b) => Math.abs(b.r!) - Math.abs(a.r!))[0];
  const describe = (lag: number) =>
    lag === 0
      ? 'in the same quarter'
      : lag > 0
        ? `with customers ${plural(lag, 'quarter')} later`
        : `with customers ${plural(-lag, 'quarter')} earlier`;
  const message = best
    ? `The link is strongest ${describe(best.lag)} (r ${formatR(best.r!)}, ${formatR(best.ciLow ?? best.r!)} to ${formatR(best.ciHigh ?? best.r!)}, ${best.n} unit-quarter points). Positive lags read employee first, customer later; negative lags the reverse. Each lag pools every quarter pair, so the same unit appears once per quarter.`
    : 'Too few units with both survey and customer figures to compare lags.';
  return {
    employeeMetric: input.employeeMetric,
    customerMetric: input.customerMetric,
    level: level,
    lags,
    message,
  };
}
