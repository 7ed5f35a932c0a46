import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';

/** A fresh in-memory DuckDB for reading the generated files independently of the engine. */
export class Duck {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<Duck> {
    const instance = await DuckDBInstance.create(':memory:');
    return new Duck(instance, await instance.connect());
  }

  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const rows = (await this.connection.runAndReadAll(sql)).getRowObjectsJS();
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          typeof value === 'bigint' ? Number(value) : value,
        ]),
      ),
    );
  }

  async one(sql: string): Promise<Record<string, unknown>> {
    const [row] = await this.rows(sql);
    if (!row) throw new Error(`no row from: ${sql}`);
    return row;
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  appender(table: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Reads like the importer does: every cell as text, strict RFC 4180 quoting. */
export function readCsv(path: string | string[]): string {
  const paths = Array.isArray(path) ? `[${path.map(sqlText).join(', ')}]` : sqlText(path);
  return `read_csv(${paths}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = true, union_by_name = true)`;
}

/** Loads text rows into a new all-VARCHAR table (null = NULL). */
export async function loadRows(
  duck: Duck,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly (string | null)[]>,
): Promise<void> {
  await duck.run(
    `CREATE TABLE ${table} (${columns.map((c) => `"${c.replaceAll('"', '""')}" VARCHAR`).join(', ')})`,
  );
  const appender = await duck.appender(table);
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`${table}: row of ${row.length} values`);
    for (const value of row) {
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
}
