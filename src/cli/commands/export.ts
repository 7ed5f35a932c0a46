import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Engine } from '../../main/engine/engine';
import { UpstreamError } from '../../shared/result';
import { parse, parseJsonArgs, requireOption } from '../args';
import { rowsOf, toCsv } from '../csv';
import { failWith, note } from '../output';

/** Writes one method's result to a file: .json as it is, .csv as its first table of records. */
export async function exportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    args: { type: 'string' },
    out: { type: 'string', short: 'o' },
  });
  const method = positionals[0];
  const example = 'upstream export overview --workspace w.duckdb --out overview.csv';
  if (!method) throw new UpstreamError('INVALID_ARGUMENTS', `Name a method. Example: ${example}`);
  const out = resolve(requireOption(values.out, '--out FILE (.csv or .json)', example));
  const format = extname(out).toLowerCase();
  if (format !== '.csv' && format !== '.json') {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--out must end in .csv or .json, not '${format || out}'`,
    );
  }
  const input = parseJsonArgs(values.args);
  const engine = await Engine.open(requireOption(values.workspace, '--workspace', example));
  try {
    const result = await engine.call(method, input);
    if (!result.ok) failWith(result.error);
    writeFileSync(
      out,
      format === '.json'
        ? `${JSON.stringify(result.value, null, 2)}\n`
        : toCsv(rowsOf(result.value)),
    );
    note(`Wrote ${out}`);
  } finally {
    engine.close();
  }
}
