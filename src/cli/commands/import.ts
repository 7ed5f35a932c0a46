import { CANONICAL_KINDS, type CanonicalKind } from '../../main/engine/import/canonicalFormats';
import type { ImportReport } from '../../main/engine/import/importFile';
import { Engine } from '../../main/engine/engine';
import { UpstreamError } from '../../shared/result';
import { parse, requireOption } from '../args';
import { failWith, note, printJson } from '../output';

function describe(report: ImportReport): string {
  if (report.status === 'unchanged')
    return `${report.file}: unchanged (this exact file was imported before)`;
  const reasons = Object.entries(report.reasons)
    .map(([reason, n]) => `${n} ${reason}`)
    .join('; ');
  return `${report.file} (${report.kind}): ${report.rowsRead} read, ${report.rowsImported} imported, ${report.rowsQuarantined} quarantined${reasons ? ` (${reasons})` : ''}`;
}

export async function importCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    as: { type: 'string' },
    json: { type: 'boolean' },
  });
  const kind = requireOption(
    values.as,
    '--as KIND',
    `upstream import hierarchy.csv --as org_units --workspace w.duckdb (kinds: ${CANONICAL_KINDS.join(', ')})`,
  );
  if (!CANONICAL_KINDS.includes(kind as CanonicalKind)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Unknown kind '${kind}'. Kinds: ${CANONICAL_KINDS.join(', ')}`,
    );
  }
  if (positionals.length === 0)
    throw new UpstreamError('INVALID_ARGUMENTS', 'Name at least one file to import.');
  const engine = await Engine.open(
    requireOption(
      values.workspace,
      '--workspace',
      'upstream import FILE --as KIND --workspace w.duckdb',
    ),
    { create: true },
  );
  const reports: ImportReport[] = [];
  try {
    for (const file of positionals) {
      const report = await engine.importFile(kind as CanonicalKind, file, {
        onProgress: values.json ? undefined : (phase) => note(`${file}: ${phase}`),
      });
      reports.push(report);
      if (!values.json) note(describe(report));
    }
  } catch (error) {
    if (error instanceof UpstreamError) failWith({ code: error.code, message: error.message });
    throw error;
  } finally {
    engine.close();
  }
  if (values.json) printJson({ files: reports });
}

export { describe as describeImport };
