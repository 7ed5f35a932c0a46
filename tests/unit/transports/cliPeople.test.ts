import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/main/engine/engine';
import { upstream } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tempDir';

// `upstream import --set period=...`: the period of a people roster without dates (a malformed
// hint is refused by the engine: tests/unit/engine/importPeople.test.ts).

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('upstream-cli-people-');
});
afterEach(() => temp.remove());

const write = (name: string, text: string) => {
  const path = join(temp.path, name);
  writeFileSync(path, text);
  return path;
};

describe('upstream import --set', () => {
  it('gives a people roster its period', async () => {
    const ws = join(temp.path, 'w.duckdb');
    const org = write(
      'org.csv',
      'unit_id,unit_name,parent_id,level,unit_type,effective_from\nC,Acme,,company,company,2025-01-01\nSA,Sales,C,team,team,2025-01-01\n',
    );
    // The hierarchy in process: one command run is slow enough.
    const engine = await Engine.open(ws, { create: true });
    await engine.importFile(org);
    engine.close();
    const roster = write(
      'attrition.csv',
      'EmployeeNumber,Department,Attrition\n8800001,Sales,Yes\n8800002,Sales,No\n8800003,Sales,No\n',
    );
    const ok = upstream(['import', roster, '--workspace', ws, '--set', 'period=2025-Q3', '--json']);
    expect(ok.status).toBe(0);
    const report = (JSON.parse(ok.stdout) as { files: Record<string, unknown>[] }).files[0]!;
    expect(report).toMatchObject({ kind: 'people', rowsRead: 3, rowsImported: 3 });
    expect(report.warnings).toContain(
      '3 people into headcount and leavers for 1 unit over 2025-Q3; no personal identifier kept',
    );
  });
});
