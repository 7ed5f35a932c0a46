import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../../shared/contract';
import type { Workspace } from '../workspace/workspace';

export interface EngineContext {
  ws: Workspace;
}

export type Handler<M extends MethodName> = (
  input: z.infer<Contract[M]['input']>,
  ctx: EngineContext,
) => Promise<MethodOutput<M>>;

export type HandlerTable = { [M in MethodName]: Handler<M> };
