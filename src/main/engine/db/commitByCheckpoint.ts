/**
 * DuckDB settings under which every commit to the workspace is made durable by a checkpoint and
 * never through the write-ahead log: a commit is then all or nothing even when the process is
 * killed while writing it.
 *
 * Why: an import writes its large tables' rows into the database file before it commits
 * (DuckDB's optimistic writes), and its commit logs them in the WAL as one ROW_GROUP_DATA entry
 * among the import's other entries (the sources row, the kept copy, the derived tables), closed
 * by a flush marker. When the WAL is replayed after a crash, DuckDB merges a ROW_GROUP_DATA
 * entry straight into the table's storage, outside the replay's transaction; if the WAL's tail
 * (the flush marker, the entries after it) was never written, the replay rolls back the rest but
 * those rows stay. Measured with DuckDB 1.5.6 by cutting 1-16 bytes off a committed WAL (the
 * rows stayed, the small inserts did not) and by SIGKILL of `upstream import` on a 1.5M-row file
 * just after its WAL began to grow (1.5M rows, no sources row, derived tables as before).
 *
 * With a checkpoint threshold of 0 every write transaction checkpoints at commit, and with the
 * skip-WAL threshold at 0 it skips the WAL altogether: the checkpoint writes the new state to
 * free blocks and switches to it by writing the file's header, so a crash before the header is
 * written leaves the workspace as it was, and after it, the whole import. The workspace has one
 * connection, so a commit never waits on another transaction and DuckDB never has to fall back
 * to the WAL. Each commit then costs a checkpoint (tens of milliseconds for a setting; an
 * import's rows are already in full row groups, see readers/sql.ts), and no .wal file lingers
 * beside a workspace that someone copies. tests/unit/engine/importCrash.test.ts kills imports
 * to hold this.
 */
export const COMMIT_BY_CHECKPOINT = {
  checkpoint_threshold: '0b',
  auto_checkpoint_skip_wal_threshold: '0',
} as const;
