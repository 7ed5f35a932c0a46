import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, queryRows } from '../db/query';
import type { MethodInput, MethodOutput } from '../../../shared/contract';
import { UpstreamError } from '../../../shared/result';
import type { SavedView } from '../../../shared/workshop';
import { changeWorkshop, newId, now } from './writable';

const COLUMNS = `view_id AS id, title, note, state, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function listViews(conn: DuckDBConnection): Promise<SavedView[]> {
  return queryRows<SavedView>(
    conn,
    `SELECT ${COLUMNS} FROM saved_views ORDER BY created_at, view_id`,
  );
}

export async function viewById(conn: DuckDBConnection, id: string): Promise<SavedView | undefined> {
  return queryOne<SavedView>(conn, `SELECT ${COLUMNS} FROM saved_views WHERE view_id = $id`, {
    id,
  });
}

export async function saveView(
  conn: DuckDBConnection,
  input: MethodInput<'viewSave'> & { note: string },
): Promise<MethodOutput<'viewSave'>> {
  const at = now();
  const id = input.id ?? newId();
  await changeWorkshop(conn, async () => {
    const existing = input.id ? await viewById(conn, input.id) : undefined;
    if (input.id && !existing) {
      throw new UpstreamError('NOT_FOUND', `No saved view '${input.id}' in this workspace.`);
    }
    if (existing) {
      await conn.run(
        'UPDATE saved_views SET title = $title, note = $note, state = $state, updated_at = $at WHERE view_id = $id',
        { id, title: input.title, note: input.note, state: input.state, at },
      );
    } else {
      await conn.run('INSERT INTO saved_views VALUES ($id, $title, $note, $state, $at, $at)', {
        id,
        title: input.title,
        note: input.note,
        state: input.state,
        at,
      });
    }
  });
  return (await viewById(conn, id))!;
}

export async function deleteView(conn: DuckDBConnection, id: string): Promise<boolean> {
  return changeWorkshop(conn, async () => {
    const found = await viewById(conn, id);
    if (found) await conn.run('DELETE FROM saved_views WHERE view_id = $id', { id });
    return found !== undefined;
  });
}
