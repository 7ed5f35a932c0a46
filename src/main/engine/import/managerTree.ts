import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnMapping } from '../../../shared/imports';
import { queryOne, queryRows } from '../db/query';
import { rawCell } from './columnChecks';

export const TREE = '__tree';

/** Deeper than any real organisation: a cycle in a malformed export stops here. */
const MAX_DEPTH = 50;

/**
 * An org hierarchy written as people and their managers (an HRIS export of employee e-mail,
 * manager e-mail, team) turned into units: one per team, under the team most of its people's
 * managers belong to (the team's leader reports there). Unit ids are made from the team names
 * ("Store 42" -> "store-42", repeats numbered), levels from the depth below the top team
 * ("level 1" at the top) unless mapped, types "team" unless mapped. The people's e-mails or ids
 * are only joined on, never kept: the table holds one row per unit, numbered by the file row of
 * its first person, so quarantine can point at the file.
 */
export async function managerTreeStage(
  conn: DuckDBConnection,
  stage: string,
  mapping: ColumnMapping,
): Promise<{ stage: string; mapping: ColumnMapping; warnings: string[] }> {
  const tree = mapping.managerTree!;
  const team = mapping.columns.unit_name!;
  const cell = (column: string | undefined) =>
    column === undefined ? 'NULL::VARCHAR' : rawCell(column);
  const person = (column: string) => `lower(${rawCell(column)})`;
  const { level, unit_type: unitType, effective_from: effective } = mapping.columns;
  await conn.run(`
    CREATE TEMP TABLE ${TREE} AS
    WITH RECURSIVE people AS (
      SELECT ${stage}.__row, ${person(tree.personColumn)} AS person, ${person(tree.managerColumn)} AS manager,
        ${cell(team)} AS team, ${cell(level)} AS level, ${cell(unitType)} AS unit_type,
        ${cell(effective)} AS effective_from
      FROM ${stage}),
    teams_of AS (SELECT person, min(team) AS team FROM people WHERE person IS NOT NULL GROUP BY person),
    links AS (
      SELECT p.team, m.team AS parent_team, count(*) AS n
      FROM people p JOIN teams_of m ON m.person = p.manager
      WHERE p.team IS NOT NULL AND m.team IS NOT NULL AND m.team <> p.team
      GROUP BY ALL),
    parents AS (
      SELECT team, first(parent_team ORDER BY n DESC, parent_team) AS parent_team, count(*) AS choices
      FROM links GROUP BY team),
    units AS (
      SELECT team, min(__row) AS __row, mode(level) AS level, mode(unit_type) AS unit_type,
        min(effective_from) AS effective_from
      FROM people WHERE team IS NOT NULL GROUP BY team),
    slugs AS (
      SELECT team, coalesce(nullif(trim(regexp_replace(lower(team), '[^a-z0-9]+', '-', 'g'), '-'), ''), 'unit') AS slug
      FROM units),
    ids AS (
      SELECT team, CASE WHEN count(*) OVER (PARTITION BY slug) > 1
        THEN slug || '-' || row_number() OVER (PARTITION BY slug ORDER BY team) ELSE slug END AS unit_id
      FROM slugs),
    placed AS (
      SELECT u.__row, i.unit_id, u.team AS unit_name, pi.unit_id AS parent_id, u.level, u.unit_type,
        u.effective_from, coalesce(p.choices, 0) AS choices
      FROM units u JOIN ids i USING (team)
      LEFT JOIN parents p USING (team) LEFT JOIN ids pi ON pi.team = p.parent_team),
    depths(unit_id, depth) AS (
      SELECT unit_id, 1 FROM placed WHERE parent_id IS NULL
      UNION ALL
      SELECT c.unit_id, d.depth + 1 FROM placed c JOIN depths d ON c.parent_id = d.unit_id
      WHERE d.depth < ${MAX_DEPTH})
    SELECT p.__row, p.unit_id, p.unit_name, p.parent_id,
      coalesce(p.level, 'level ' || (SELECT min(depth) FROM depths d WHERE d.unit_id = p.unit_id)) AS level,
      coalesce(p.unit_type, 'team') AS unit_type, p.effective_from, p.choices
    FROM placed p ORDER BY p.__row`);

  const warnings = [await summary(conn, stage, tree.personColumn, team)];
  const split = await queryRows<{ unit_name: string }>(
    conn,
    `SELECT unit_name FROM ${TREE} WHERE choices > 1 ORDER BY __row LIMIT 3`,
  );
  if (split.length > 0)
    warnings.push(
      `manager tree: the people of ${split.map((s) => `"${s.unit_name}"`).join(', ')} report into more than one team; each is placed under the team most of them report to`,
    );
  const columns: Record<string, string> = {
    unit_id: 'unit_id',
    unit_name: 'unit_name',
    parent_id: 'parent_id',
    level: 'level',
    unit_type: 'unit_type',
  };
  if (effective !== undefined) columns.effective_from = 'effective_from';
  const treeMapping: ColumnMapping = {
    ...mapping,
    columns,
    naCodes: {},
    dateFormats: effective === undefined ? {} : { ...mapping.dateFormats },
  };
  delete treeMapping.managerTree;
  return { stage: TREE, mapping: treeMapping, warnings };
}

async function summary(
  conn: DuckDBConnection,
  stage: string,
  personColumn: string,
  team: string,
): Promise<string> {
  const counts = (await queryOne<{ people: number; teamless: number; first: number | null }>(
    conn,
    `SELECT count(*) FILTER (WHERE ${rawCell(personColumn)} IS NOT NULL) AS people,
       count(*) FILTER (WHERE ${rawCell(team)} IS NULL) AS teamless,
       min(__row) FILTER (WHERE ${rawCell(team)} IS NULL) AS first
     FROM ${stage}`,
  ))!;
  const units = (await queryOne<{ n: number }>(conn, `SELECT count(*) AS n FROM ${TREE}`))!.n;
  const teamless =
    counts.teamless > 0
      ? `; ${counts.teamless} row${counts.teamless === 1 ? ' has' : 's have'} no "${team}" (the first is row ${counts.first}) and ${counts.teamless === 1 ? 'is' : 'are'} in no unit`
      : '';
  return `manager tree: ${counts.people} people in ${units} teams, each team one unit${teamless}`;
}
