import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, queryRows } from '../db/query';
import type { MethodInput } from '../../../shared/contract';
import { UpstreamError } from '../../../shared/result';
import type { Commitment } from '../../../shared/workshop';
import { requireStory } from './stories';
import { changeWorkshop, newId, now } from './writable';

const COLUMNS = `commitment_id AS id, story_id AS "storyId", slide_id AS "slideId", unit_id AS "unitId",
  action, owner, due, status, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function listCommitments(
  conn: DuckDBConnection,
  storyRef?: string,
): Promise<Commitment[]> {
  if (storyRef === undefined) {
    return queryRows<Commitment>(
      conn,
      `SELECT ${COLUMNS} FROM commitments ORDER BY created_at, commitment_id`,
    );
  }
  const story = await requireStory(conn, storyRef);
  return queryRows<Commitment>(
    conn,
    `SELECT ${COLUMNS} FROM commitments WHERE story_id = $id ORDER BY created_at, commitment_id`,
    { id: story.id },
  );
}

export async function saveCommitment(
  conn: DuckDBConnection,
  input: MethodInput<'commitmentSave'> & { status: Commitment['status'] },
): Promise<Commitment> {
  const story = input.story === undefined ? undefined : await requireStory(conn, input.story);
  if (input.slideId !== undefined) {
    if (!story) throw new UpstreamError('INVALID_ARGUMENTS', 'A slide is named with its story.');
    const slide = await queryOne(
      conn,
      'SELECT 1 AS found FROM story_slides WHERE story_id = $s AND slide_id = $sl',
      { s: story.id, sl: input.slideId },
    );
    if (!slide)
      throw new UpstreamError(
        'NOT_FOUND',
        `Story '${story.name}' has no slide '${input.slideId}'.`,
      );
  }
  if (input.unitId !== undefined) {
    const unit = await queryOne(
      conn,
      'SELECT 1 AS found FROM org_units WHERE unit_id = $u LIMIT 1',
      {
        u: input.unitId,
      },
    );
    if (!unit)
      throw new UpstreamError('NOT_FOUND', `No unit '${input.unitId}' in the organisation.`);
  }
  const at = now();
  const id = input.id ?? newId();
  await changeWorkshop(conn, async () => {
    const existing = await queryOne<{ createdAt: string }>(
      conn,
      'SELECT created_at AS "createdAt" FROM commitments WHERE commitment_id = $id',
      { id },
    );
    if (input.id && !existing) throw new UpstreamError('NOT_FOUND', `No commitment '${input.id}'.`);
    await conn.run('DELETE FROM commitments WHERE commitment_id = $id', { id });
    await conn.run(
      'INSERT INTO commitments VALUES ($id, $story, $slide, $unit, $action, $owner, $due, $status, $created, $at)',
      {
        id,
        story: story?.id ?? null,
        slide: input.slideId ?? null,
        unit: input.unitId ?? null,
        action: input.action,
        owner: input.owner,
        due: input.due ?? null,
        status: input.status,
        created: existing?.createdAt ?? at,
        at,
      },
    );
  });
  return (await queryOne<Commitment>(
    conn,
    `SELECT ${COLUMNS} FROM commitments WHERE commitment_id = $id`,
    {
      id,
    },
  ))!;
}

export async function deleteCommitment(conn: DuckDBConnection, id: string): Promise<boolean> {
  return changeWorkshop(conn, async () => {
    const found = await queryOne(
      conn,
      'SELECT 1 AS found FROM commitments WHERE commitment_id = $id',
      { id },
    );
    if (found) await conn.run('DELETE FROM commitments WHERE commitment_id = $id', { id });
    return found !== undefined;
  });
}
