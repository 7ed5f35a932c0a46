import { resolve } from 'node:path';
import type { Engine } from '../../main/engine/engine';
import type { MethodOutput } from '../../shared/contract';
import type { CanonicalKind, ColumnMapping } from '../../shared/imports';
import type { ImportHints } from '../../shared/importHints';
import { UpstreamError } from '../../shared/result';
import { note, printJson } from '../output';

type ImportPreviewOutput = MethodOutput<'importPreview'>;

interface DryRunRequest {
  kind?: CanonicalKind;
  mapping?: ColumnMapping;
  hints?: ImportHints;
  profile?: string;
  sheet?: string;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd())
    .join('\n');
}

/**
 * What importing each file would do, without importing: the preview the Import screen shows.
 * With --json, one document per file whose `mapping` is what --mapping takes back; the columns'
 * roles, confidences and reasons beside it are explanations, ignored when it is passed back.
 */
export async function dryRun(
  engine: Engine,
  files: string[],
  request: DryRunRequest,
  json: boolean,
): Promise<void> {
  const documents = [];
  for (const file of files) {
    const token = engine.files.register(resolve(file));
    const result = await engine.call('importPreview', { file: token, ...request });
    engine.files.release(token);
    if (!result.ok) throw new UpstreamError(result.error.code, result.error.message);
    const preview = result.value as ImportPreviewOutput;
    const document = {
      file: preview.fileName,
      kind: preview.kind,
      kindConfidence: preview.kindConfidence,
      alternatives: preview.alternatives,
      mappingSource: preview.mappingSource,
      profile: preview.profile,
      format: preview.format,
      sheet: preview.sheet,
      rows: preview.rows,
      columns: preview.columns.map((c) => ({
        name: c.name,
        role: c.role,
        confidence: c.confidence,
        why: c.why,
      })),
      problems: preview.problems,
      warnings: preview.warnings,
      mapping: preview.mapping,
    };
    documents.push(document);
    if (json) continue;
    const source = preview.profile
      ? `profile ${preview.profile}`
      : `${preview.mappingSource} mapping`;
    note(
      `${preview.fileName}: ${preview.kind} (${Math.round(preview.kindConfidence * 100)}% sure; ${source}), ${preview.rows} rows. Nothing imported.`,
    );
    note(
      table([
        ['column', 'role', 'confidence', 'why'],
        ...preview.columns.map((c) => [
          c.name,
          c.role ?? '(not used)',
          `${Math.round(c.confidence * 100)}%`,
          c.why,
        ]),
      ]),
    );
    for (const line of [...preview.problems, ...preview.warnings]) note(`  note: ${line}`);
  }
  if (json) printJson(documents.length === 1 ? documents[0] : documents);
}
