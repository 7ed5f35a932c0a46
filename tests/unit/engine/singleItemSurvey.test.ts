import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { importFile } from '../../../src/main/engine/import/importFile';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { csv } from '../../fixtures/tinyCompany';
import { makeTempDir } from '../../helpers/tempDir';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

// A one-question pulse (a single value item, no engagement items, no eNPS): nobody has an
// outcome the driver sums are made for, so there is nothing to sum, and nothing to crash on.
it('imports a survey whose only question is one value item', async () => {
  const temp = makeTempDir('upstream-single-item-');
  const ws = await openWorkspace(join(temp.path, 'ws.duckdb'), { create: true });
  cleanup = () => {
    ws.close();
    temp.remove();
  };
  const write = (name: string, text: string) => {
    writeFileSync(join(temp.path, name), text);
    return join(temp.path, name);
  };
  await importFile(
    ws,
    write(
      'org.csv',
      csv(
        [
          'unit_id',
          'unit_name',
          'parent_id',
          'level',
          'unit_type',
          'leader_name',
          'effective_from',
        ],
        [
          ['C', 'Company', '', 'company', 'company', 'A', '2025-01-01'],
          ['T1', 'Team 1', 'C', 'team', 'store', 'B', '2025-01-01'],
        ],
      ),
    ),
    { kind: 'org_units' },
  );
  await importFile(
    ws,
    write(
      'items.csv',
      csv(
        ['item_id', 'item_text', 'factor', 'scale_min', 'scale_max', 'reverse_coded'],
        [['V1', 'People here act with integrity', 'value:Integrity', 1, 5, false]],
      ),
    ),
    { kind: 'survey_items' },
  );
  const report = await importFile(
    ws,
    write(
      'pulse.csv',
      csv(
        ['respondent_id', 'period', 'unit_id', 'submitted_at', 'V1'],
        Array.from({ length: 8 }, (_, i) => [`R${i}`, '2025-Q1', 'T1', '2025-02-10', 1 + (i % 5)]),
      ),
    ),
    { kind: 'survey_responses' },
  );
  expect([report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([8, 8, 0]);
});
