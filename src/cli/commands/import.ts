import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportReport } from '../../main/engine/import/importFile';
import type { ImportProgress } from '../../main/engine/import/progress';
import { Engine } from '../../main/engine/engine';
import { CANONICAL_KINDS, type CanonicalKind } from '../../shared/imports';
import { UpstreamError } from '../../shared/result';
import { parse, requireOption } from '../args';
import { hintsFromFlags, readMappingFile } from '../importHints';
import { failWith, note, printJson } from '../output';
import { dryRun } from './importDryRun';
import { retryCommand } from '../retryCommand';

export function describeImport(report: ImportReport): string {
  if (report.status === 'unchanged')
    return `${report.file}: unchanged (this exact file was imported before)`;
  const reasons = Object.entries(report.reasons)
    .map(([reason, n]) => `${n} ${reason}`)
    .join('; ');
  const detected = [
    report.format,
    report.encoding,
    report.delimiter && `delimiter ${JSON.stringify(report.delimiter)}`,
    report.headerShape !== 'plain' && `${report.headerShape} header`,
    report.sheet && `sheet ${report.sheet}`,
  ]
    .filter(Boolean)
    .join(', ');
  const mapping = report.profile ? `profile ${report.profile}` : `${report.mappingSource} mapping`;
  return [
    `${report.file} as ${report.kind} (${detected}; ${mapping}): ${report.rowsRead} read, ${report.rowsImported} imported, ${report.rowsQuarantined} quarantined${reasons ? ` (${reasons})` : ''}`,
    ...report.warnings.map((w) => `  note: ${w}`),
  ].join('\n');
}

/**
 * On a terminal, one line rewritten in place. With --progress and no terminal (a log, a script),
 * one plain line per phase, printed as the phase starts: `FILE: PHASE [(N rows)]`.
 */
function progressLines(plain: boolean): ((p: ImportProgress) => void) | undefined {
  if (process.stderr.isTTY) return progressLine;
  if (!plain) return undefined;
  let last = '';
  return (p) => {
    const key = `${p.file}\0${p.phase}\0${p.rows ?? ''}`;
    if (key === last) return;
    last = key;
    process.stderr.write(`${p.file}: ${p.phase}${p.rows ? ` (${p.rows} rows)` : ''}\n`);
  };
}

function progressLine(p: ImportProgress): void {
  const pct = p.fraction === undefined ? '' : ` ${Math.round(p.fraction * 100)}%`;
  process.stderr.write(
    `\r\x1b[K${p.file}: ${p.phase}${pct}${p.rows ? ` (${p.rows.toLocaleString('en-GB')} rows)` : ''}`,
  );
  if (p.phase === 'done') process.stderr.write('\r\x1b[K');
}

function removeWorkspaceFiles(path: string): void {
  for (const leftover of [path, `${path}.wal`, `${path}.staging`])
    rmSync(leftover, { recursive: true, force: true });
}

/** The command's flags and their values, without the files. */
function flagsOf(argv: string[], files: string[]): string[] {
  const rest = [...files];
  return argv.filter((arg) => {
    const at = rest.indexOf(arg);
    if (at === -1 || arg.startsWith('-')) return true;
    rest.splice(at, 1);
    return false;
  });
}

export async function importCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    as: { type: 'string' },
    profile: { type: 'string' },
    'save-profile': { type: 'string' },
    sheet: { type: 'string' },
    map: { type: 'string', multiple: true },
    set: { type: 'string', multiple: true },
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    progress: { type: 'boolean' },
  });
  const kind = values.as as string | undefined;
  const hints = hintsFromFlags(values.map, values.set);
  const mapping = values.mapping === undefined ? undefined : readMappingFile(values.mapping);
  if (mapping && values.profile) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--mapping ${values.mapping} and --profile ${values.profile} contradict each other: use one.`,
    );
  }
  if (kind !== undefined && !CANONICAL_KINDS.includes(kind as CanonicalKind)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Unknown kind '${kind}'. Kinds: ${CANONICAL_KINDS.join(', ')}`,
    );
  }
  if (positionals.length === 0)
    throw new UpstreamError('INVALID_ARGUMENTS', 'Name at least one file to import.');
  const workspace = requireOption(
    values.workspace,
    '--workspace',
    'upstream import FILE... --workspace w.duckdb [--as KIND]',
  );
  // A workspace this command creates is removed again if no file gets into it.
  const isNew = !existsSync(resolve(workspace));
  const engine = await Engine.open(workspace, { create: true });
  const request = {
    kind: kind as CanonicalKind | undefined,
    mapping,
    hints,
    profile: values.profile,
    sheet: values.sheet,
  };
  if (values['dry-run']) {
    try {
      await dryRun(engine, positionals, request, values.json === true);
    } finally {
      engine.close();
      if (isNew) removeWorkspaceFiles(engine.ws.path);
    }
    return;
  }
  const abort = new AbortController();
  const onInterrupt = () => {
    note('\nCancelling: the workspace stays as it was before this file.');
    abort.abort();
  };
  process.once('SIGINT', onInterrupt);
  const onProgress = values.json ? undefined : progressLines(values.progress === true);
  const reports: ImportReport[] = [];
  try {
    for (const file of positionals) {
      const report = await engine.importFile(
        file,
        { ...request, saveProfileAs: values['save-profile'] },
        { signal: abort.signal, onProgress },
      );
      reports.push(report);
      if (!values.json) note(describeImport(report));
    }
  } catch (error) {
    process.off('SIGINT', onInterrupt);
    engine.close();
    if (isNew && reports.length === 0) removeWorkspaceFiles(engine.ws.path);
    if (error instanceof UpstreamError) {
      const file = positionals[reports.length]!;
      const hint = error.hint;
      failWith({
        code: error.code,
        message: hint
          ? `${error.message}\nTry: ${retryCommand(file, flagsOf(argv, positionals), hint)}`
          : error.message,
        ...(hint ? { hint } : {}),
      });
    }
    throw error;
  }
  process.off('SIGINT', onInterrupt);
  engine.close();
  if (values.json) {
    printJson({
      files: reports.map((r) => ({
        file: r.file,
        kind: r.kind,
        status: r.status,
        format: r.format,
        encoding: r.encoding,
        delimiter: r.delimiter,
        headerShape: r.headerShape,
        sheet: r.sheet,
        mapping: r.mappingSource,
        profile: r.profile,
        rowsRead: r.rowsRead,
        rowsImported: r.rowsImported,
        rowsQuarantined: r.rowsQuarantined,
        reasons: r.reasons,
        warnings: r.warnings,
      })),
    });
  }
}

