import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryOne } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

const SSCONVERT = '/usr/bin/ssconvert';

describe('a legacy Excel 97-2003 workbook (.xls, written by gnumeric)', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace();
  });
  afterEach(() => t.cleanup());

  it('imports and is reported, and recorded, as xls', async () => {
    if (!existsSync(SSCONVERT)) {
      console.log('skipped: gnumeric ssconvert is not installed (apt-get install gnumeric)');
      return;
    }
    const source = join(t.dir, 'feedback.csv');
    writeFileSync(
      source,
      [
        'response_id,responded_at,cx_code,nps',
        'X1,2025-07-03 14:05:00,S1,9',
        'X2,2025-07-04 09:30:00,S2,4',
      ].join('\n'),
    );
    const workbook = join(t.dir, 'cx_legacy.xls');
    execFileSync(SSCONVERT, ['--export-type=Gnumeric_Excel:excel_biff8', source, workbook], {
      stdio: 'ignore',
    });
    const report = await importFile(t.ws, workbook, { kind: 'customer_feedback' });
    expect(report).toMatchObject({ format: 'xls', rowsRead: 2, rowsImported: 2 });
    expect(report.warnings).toContain(
      'read as a legacy Excel 97-2003 workbook (.xls); saving it as .xlsx is safer.',
    );
    const recorded = await queryOne<{ format: string }>(
      t.ws.conn,
      'SELECT format FROM sources WHERE file_name = $file',
      { file: 'cx_legacy.xls' },
    );
    expect(recorded).toEqual({ format: 'xls' });
  });
});
