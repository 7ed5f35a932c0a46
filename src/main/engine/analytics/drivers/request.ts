import type { DuckDBConnection } from '@duckdb/node-api';
import {
  UNIT_OUTCOMES,
  type DriverKind,
  type DriverOutcome,
  type DriversInput,
  type RespondentOutcome,
  type UnitOutcome,
} from '../../../../shared/analytics/drivers';
import { UpstreamError } from '../../../../shared/result';
import { findUnit, hierarchyFor, type UnitRow } from '../../hierarchy/units';
import {
  dataPeriods,
  defaultLevel,
  levelNames,
  shiftPeriod,
  type PeriodPair,
} from '../linkage/data';

export type DriversRequest = {
  by: DriverKind;
  period: string;
  unit: UnitRow;
} & (
  | { analysis: 'respondents'; outcome: RespondentOutcome }
  | { analysis: 'units'; outcome: UnitOutcome; level: string; lag: number; pair: PeriodPair }
);

const isUnitOutcome = (o: DriverOutcome): o is UnitOutcome =>
  (UNIT_OUTCOMES as readonly string[]).includes(o);

/**
 * The input with its defaults filled and checked against the workspace: every unknown period,
 * unit or level, and every option that does not fit the outcome, is a typed error that says what
 * would work instead.
 */
export async function resolveDriversRequest(
  conn: DuckDBConnection,
  input: DriversInput,
): Promise<DriversRequest> {
  const outcome = input.outcome ?? 'enps';
  const by = input.by ?? 'item';
  const unitLevel = isUnitOutcome(outcome);
  if (!unitLevel && (input.level !== undefined || input.lag !== undefined)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `level and lag apply to the unit-level outcomes (${UNIT_OUTCOMES.join(', ')}) only; ${outcome} is correlated across the scope's respondents.`,
    );
  }
  const periods = await dataPeriods(conn);
  if (periods.employee.length === 0) {
    throw new UpstreamError(
      'NOT_FOUND',
      'The workspace has no survey data: import a survey first.',
    );
  }
  const lag = input.lag ?? 0;
  const pairs = periods.employee
    .map((t) => ({ employeePeriod: t, customerPeriod: shiftPeriod(t, lag) }))
    .filter((p) => !unitLevel || periods.customer.includes(p.customerPeriod));
  // Unit-level outcomes default to the latest survey period whose t+lag has customer data.
  const period = input.period ?? pairs.at(-1)?.employeePeriod ?? periods.employee.at(-1)!;
  if (!periods.employee.includes(period)) {
    throw new UpstreamError(
      'NOT_FOUND',
      `No survey data for ${period}. Survey periods: ${periods.employee.join(', ')}.`,
    );
  }
  const unit = await findUnit(conn, await hierarchyFor(conn, period), input.unitId, period);
  if (!unitLevel) return { analysis: 'respondents', outcome, by, period, unit };

  const levels = await levelNames(conn);
  const level = input.level ?? (await defaultLevel(conn, levels));
  if (!levels.includes(level)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Unknown level '${level}'. Levels in this workspace: ${levels.join(', ')}.`,
    );
  }
  if (levels.indexOf(level) <= levels.indexOf(unit.level)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `The level '${level}' must be below ${unit.unit_name} (${unit.level}): units at that level are what is correlated (levels, top first: ${levels.join(', ')}).`,
    );
  }
  const pair = pairs.find((p) => p.employeePeriod === period);
  if (!pair) {
    throw new UpstreamError(
      'NOT_FOUND',
      periods.customer.length === 0
        ? 'The workspace has no customer feedback: import customer feedback and a unit mapping first.'
        : `No customer data for ${shiftPeriod(period, lag)} (${period} with a lag of ${lag}). Customer periods: ${periods.customer.join(', ')}.`,
    );
  }
  return {
    analysis: 'units',
    outcome,
    by,
    period,
    unit,
    level,
    lag,
    pair,
  };
}
