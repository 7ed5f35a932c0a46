import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db/query';
import { parseSelection, VIEWS } from '../../../shared/selection';

export interface SlideProblem {
  code: 'VIEW_MISSING' | 'VIEW_UNKNOWN' | 'UNIT_MISSING' | 'UNITS_MISSING';
  message: string;
}

/** Every unit id of every hierarchy snapshot in the workspace now. */
export async function knownUnitIds(conn: DuckDBConnection): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    conn,
    'SELECT DISTINCT unit_id AS id FROM org_units',
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Why a saved state cannot be drawn as it was saved, or null. The state is read the way the
 * dashboard reads its address, so a slide shows exactly what the view showed.
 */
export function slideProblem(state: string | null, units: Set<string>): SlideProblem | null {
  if (state === null) {
    return { code: 'VIEW_MISSING', message: 'The saved view of this slide was deleted.' };
  }
  const path = state.replace(/^#\/?/, '').split('?')[0] ?? '';
  if (!(VIEWS as readonly string[]).includes(path) || path === 'import') {
    return {
      code: 'VIEW_UNKNOWN',
      message: `This slide shows a view this version of Upstream does not have ('${path}').`,
    };
  }
  const s = parseSelection(state);
  if (s.unit !== undefined && !units.has(s.unit)) {
    return {
      code: 'UNIT_MISSING',
      message: `The unit this slide showed (${s.unit}) is not in the organisation any more: it went away in a later import. Pick another unit, or remove the slide.`,
    };
  }
  const gone = s.units?.ids.filter((id) => !units.has(id)) ?? [];
  if (gone.length > 0) {
    return {
      code: 'UNITS_MISSING',
      message: `${gone.length} of the ${s.units!.ids.length} units of "${s.units!.label}" are not in the organisation any more (${gone.slice(0, 5).join(', ')}${gone.length > 5 ? ', ...' : ''}).`,
    };
  }
  return null;
}
