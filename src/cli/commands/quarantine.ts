import { Engine } from '../../main/engine/engine';
import { parse, requireOption } from '../args';
import { failWith, printJson } from '../output';

/** Lists rows kept out of imports: `upstream quarantine --workspace W [--source N] [--json]`. */
export async function quarantineCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    source: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const engine = await Engine.open(
    requireOption(values.workspace, '--workspace', 'upstream quarantine --workspace w.duckdb'),
  );
  try {
    const input = {
      ...(values.source ? { sourceId: Number(values.source) } : {}),
      limit: values.limit ? Number(values.limit) : 1000,
    };
    const result = await engine.call('quarantine', input);
    if (!result.ok) failWith(result.error);
    const { total, rows } = result.value as {
      total: number;
      rows: { file: string; row: number; reason: string; values: object }[];
    };
    if (values.json) return printJson(result.value);
    for (const r of rows) process.stdout.write(`${r.file} row ${r.row}: ${r.reason}\n`);
    process.stdout.write(
      `${total} quarantined row${total === 1 ? '' : 's'}${total > rows.length ? ` (${rows.length} shown)` : ''}\n`,
    );
  } finally {
    engine.close();
  }
}
