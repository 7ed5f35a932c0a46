import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../../shared/contract';
import type { ImportProgressEvent } from '../../../shared/imports';
import type { FileRegistry } from '../import/fileRegistry';
import type { Workspace } from '../workspace/workspace';

export interface EngineContext {
  ws: Workspace;
  files: FileRegistry;
  /** The import in progress, for importCancel. */
  imports: { current: AbortController | null };
  emitProgress: (event: ImportProgressEvent) => void;
}

export type Handler<M extends MethodName> = (
  input: z.infer<Contract[M]['input']>,
  ctx: EngineContext,
) => Promise<MethodOutput<M>>;

export type HandlerTable = { [M in MethodName]: Handler<M> };
