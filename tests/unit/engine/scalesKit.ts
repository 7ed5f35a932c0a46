import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryRows } from '../../../src/main/engine/db/query';
import { Engine } from '../../../src/main/engine/engine';
import type { ImportReport, ImportRequest } from '../../../src/main/engine/import/importFile';
import { csv } from '../../fixtures/tinyCompany';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * A workspace with a company and one store (T1), for survey imports of one shape at a time:
 * write a file the way a vendor writes it, import it with the engine, read back what was kept.
 */
export interface ScalesKit {
  engine: Engine;
  dir: string;
  write(name: string, text: string | Buffer): string;
  importText(name: string, text: string | Buffer, request?: ImportRequest): Promise<ImportReport>;
  items(): Promise<
    {
      item_id: string;
      item_text: string;
      factor: string;
      scale_min: number;
      scale_max: number;
      reverse_coded: boolean;
    }[]
  >;
  /** Stored answers of one item: respondent -> [score, scored]. */
  answers(itemId: string): Promise<Map<string, [number, number]>>;
  /** Store T1's own sufficient statistics of a figure (in one period, or the only one). */
  figure(
    figure: string,
    period?: string,
  ): Promise<
    | { n: number; answered: number; favourable: number; detractors: number; total: number }
    | undefined
  >;
  quarantine(): Promise<{ row_number: number; reason: string }[]>;
  close(): void;
}

export async function openScalesKit(prefix: string): Promise<ScalesKit> {
  const temp = makeTempDir(prefix);
  const engine = await Engine.open(join(temp.path, 'ws.duckdb'), { create: true });
  const write = (name: string, text: string | Buffer) => {
    const path = join(temp.path, name);
    writeFileSync(path, text);
    return path;
  };
  const header = [
    'unit_id',
    'unit_name',
    'parent_id',
    'level',
    'unit_type',
    'leader_name',
    'effective_from',
  ];
  await engine.importFile(
    write(
      'org_units.csv',
      csv(header, [
        ['C', 'Acme', '', 'company', 'company', 'Ann Lee', '2025-01-01'],
        ['T1', 'Store A', 'C', 'team', 'store', 'Bob Ray', '2025-01-01'],
      ]),
    ),
    { kind: 'org_units' },
  );
  const conn = engine.ws.conn;
  return {
    engine,
    dir: temp.path,
    write,
    importText: (name, text, request = {}) => engine.importFile(write(name, text), request),
    items: () =>
      queryRows(
        conn,
        'SELECT item_id, item_text, factor, scale_min, scale_max, reverse_coded FROM survey_items ORDER BY item_id',
      ) as never,
    async answers(itemId) {
      const rows = await queryRows<{ respondent_id: string; score: number; scored: number }>(
        conn,
        'SELECT respondent_id, score, scored FROM survey_answers WHERE item_id = $id ORDER BY respondent_id',
        { id: itemId },
      );
      return new Map(rows.map((r) => [r.respondent_id, [Number(r.score), Number(r.scored)]]));
    },
    async figure(figure, period) {
      const rows = await queryRows<{
        n: number;
        answered: number;
        favourable: number;
        detractors: number;
        total: number;
      }>(
        conn,
        `SELECT n::INTEGER AS n, answered::DOUBLE AS answered, favourable::DOUBLE AS favourable, detractors::DOUBLE AS detractors, total
         FROM employee_figure_stats WHERE scope = 'own' AND unit_id = 'T1' AND figure = $f AND role = 'all'
           AND ($p = '' OR period = $p)`,
        { f: figure, p: period ?? '' },
      );
      return rows[0];
    },
    quarantine: () =>
      queryRows(conn, 'SELECT * FROM quarantine ORDER BY source_id, row_number') as never,
    close() {
      engine.close();
      temp.remove();
    },
  };
}
