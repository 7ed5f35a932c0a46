import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportReport } from '../../../src/main/engine/import/importFile';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import type { CanonicalKind } from '../../../src/shared/imports';
import type { ImportHints } from '../../../src/shared/importHints';
import { UpstreamError } from '../../../src/shared/result';
import { REAL_EXPORTS } from '../../fixtures/realExports';
import { makeTempDir } from '../../helpers/tempDir';
import { tinyWorkspaceFile } from '../../helpers/tinyWorkspace';

/**
 * Each real-shaped export imported as an analyst would: without hints first, then with the hint a
 * refusal offers (the quarter put in by hand, as the analyst would), at most three rounds. A hint
 * the engine cannot complete itself (`--map X=COLUMN`) needs the analyst to read the file.
 */
interface Outcome {
  name: string;
  hints: string[];
  report?: ImportReport;
  stopped?: string;
}

const temp = makeTempDir();
let base = '';
beforeAll(async () => {
  base = await tinyWorkspaceFile(temp.path);
});
afterAll(() => temp.remove());

function hintsOf(flags: string[]): { kind?: CanonicalKind; hints: ImportHints } {
  const hints: Required<ImportHints> = { map: {}, set: {} };
  let kind: CanonicalKind | undefined;
  for (let i = 0; i < flags.length; i += 2) {
    const [flag, value] = [flags[i]!, flags[i + 1]!];
    if (flag === '--as') kind = value as CanonicalKind;
    else {
      const at = value.indexOf('=');
      hints[flag === '--map' ? 'map' : 'set'][value.slice(0, at)] = value.slice(at + 1);
    }
  }
  return { kind, hints };
}

async function importAsAnAnalyst(name: string, text: string, n: number): Promise<Outcome> {
  const path = join(temp.path, name);
  writeFileSync(path, text);
  const copy = join(temp.path, `ws-${n}.duckdb`);
  copyFileSync(base, copy);
  const ws = await openWorkspace(copy);
  const given: string[] = [];
  try {
    for (let round = 0; round < 4; round++) {
      try {
        const { kind, hints } = hintsOf(given);
        return { name, hints: given, report: await importFile(ws, path, { kind, hints }) };
      } catch (error) {
        if (!(error instanceof UpstreamError) || !error.hint)
          return { name, hints: given, stopped: (error as Error).message };
        const open = error.hint.find((h) => h.endsWith('=COLUMN'));
        if (open) return { name, hints: given, stopped: `needs ${open}` };
        let wave = 0;
        const added = error.hint.map((h) =>
          h.startsWith('period=')
            ? 'period=2025-Q2'
            : h.startsWith('wave:')
              ? `${h.slice(0, h.indexOf('='))}=2025-Q${++wave}`
              : h,
        );
        for (let i = 0; i < added.length; i += 2) {
          const at = given.indexOf(added[i]!);
          // A hint's --as replaces the one given before.
          if (added[i] === '--as' && at !== -1) given.splice(at, 2);
          given.push(added[i]!, added[i + 1]!);
        }
      }
    }
    return { name, hints: given, stopped: 'still refused after three rounds of hints' };
  } finally {
    ws.close();
  }
}

describe('real exports imported as an analyst would', () => {
  it('each import with no hint or the ones its refusal offers, three at most, and every count reconciles', async () => {
    const outcomes: Outcome[] = [];
    for (const [n, file] of REAL_EXPORTS.entries())
      outcomes.push(await importAsAnAnalyst(file.name, file.text, n));
    const lines = outcomes.map((o) => {
      const count = o.hints.filter((h) => h.startsWith('--')).length;
      const what = o.report
        ? `${o.report.kind}: ${o.report.rowsRead} read, ${o.report.rowsImported} imported, ${o.report.rowsQuarantined} quarantined`
        : `not imported: ${o.stopped}`;
      return `  ${o.name} (${count} hint${count === 1 ? '' : 's'}${count ? `: ${o.hints.join(' ')}` : ''}) ${what}`;
    });
    console.info(`real exports as an analyst imports them:\n${lines.join('\n')}`);
    for (const o of outcomes) {
      if (!o.report) continue;
      expect(o.report.rowsRead, o.name).toBe(o.report.rowsImported + o.report.rowsQuarantined);
      expect(o.report.rowsImported, o.name).toBeGreaterThan(0);
    }
    const imported = outcomes.filter(
      (o) => o.report && o.hints.filter((h) => h.startsWith('--')).length <= 3,
    );
    expect(imported.length).toBeGreaterThanOrEqual(MIN_IMPORTED);
  });
});

/** Every one of them imports with three hints at most (a file of more waves needs one per wave). */
const MIN_IMPORTED = REAL_EXPORTS.length;
