import {
  DuckDBInstance,
  timestampValue,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { epochMicros } from './calendar';

export interface ParquetColumn {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'TIMESTAMP' | 'BOOLEAN';
}

/** A TIMESTAMP given as a day number (since 1970-01-01) and a second of that day. */
export interface DayTime {
  day: number;
  second: number;
}

export type ParquetValue = string | number | boolean | DayTime | null;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Builds one table in a private in-memory DuckDB (rows appended as they are generated) and
 * copies it to a Parquet file. One thread and insertion order kept, so the same rows give the
 * same bytes.
 */
export class ParquetTableWriter {
  private rowCount = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appender: DuckDBAppender,
    private readonly columns: readonly ParquetColumn[],
  ) {}

  static async create(columns: readonly ParquetColumn[]): Promise<ParquetTableWriter> {
    const instance = await DuckDBInstance.create(':memory:', {
      threads: '1',
      preserve_insertion_order: 'true',
    });
    try {
      const connection = await instance.connect();
      const definition = columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
      await connection.run(`CREATE TABLE export (${definition})`);
      return new ParquetTableWriter(
        instance,
        connection,
        await connection.createAppender('export'),
        columns,
      );
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  row(values: readonly ParquetValue[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`row has ${values.length} values, table has ${this.columns.length}`);
    }
    values.forEach((value, i) => {
      const { type, name } = this.columns[i] as ParquetColumn;
      if (value === null) this.appender.appendNull();
      else if (type === 'VARCHAR' && typeof value === 'string') this.appender.appendVarchar(value);
      else if (type === 'INTEGER' && typeof value === 'number') this.appender.appendInteger(value);
      else if (type === 'BOOLEAN' && typeof value === 'boolean') this.appender.appendBoolean(value);
      else if (type === 'TIMESTAMP' && typeof value === 'object') {
        this.appender.appendTimestamp(timestampValue(epochMicros(value.day, value.second)));
      } else throw new Error(`${name} (${type}) cannot hold ${JSON.stringify(value)}`);
    });
    this.appender.endRow();
    this.rowCount++;
  }

  /** Writes the Parquet file (ZSTD) and returns the number of rows. */
  async finish(path: string): Promise<number> {
    this.appender.closeSync();
    await this.connection.run(
      `COPY export TO ${quoteText(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`,
    );
    return this.rowCount;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
