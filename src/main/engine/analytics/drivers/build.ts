import type { DuckDBConnection } from '@duckdb/node-api';
import {
  DRIVER_FLOOR,
  type Driver,
  type DriverImportance,
  type DriversInput,
  type DriversOutput,
} from '../../../../shared/analytics/drivers';
import { METRICS } from '../../../../shared/metrics';
import { UpstreamError } from '../../../../shared/result';
import { visibilityMaps, visibilityOf } from '../../confidentiality/visibilityMaps';
import { MIN_CUSTOMER_RESPONSES } from '../linkage/data';
import { fisherInterval } from '../linkage/stats';
import { driverCatalogue, type DriverDef } from './catalogue';
import { describeDrivers, driversFormula, suppressedReason } from './describe';
import { driverFigureVisibility, driverPerformance } from './performance';
import { splitQuadrants } from './quadrants';
import { relativeWeights } from './relativeWeights';
import { resolveDriversRequest, type DriversRequest } from './request';
import { respondentCorrelations, type RespondentCorrelations } from './respondentCorrelations';
import { driverTallies } from './tallies';
import { unitCorrelations } from './unitCorrelations';

/** Relative weights need this many observations per driver (a common rule of thumb for regression). */
export const OBSERVATIONS_PER_DRIVER = 10;

const importanceOf = (
  c: { r: number | null; n: number },
  request: DriversRequest,
): DriverImportance => {
  if (c.n < DRIVER_FLOOR) {
    return {
      r: null,
      ciLow: null,
      ciHigh: null,
      n: null,
      ...(request.analysis === 'respondents'
        ? {
            status: 'suppressed',
            reason: `Suppressed: fewer than ${DRIVER_FLOOR} people answered both this and the outcome`,
          }
        : {
            status: 'no_data',
            reason: `Fewer than ${DRIVER_FLOOR} units show both this figure and the outcome`,
          }),
    };
  }
  if (c.r === null) {
    return {
      r: null,
      ciLow: null,
      ciHigh: null,
      n: c.n,
      status: 'no_data',
      reason: 'No spread in the answers, so no correlation',
    };
  }
  const ci = fisherInterval(c.r, c.n);
  return {
    r: c.r,
    ciLow: ci?.[0] ?? null,
    ciHigh: ci?.[1] ?? null,
    n: c.n,
    status: 'ok',
    reason: null,
  };
};

/** Relative weights over the drivers that have an r, when there are enough observations for them. */
function weighDrivers(stats: RespondentCorrelations, importance: DriverImportance[]) {
  const used = importance.flatMap((imp, i) => (imp.status === 'ok' ? [i] : []));
  if (used.length < 2) {
    return { weights: null, note: 'Relative weights need at least two drivers with an r.' };
  }
  const fewest = Math.min(...used.map((i) => importance[i]!.n!));
  if (fewest < OBSERVATIONS_PER_DRIVER * used.length) {
    return {
      weights: null,
      note: `Relative weights need at least ${OBSERVATIONS_PER_DRIVER} observations per driver (${OBSERVATIONS_PER_DRIVER * used.length} for ${used.length} drivers; the fewest here is ${fewest}): correlation only.`,
    };
  }
  const rxx = used.map((i) => used.map((j) => stats.between[i]![j]));
  const weights = rxx.some((row) => row.some((r) => r === null))
    ? null
    : relativeWeights(
        rxx as number[][],
        used.map((i) => importance[i]!.r!),
      );
  if (!weights) {
    return {
      weights: null,
      note: 'Relative weights could not be computed: the drivers overlap too much for a stable split (their correlation matrix is singular).',
    };
  }
  const byDriver = new Map(used.map((i, k) => [i, weights.raw[k]!]));
  return {
    weights: { byDriver, rSquared: weights.rSquared },
    note: 'Relative weights (Johnson 2000) split the R² of all drivers together among them, allowing for how they overlap; share is each part in % of R².',
  };
}

/**
 * The `drivers` method: importance (r with the outcome) against performance (% favourable) per
 * item or value, for one scope and period. Only aggregates leave: correlations from DuckDB for
 * respondent-level outcomes, unit figures as shown elsewhere for unit-level ones.
 */
export async function runDrivers(
  conn: DuckDBConnection,
  minSize: number,
  input: DriversInput,
): Promise<DriversOutput> {
  const request = await resolveDriversRequest(conn, input);
  const { unit, period, by } = request;
  const catalogue = await driverCatalogue(conn, by, request.outcome);
  if (catalogue.drivers.length === 0) {
    throw new UpstreamError(
      'NOT_FOUND',
      by === 'value'
        ? "The item catalogue has no company values (factors 'value:<Name>'): import one that names them."
        : 'The item catalogue has no 1-5 items to analyse.',
    );
  }
  const drivers = catalogue.drivers;
  const maps = await visibilityMaps(conn, [period], minSize);
  const figureShown = await driverFigureVisibility(conn, period, maps, minSize, by);
  const units = request.analysis === 'units';

  const base = {
    outcome: request.outcome,
    by,
    analysis: request.analysis,
    unit: { id: unit.unit_id, name: unit.unit_name, level: unit.level },
    period,
    customerPeriod: units ? request.pair.customerPeriod : null,
    lag: units ? request.lag : null,
    level: units ? request.level : null,
    floor: DRIVER_FLOOR,
    minGroupSize: minSize,
    minCustomerResponses: units ? MIN_CUSTOMER_RESPONSES : null,
    excludedDrivers: catalogue.excluded,
    formula: driversFormula(request),
  };
  const withheld = (
    status: 'suppressed' | 'no_data',
    reason: string,
    excluded: DriversOutput['excludedUnits']['reasons'] = [],
  ): DriversOutput => ({
    ...base,
    status,
    reason,
    n: null,
    importanceMethod: {
      correlation: 'pearson',
      relativeWeights: false,
      rSquared: null,
      note: 'Nothing computed.',
    },
    drivers: [],
    quadrants: {
      basis: 'No quadrants.',
      importanceSplit: null,
      performanceSplit: null,
      counts: { key_strength: 0, priority: 0, secondary_strength: 0, low_priority: 0 },
    },
    excludedUnits: { total: excluded.reduce((a, e) => a + e.count, 0), reasons: excluded },
    message: reason,
  });

  let stats: RespondentCorrelations;
  let excludedUnits: DriversOutput['excludedUnits']['reasons'] = [];
  if (request.analysis === 'respondents') {
    // The scope itself must be a group the workspace shows, and so must its outcome figure.
    for (const shown of [
      visibilityOf(maps, period, unit.unit_id),
      visibilityOf(maps, period, unit.unit_id, request.outcome),
    ]) {
      if (!shown.visible) return withheld('suppressed', shown.reason);
    }
    stats = await respondentCorrelations(conn, period, unit.unit_id, request.outcome, drivers);
    if (stats.n < DRIVER_FLOOR) return withheld('suppressed', suppressedReason(request));
  } else {
    const found = await unitCorrelations(conn, {
      pair: request.pair,
      scopeId: unit.unit_id,
      level: request.level,
      outcome: request.outcome,
      drivers,
      minSize,
      visibility: figureShown,
    });
    excludedUnits = found.excluded;
    if (found.n < DRIVER_FLOOR) {
      return withheld(
        'no_data',
        `Only ${found.n} units at the ${request.level} level in ${unit.unit_name} have visible employee figures in ${period} and at least ${MIN_CUSTOMER_RESPONSES} customer responses in ${request.pair.customerPeriod}; driver analysis needs at least ${DRIVER_FLOOR}.`,
        excludedUnits,
      );
    }
    stats = found;
  }

  const tallies = (await driverTallies(conn, period, [unit.unit_id], drivers)).get(unit.unit_id);
  const importance = stats.withOutcome.map((c) => importanceOf(c, request));
  const performance = drivers.map((d, i) =>
    driverPerformance(tallies?.get(i), figureShown(d, unit.unit_id), minSize),
  );
  const weighed = weighDrivers(stats, importance);
  const split = splitQuadrants(
    drivers.map((_, i) => ({ importance: importance[i]!.r, performance: performance[i]!.value })),
  );
  const rows: Driver[] = drivers.map((d: DriverDef, i) => {
    const raw = weighed.weights?.byDriver.get(i);
    return {
      id: d.id,
      label: d.label,
      factor: d.factor,
      importance: importance[i]!,
      relativeWeight:
        raw === undefined
          ? null
          : { raw, share: Math.round((raw / weighed.weights!.rSquared) * 10000) / 100 },
      performance: performance[i]!,
      quadrant: split.quadrants[i]!,
    };
  });
  rows.sort(
    (a, b) =>
      (b.importance.r ?? -Infinity) - (a.importance.r ?? -Infinity) || a.id.localeCompare(b.id),
  );
  const output: DriversOutput = {
    ...base,
    status: 'ok',
    reason: null,
    n: stats.n,
    importanceMethod: {
      correlation: 'pearson',
      relativeWeights: weighed.weights !== null,
      rSquared: weighed.weights?.rSquared ?? null,
      note: weighed.note,
    },
    drivers: rows,
    quadrants: {
      basis: `Importance (r with ${METRICS[request.outcome].label}) and performance (% favourable) each split at their median over the drivers that show both; on the median counts as above.`,
      importanceSplit: split.importanceSplit,
      performanceSplit: split.performanceSplit,
      counts: split.counts,
    },
    excludedUnits: {
      total: excludedUnits.reduce((a, e) => a + e.count, 0),
      reasons: excludedUnits,
    },
    message: '',
  };
  return { ...output, message: describeDrivers(request, output) };
}
