import { open } from 'node:fs/promises';
import { uniqueColumns } from './columnNames';
import { linkOrCopy, stagedPath, type ReaderContext, type ReaderResult } from './context';
import { importError } from './errors';
import { rows, withScratchDb } from './scratchDb';
import { sqlIdent, sqlString } from './sql';

/** The text DuckDB gives a Parquet column: ISO dates/timestamps (UTC for time-zoned ones), JSON for nested values. */
function asText(position: number, type: string): string {
  const ref = `#${position}`;
  if (type === 'TIMESTAMP WITH TIME ZONE') return `CAST(timezone('UTC', ${ref}) AS VARCHAR)`;
  if (/^(STRUCT|MAP|UNION)\b/.test(type) || /\]$/.test(type))
    return `CAST(to_json(${ref}) AS VARCHAR)`;
  return `CAST(${ref} AS VARCHAR)`;
}

async function tail(path: string, size: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    await handle.read(buf, 0, 4, Math.max(0, size - 4));
    return buf.toString('latin1');
  } finally {
    await handle.close();
  }
}

export async function stageParquet(ctx: ReaderContext): Promise<ReaderResult> {
  const { fileName } = ctx;
  const end = ctx.size >= 12 ? await tail(ctx.filePath, ctx.size) : '';
  if (end === 'PARE')
    throw importError(
      fileName,
      'is an encrypted Parquet file: export it again without encryption.',
    );
  if (end !== 'PAR1')
    throw importError(
      fileName,
      'is cut short: a Parquet file ends with "PAR1" and this one does not. Copy or export it again.',
    );
  const path = stagedPath(ctx, '.parquet');
  await linkOrCopy(ctx, ctx.filePath, path);
  const source = `read_parquet(${sqlString(path)})`;
  const described = await withScratchDb(ctx.stagingDir, async (conn) => {
    try {
      return await rows<{ column_name: string; column_type: string }>(
        conn,
        `DESCRIBE SELECT * FROM ${source}`,
      );
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw importError(fileName, `cannot be read as Parquet (${message}). Export it again.`);
    }
  });
  if (described.length === 0) throw importError(fileName, 'has no columns.');
  const named = uniqueColumns(described.map((c) => c.column_name));
  const select = described
    .map((c, i) => `${asText(i + 1, c.column_type)} AS ${sqlIdent(named.columns[i]!.name)}`)
    .join(', ');
  return {
    format: 'parquet',
    headerShape: 'plain',
    columns: named.columns,
    relationSql: `(SELECT ${select} FROM ${source})`,
    firstDataRow: 1,
    warnings: named.warnings,
  };
}
