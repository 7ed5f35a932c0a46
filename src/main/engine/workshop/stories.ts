import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne, queryRows } from '../db/query';
import type { MethodInput, MethodOutput } from '../../../shared/contract';
import { UpstreamError } from '../../../shared/result';
import { maskingSchema, predictSchema, type Story } from '../../../shared/workshop';
import { knownUnitIds, slideProblem } from './slideCheck';
import { changeWorkshop, newId, now } from './writable';

type StoryRow = {
  id: string;
  name: string;
  title: string;
  maskingJson: string;
  createdAt: string;
  updatedAt: string;
};

const STORY_COLUMNS = `story_id AS id, name, title, masking_json AS "maskingJson",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** A story by its name (as people call it) or its id (as the app keeps it). */
export async function storyRow(conn: DuckDBConnection, ref: string): Promise<StoryRow | undefined> {
  return queryOne<StoryRow>(
    conn,
    `SELECT ${STORY_COLUMNS} FROM stories WHERE name = $ref
     UNION ALL SELECT ${STORY_COLUMNS} FROM stories WHERE story_id = $ref AND name <> $ref LIMIT 1`,
    { ref },
  );
}

export async function requireStory(conn: DuckDBConnection, ref: string): Promise<StoryRow> {
  const row = await storyRow(conn, ref);
  if (row) return row;
  const names = (
    await queryRows<{ name: string }>(conn, 'SELECT name FROM stories ORDER BY name')
  ).map((r) => r.name);
  throw new UpstreamError(
    'NOT_FOUND',
    `No story '${ref}' in this workspace. ${names.length ? `Stories: ${names.join(', ')}.` : 'It has no stories yet.'}`,
  );
}

export async function listStories(conn: DuckDBConnection): Promise<MethodOutput<'stories'>> {
  const stories = await queryRows<MethodOutput<'stories'>['stories'][number]>(
    conn,
    `SELECT s.story_id AS id, s.name, s.title, count(sl.slide_id)::INTEGER AS slides, s.updated_at AS "updatedAt"
     FROM stories s LEFT JOIN story_slides sl USING (story_id)
     GROUP BY ALL ORDER BY s.name`,
  );
  return { stories };
}

export async function readStory(conn: DuckDBConnection, ref: string): Promise<Story> {
  const row = await requireStory(conn, ref);
  const slides = await queryRows<{
    id: string;
    viewId: string;
    speakerNote: string;
    predictJson: string | null;
    title: string | null;
    note: string | null;
    state: string | null;
  }>(
    conn,
    `SELECT sl.slide_id AS id, sl.view_id AS "viewId", sl.speaker_note AS "speakerNote",
       sl.predict_json AS "predictJson", v.title, v.note, v.state
     FROM story_slides sl LEFT JOIN saved_views v USING (view_id)
     WHERE sl.story_id = $id ORDER BY sl.position`,
    { id: row.id },
  );
  const guesses = await queryRows<Story['guesses'][number]>(
    conn,
    `SELECT slide_id AS "slideId", person, guess, created_at AS "createdAt"
     FROM story_guesses WHERE story_id = $id ORDER BY created_at, person`,
    { id: row.id },
  );
  const units = await knownUnitIds(conn);
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    masking: maskingSchema.parse(JSON.parse(row.maskingJson)),
    slides: slides.map((s) => ({
      id: s.id,
      viewId: s.viewId,
      title: s.title ?? '(deleted view)',
      note: s.note ?? '',
      state: s.state ?? '',
      speakerNote: s.speakerNote,
      predict: s.predictJson ? predictSchema.parse(JSON.parse(s.predictJson)) : null,
      problem: slideProblem(s.state, units),
    })),
    guesses,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

type SaveInput = MethodInput<'storySave'> & {
  masking: Story['masking'];
  slides: {
    id?: string;
    viewId: string;
    speakerNote: string;
    predict: Story['slides'][number]['predict'];
  }[];
};

export async function saveStory(conn: DuckDBConnection, input: SaveInput): Promise<Story> {
  const at = now();
  const id = await changeWorkshop(conn, async () => {
    const byName = await queryOne<{ id: string }>(
      conn,
      'SELECT story_id AS id FROM stories WHERE name = $name',
      { name: input.name },
    );
    if (input.id) {
      const existing = await queryOne<{ id: string }>(
        conn,
        'SELECT story_id AS id FROM stories WHERE story_id = $id',
        { id: input.id },
      );
      if (!existing) throw new UpstreamError('NOT_FOUND', `No story with id '${input.id}'.`);
      if (byName && byName.id !== input.id) {
        throw new UpstreamError(
          'INVALID_ARGUMENTS',
          `Another story is already called '${input.name}'.`,
        );
      }
    }
    const storyId = input.id ?? byName?.id ?? newId();
    const views = new Set(
      (await queryRows<{ id: string }>(conn, 'SELECT view_id AS id FROM saved_views')).map(
        (r) => r.id,
      ),
    );
    const missing = input.slides.filter((s) => !views.has(s.viewId)).map((s) => s.viewId);
    if (missing.length > 0) {
      throw new UpstreamError(
        'NOT_FOUND',
        `Slides name saved views this workspace does not have: ${[...new Set(missing)].join(', ')}.`,
      );
    }
    const ids = input.slides.map((s) => s.id ?? newId());
    if (new Set(ids).size !== ids.length) {
      throw new UpstreamError('INVALID_ARGUMENTS', 'Two slides of the story have the same id.');
    }
    const created = await queryOne<{ at: string }>(
      conn,
      'SELECT created_at AS at FROM stories WHERE story_id = $id',
      { id: storyId },
    );
    await conn.run('DELETE FROM stories WHERE story_id = $id', { id: storyId });
    await conn.run('INSERT INTO stories VALUES ($id, $name, $title, $masking, $created, $at)', {
      id: storyId,
      name: input.name,
      title: input.title,
      masking: JSON.stringify(input.masking),
      created: created?.at ?? at,
      at,
    });
    await conn.run('DELETE FROM story_slides WHERE story_id = $id', { id: storyId });
    for (const [position, slide] of input.slides.entries()) {
      await conn.run(
        'INSERT INTO story_slides VALUES ($story, $position, $slide, $view, $note, $predict)',
        {
          story: storyId,
          position,
          slide: ids[position]!,
          view: slide.viewId,
          note: slide.speakerNote ?? '',
          predict: slide.predict ? JSON.stringify(slide.predict) : null,
        },
      );
    }
    // Guesses belong to slides: those of slides no longer in the story go with them.
    const kept = ids.length ? ids.map((_, i) => `$k${i}`).join(', ') : "''";
    await conn.run(
      `DELETE FROM story_guesses WHERE story_id = $story AND slide_id NOT IN (${kept})`,
      Object.fromEntries([['story', storyId], ...ids.map((k, i) => [`k${i}`, k])]),
    );
    return storyId;
  });
  return readStory(conn, id);
}

export async function deleteStory(conn: DuckDBConnection, ref: string): Promise<boolean> {
  return changeWorkshop(conn, async () => {
    const row = await storyRow(conn, ref);
    if (!row) return false;
    for (const table of ['stories', 'story_slides', 'story_guesses']) {
      await conn.run(`DELETE FROM ${table} WHERE story_id = $id`, { id: row.id });
    }
    await conn.run('UPDATE commitments SET story_id = NULL, slide_id = NULL WHERE story_id = $id', {
      id: row.id,
    });
    return true;
  });
}

export async function addGuess(
  conn: DuckDBConnection,
  input: MethodInput<'guessAdd'>,
): Promise<MethodOutput<'guessAdd'>> {
  const story = await requireStory(conn, input.story);
  const slide = await queryOne(
    conn,
    'SELECT 1 AS found FROM story_slides WHERE story_id = $story AND slide_id = $slide',
    { story: story.id, slide: input.slideId },
  );
  if (!slide) {
    throw new UpstreamError('NOT_FOUND', `Story '${story.name}' has no slide '${input.slideId}'.`);
  }
  const guess = {
    slideId: input.slideId,
    person: input.person,
    guess: input.guess,
    createdAt: now(),
  };
  await changeWorkshop(conn, async () => {
    // One guess per person per slide: a second one replaces the first.
    await conn.run(
      'DELETE FROM story_guesses WHERE story_id = $s AND slide_id = $sl AND person = $p',
      {
        s: story.id,
        sl: guess.slideId,
        p: guess.person,
      },
    );
    await conn.run('INSERT INTO story_guesses VALUES ($s, $sl, $p, $g, $at)', {
      s: story.id,
      sl: guess.slideId,
      p: guess.person,
      g: guess.guess,
      at: guess.createdAt,
    });
  });
  return guess;
}

export async function clearGuesses(
  conn: DuckDBConnection,
  input: MethodInput<'guessClear'>,
): Promise<number> {
  const story = await requireStory(conn, input.story);
  return changeWorkshop(conn, async () => {
    const where = input.slideId ? 'story_id = $s AND slide_id = $sl' : 'story_id = $s';
    const params: Record<string, string> = input.slideId
      ? { s: story.id, sl: input.slideId }
      : { s: story.id };
    const n = await queryOne<{ n: number }>(
      conn,
      `SELECT count(*)::INTEGER AS n FROM story_guesses WHERE ${where}`,
      params,
    );
    await conn.run(`DELETE FROM story_guesses WHERE ${where}`, params);
    return n?.n ?? 0;
  });
}
