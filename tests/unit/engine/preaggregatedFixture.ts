import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/main/engine/import/importFile';
import { openWorkspace, type Workspace } from '../../../src/main/engine/workspace/workspace';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * A hand-made company for the pre-aggregated tests: C above two regions, R1 (T1, T2, T3, and T6
 * until it closes) and R2 (T4, T5); from 2025-Q2 (snapshot 2025-04-01) T3 reports to R2 and T6
 * is gone.
 */
export const SNAPSHOTS: { effectiveFrom: string; parents: Record<string, string | null> }[] = [
  {
    effectiveFrom: '2025-01-01',
    parents: {
      C: null,
      R1: 'C',
      R2: 'C',
      T1: 'R1',
      T2: 'R1',
      T3: 'R1',
      T4: 'R2',
      T5: 'R2',
      T6: 'R1',
    },
  },
  {
    effectiveFrom: '2025-04-01',
    parents: { C: null, R1: 'C', R2: 'C', T1: 'R1', T2: 'R1', T3: 'R2', T4: 'R2', T5: 'R2' },
  },
];

const LEVEL: Record<string, string> = { C: 'company', R1: 'region', R2: 'region' };

/** The unit and every unit below it in the snapshot in force for the period. */
export function unitsUnder(unit: string, period: string): string[] {
  const snapshot = period >= '2025-Q2' ? SNAPSHOTS[1]! : SNAPSHOTS[0]!;
  const kids = (id: string) =>
    Object.entries(snapshot.parents)
      .filter(([, parent]) => parent === id)
      .map(([child]) => child);
  const all = (id: string): string[] => [id, ...kids(id).flatMap(all)];
  return all(unit);
}

export function hierarchyCsv(): string {
  const rows = SNAPSHOTS.flatMap((s) =>
    Object.entries(s.parents).map(([id, parent]) =>
      [
        id,
        `Unit ${id}`,
        parent ?? '',
        LEVEL[id] ?? 'team',
        LEVEL[id] ?? 'store',
        `Leader ${id}`,
        s.effectiveFrom,
      ].join(','),
    ),
  );
  return `unit_id,unit_name,parent_id,level,unit_type,leader_name,effective_from\n${rows.join('\n')}\n`;
}

export interface Figures {
  ws: Workspace;
  dir: string;
  write(name: string, text: string): string;
  cleanup(): void;
}

/** A new workspace holding only the hierarchy (both snapshots), imported through the real path. */
export async function hierarchyWorkspace(): Promise<Figures> {
  const temp = makeTempDir('upstream-preagg-');
  const ws = await openWorkspace(join(temp.path, 'ws.duckdb'), { create: true });
  const write = (name: string, text: string) => {
    const path = join(temp.path, name);
    writeFileSync(path, text);
    return path;
  };
  // Two snapshots in one file: each effective date is a snapshot of its own.
  await importFile(ws, write('hierarchy.csv', hierarchyCsv()), { kind: 'org_units' });
  return {
    ws,
    dir: temp.path,
    write,
    cleanup() {
      ws.close();
      temp.remove();
    },
  };
}

export const csv = (rows: (string | number)[][]): string =>
  `${rows.map((r) => r.join(',')).join('\n')}\n`;
