import type { DuckDBConnection } from '@duckdb/node-api';
import {
  DRIVER_FLOOR,
  type Driver,
  type DriversInput,
  type DriversOutput,
} from '../../../../shared/analytics/drivers';
import { METRICS } from '../../../../shared/metrics';
import { UpstreamError } from '../../../../shared/result';
import { visibilityMaps, visibilityOf } from '../../confidentiality/visibilityMaps';
import { MIN_CUSTOMER_RESPONSES } from '../linkage/data';
import { driverCatalogue, type DriverDef } from './catalogue';
import {
  describeDrivers,
  driversFormula,
  noAnswersReason,
  suppressedReason,
  tooFewUnitsReason,
} from './describe';
import { driverFigureVisibility, driverPerformance } from './performance';
import { splitQuadrants } from './quadrants';
import { importanceOf, weighDrivers } from './importance';
import { resolveDriversRequest } from './request';
import {
  respondentCorrelations,
  storedRespondentCorrelations,
  type RespondentCorrelations,
} from './respondentCorrelations';
import { driverTallies, type DriverTally } from './tallies';
import { unitCorrelations } from './unitCorrelations';

const summarise = (reasons: DriversOutput['excludedUnits']['reasons']) => ({
  total: reasons.reduce((a, e) => a + e.count, 0),
  reasons,
});

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
  const units = request.analysis === 'units';
  const figureShown = await driverFigureVisibility(
    conn,
    period,
    minSize,
    by,
    units ? undefined : [unit.unit_id],
  );

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
    excludedUnits: summarise(excluded),
    message: reason,
  });

  let stats: Omit<RespondentCorrelations, 'between'>;
  let between: () => Promise<RespondentCorrelations['between']>;
  let tallies: Map<number, DriverTally> | undefined;
  let excludedUnits: DriversOutput['excludedUnits']['reasons'] = [];
  if (request.analysis === 'respondents') {
    // The scope itself must be a group the workspace shows, and so must its outcome figure.
    const maps = await visibilityMaps(conn, [period], minSize, { units: [unit.unit_id] });
    for (const shown of [
      visibilityOf(maps, period, unit.unit_id),
      visibilityOf(maps, period, unit.unit_id, request.outcome),
    ]) {
      if (!shown.visible) return withheld('suppressed', shown.reason);
    }
    const stored = await storedRespondentCorrelations(
      conn,
      period,
      unit.unit_id,
      request.outcome,
      drivers,
      by,
    );
    if (stored.n === 0) return withheld('no_data', noAnswersReason(request));
    if (stored.n < DRIVER_FLOOR) return withheld('suppressed', suppressedReason(request));
    stats = stored;
    const outcome = request.outcome;
    between = async () =>
      stored.between ??
      (await respondentCorrelations(conn, period, unit.unit_id, outcome, drivers)).between;
    tallies = await driverTallies(conn, period, unit.unit_id, drivers, by);
  } else {
    const found = await unitCorrelations(conn, {
      pair: request.pair,
      scopeId: unit.unit_id,
      level: request.level,
      outcome: request.outcome,
      by,
      drivers,
      minSize,
      visibility: figureShown,
    });
    excludedUnits = found.excluded;
    if (found.n < DRIVER_FLOOR) {
      return withheld('no_data', tooFewUnitsReason(request, found.n), excludedUnits);
    }
    stats = found;
    between = () => Promise.resolve(found.between);
    tallies = found.scopeTallies;
  }

  const importance = stats.withOutcome.map((c) => importanceOf(c, request.analysis));
  const performance = drivers.map((d, i) =>
    driverPerformance(tallies?.get(i), figureShown(d, unit.unit_id), minSize),
  );
  const weighed = await weighDrivers(importance, between);
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
    excludedUnits: summarise(excludedUnits),
    message: '',
  };
  return { ...output, message: describeDrivers(request, output) };
}
