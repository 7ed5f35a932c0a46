import type { DuckDBConnection } from '@duckdb/node-api';
import { UpstreamError } from '../../../../shared/result';
import { queryOne, queryRows, quoteIdent } from '../../db/query';
import type { ColumnMapping } from '../mapping/types';
import { unitNameKey } from '../unitNameKey';

/**
 * A survey's unit when the file does not give unit ids: no unit column means the whole
 * organisation (the top of the hierarchy; a one-unit organisation when the workspace has no
 * hierarchy yet), and a column of unit names ("Sales") is matched to the hierarchy's unit names,
 * ignoring case and spaces.
 */

/** The view column holding each row's unit id matched from a name. */
export const UNIT_COLUMN = '__upstream_unit';
/** Unit names (in normal form) -> the one unit id of that name, or the ids sharing it. */
export const UNIT_NAMES = '__unit_names';

/** The unit made when a survey without units comes into a workspace without a hierarchy. */
export const WHOLE_ORGANISATION = { id: 'organisation', name: 'Whole organisation' } as const;
const ALWAYS = '2000-01-01';

export interface UnitPlan {
  mapping: ColumnMapping;
  /** SQL for UNIT_COLUMN over the staged row (names matched), and the join it needs. */
  select: string | null;
  join: string | null;
  warning: string | null;
}

function importError(fileName: string, message: string): UpstreamError {
  return new UpstreamError('IMPORT_ERROR', `${fileName}: ${message}`);
}

export async function planUnit(
  conn: DuckDBConnection,
  stage: string,
  mapping: ColumnMapping,
  file: { fileName: string; sourceId: number },
): Promise<UnitPlan> {
  if (mapping.constants.unit_id !== undefined)
    return { mapping, select: null, join: null, warning: null };
  const column = mapping.columns.unit_id;
  if (column === undefined) return wholeOrganisation(conn, mapping, file);
  return unitNames(conn, stage, mapping, column);
}

/** No unit column: every response is the whole organisation's. */
async function wholeOrganisation(
  conn: DuckDBConnection,
  mapping: ColumnMapping,
  file: { fileName: string; sourceId: number },
): Promise<UnitPlan> {
  const latest = await queryOne<{ eff: string | null }>(
    conn,
    'SELECT CAST(max(effective_from) AS VARCHAR) AS eff FROM org_units',
  );
  const withUnit = (id: string, warning: string): UnitPlan => ({
    mapping: { ...mapping, constants: { ...mapping.constants, unit_id: id } },
    select: null,
    join: null,
    warning,
  });
  if (!latest?.eff) {
    await conn.run(
      `INSERT INTO org_units VALUES (DATE '${ALWAYS}', $id, $name, NULL, 'company', 'company', NULL, $source)`,
      { id: WHOLE_ORGANISATION.id, name: WHOLE_ORGANISATION.name, source: file.sourceId },
    );
    await conn.run(`INSERT INTO org_closure VALUES (DATE '${ALWAYS}', $id, $id, 0)`, {
      id: WHOLE_ORGANISATION.id,
    });
    return withUnit(
      WHOLE_ORGANISATION.id,
      `no unit column: the workspace has no hierarchy, so a one-unit organisation ("${WHOLE_ORGANISATION.id}", ${WHOLE_ORGANISATION.name}) was made and every response counts for it; import the hierarchy and then this file again to see its teams`,
    );
  }
  const roots = await queryRows<{ unit_id: string; unit_name: string }>(
    conn,
    `SELECT unit_id, unit_name FROM org_units o
     WHERE effective_from = $eff AND (nullif(trim(parent_id), '') IS NULL
       OR parent_id NOT IN (SELECT unit_id FROM org_units WHERE effective_from = $eff))
     ORDER BY unit_id`,
    { eff: latest.eff },
  );
  const root = roots[0];
  if (!root || roots.length > 1) {
    throw importError(
      file.fileName,
      `the file has no unit column and the hierarchy (effective ${latest.eff}) has ${
        roots.length === 0
          ? 'no top'
          : `${roots.length} top-level units (${roots
              .slice(0, 4)
              .map((r) => r.unit_id)
              .join(', ')})`
      }: say which unit the responses belong to (constants.unit_id) or map the unit column`,
    );
  }
  return withUnit(
    root.unit_id,
    `no unit column: every response counts for the whole organisation ("${root.unit_id}", ${root.unit_name}, the top of the hierarchy)`,
  );
}

/**
 * A unit column: ids are kept as they are; a column holding unit names rather than ids (more of
 * its values are names than ids) is matched to the units' names, ignoring case and spaces. A
 * name no unit has, or two units share, stays as written and the row is quarantined with it.
 */
async function unitNames(
  conn: DuckDBConnection,
  stage: string,
  mapping: ColumnMapping,
  column: string,
): Promise<UnitPlan> {
  const cell = `nullif(trim(${stage}.${quoteIdent(column)}), '')`;
  const counts = await queryOne<{ n: number; ids: number; names: number }>(
    conn,
    `WITH v AS (SELECT DISTINCT ${cell} AS v FROM ${stage} WHERE ${cell} IS NOT NULL LIMIT 5000)
     SELECT count(*)::INTEGER AS n,
       count(*) FILTER (WHERE v IN (SELECT unit_id FROM org_units))::INTEGER AS ids,
       count(*) FILTER (WHERE ${unitNameKey('v')} IN (SELECT ${unitNameKey('unit_name')} FROM org_units))::INTEGER AS names
     FROM v`,
  );
  if (!counts || counts.names <= counts.ids)
    return { mapping, select: null, join: null, warning: null };
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${UNIT_NAMES} AS
     SELECT ${unitNameKey('unit_name')} AS key,
       CASE WHEN count(DISTINCT unit_id) = 1 THEN any_value(unit_id) END AS unit_id,
       string_agg(DISTINCT unit_id, ', ' ORDER BY unit_id) AS ids
     FROM org_units GROUP BY 1`,
  );
  const unknown = counts.n - counts.names;
  const shared = await queryRows<{ v: string }>(
    conn,
    `SELECT DISTINCT ${cell} AS v FROM ${stage} JOIN ${UNIT_NAMES} n ON n.key = ${unitNameKey(cell)}
     WHERE n.unit_id IS NULL ORDER BY 1 LIMIT 3`,
  );
  const notes = [
    unknown > 0 ? `${unknown} name${unknown > 1 ? 's' : ''} no unit has` : '',
    shared.length > 0 ? `names several units share (${shared.map((r) => r.v).join(', ')})` : '',
  ].filter((n) => n !== '');
  return {
    mapping: { ...mapping, columns: { ...mapping.columns, unit_id: UNIT_COLUMN } },
    select: `CASE WHEN ${cell} IS NULL THEN NULL WHEN __names.unit_id IS NOT NULL THEN __names.unit_id
      WHEN __names.key IS NOT NULL THEN ${cell} || ' (a name units ' || __names.ids || ' share)'
      ELSE ${cell} END`,
    join: `LEFT JOIN ${UNIT_NAMES} __names ON __names.key = ${unitNameKey(cell)}`,
    warning: `unit: "${column}" holds unit names, matched to the hierarchy's unit names (case and spaces ignored)${notes.length > 0 ? `; rows with ${notes.join(' or ')} are quarantined` : ''}`,
  };
}
