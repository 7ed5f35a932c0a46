import { uniqueColumns } from './columnNames';
import { linkOrCopy, stagedPath, type ReaderContext, type ReaderResult } from './context';
import { decodeSample, guessEncoding } from './encoding';
import { importError } from './errors';
import { explainReadError } from './readErrors';
import { rows, withScratchDb } from './scratchDb';
import { sqlIdent, sqlString } from './sql';
import { rewriteText } from './textStaging';

/** A JSON Pointer to a top-level key ("~" and "/" escaped), which DuckDB's json functions take. */
export function jsonPointer(key: string): string {
  return `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/**
 * JSON lines (one object per line), a JSON array of objects, or objects one after another.
 * Keys of every record are collected in order of first appearance; each becomes a VARCHAR
 * column (strings unquoted, numbers and booleans as written, nested values as JSON text).
 */
export async function stageJson(ctx: ReaderContext, head: Buffer): Promise<ReaderResult> {
  const { fileName } = ctx;
  const guess = guessEncoding(head, head.length >= ctx.size);
  if (guess.kind !== 'text') throw importError(fileName, `is not readable JSON: ${guess.reason}.`);
  const text = decodeSample(
    head,
    guess.encoding,
    guess.bomLength,
    head.length >= ctx.size,
  ).trimStart();
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let format: 'array' | 'newline_delimited' | 'unstructured' = 'newline_delimited';
  if (text.startsWith('[')) format = 'array';
  else {
    try {
      JSON.parse(firstLine);
    } catch {
      format = 'unstructured';
    }
  }

  const path = stagedPath(ctx, '.json');
  const progress = {
    fileName,
    total: ctx.size,
    ...(ctx.options.onProgress ? { onProgress: ctx.options.onProgress } : {}),
    ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
  };
  if (guess.encoding === 'utf-8' && !guess.mixed) await linkOrCopy(ctx, ctx.filePath, path);
  else
    await rewriteText(
      ctx.filePath,
      path,
      { encoding: guess.encoding, skipBytes: guess.bomLength },
      progress,
    );

  const source = `read_json_objects(${sqlString(path)}, format = ${sqlString(format)})`;
  const keys = await withScratchDb(ctx.stagingDir, async (conn) => {
    try {
      const [check] = await rows<{ n: bigint; bad: bigint | null }>(
        conn,
        `SELECT count(*) AS n, min(i) FILTER (WHERE json_type(json) <> 'OBJECT') AS bad
         FROM (SELECT row_number() OVER () AS i, json FROM ${source})`,
      );
      if (check?.bad !== null && check?.bad !== undefined)
        throw importError(
          fileName,
          `record ${Number(check.bad)} is not a JSON object ({"name": value, ...}). Upstream reads one object per line, or an array of objects.`,
        );
      return await rows<{ k: string }>(
        conn,
        `SELECT k FROM (
           SELECT i, unnest(json_keys(json)) AS k, generate_subscripts(json_keys(json), 1) AS j
           FROM (SELECT row_number() OVER () AS i, json FROM ${source})
         ) GROUP BY k ORDER BY min(i), arg_min(j, i)`,
      );
    } catch (error) {
      throw explainReadError(fileName, error);
    }
  });
  if (keys.length === 0)
    throw importError(fileName, 'has no fields: its records are all empty ({}) or it has none.');
  const named = uniqueColumns(keys.map((k) => k.k));
  const select = keys
    .map(
      (k, i) =>
        `json_extract_string(json, ${sqlString(jsonPointer(k.k))}) AS ${sqlIdent(named.columns[i]!.name)}`,
    )
    .join(', ');
  return {
    format: 'jsonl',
    ...(guess.encoding !== 'utf-8' ? { encoding: guess.encoding } : { encoding: 'utf-8' as const }),
    headerShape: 'plain',
    columns: named.columns,
    relationSql: `(SELECT ${select} FROM ${source})`,
    firstDataRow: 1,
    warnings: named.warnings,
  };
}
