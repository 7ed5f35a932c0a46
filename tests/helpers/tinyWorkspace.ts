import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineContext } from '../../src/main/engine/handlers/context';
import { FileRegistry } from '../../src/main/engine/import/fileRegistry';
import { importFile } from '../../src/main/engine/import/importFile';
import { openWorkspace, type Workspace } from '../../src/main/engine/workspace/workspace';
import { writeTinyCompany, type TinyFile } from '../fixtures/tinyCompany';
import { makeTempDir } from './tempDir';

export interface TinyWorkspace {
  ws: Workspace;
  /** What dispatch needs: the workspace, a file registry, no import running, progress dropped. */
  ctx: EngineContext;
  dir: string;
  files: TinyFile[];
  cleanup(): void;
}

/** A new workspace in a new folder, loaded with the tiny company through the real import path. */
export async function tinyWorkspace(options: { load?: boolean } = {}): Promise<TinyWorkspace> {
  const temp = makeTempDir();
  const files = writeTinyCompany(join(temp.path, 'exports'));
  const ws = await openWorkspace(join(temp.path, 'ws.duckdb'), { create: true });
  if (options.load !== false) {
    for (const file of files) await importFile(ws, file.path, { kind: file.kind });
  }
  return {
    ws,
    ctx: {
      ws,
      files: new FileRegistry(),
      imports: { current: null },
      emitProgress: () => undefined,
    },
    dir: temp.path,
    files,
    cleanup() {
      ws.close();
      temp.remove();
    },
  };
}

/**
 * The loaded tiny company as a closed workspace file in `dir`, for tests that copy it per case
 * (a file copy is far cheaper than importing the company again).
 */
export async function tinyWorkspaceFile(dir: string): Promise<string> {
  const tiny = await tinyWorkspace();
  await tiny.ws.conn.run('CHECKPOINT');
  const path = join(dir, 'tiny-company.duckdb');
  copyFileSync(tiny.ws.path, path);
  tiny.cleanup();
  return path;
}
