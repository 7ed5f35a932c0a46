import { z } from 'zod';

/**
 * Workspace settings: the minimum group size every employee figure needs (a workspace choice,
 * never below the floor), the company's purpose statement shown beside the values, and which
 * imported files the workspace keeps a copy of. Calling
 * the method with no fields reads them; a changed minimum is applied to every period at once.
 */
export const MIN_GROUP_SIZE_FLOOR = 3;
export const COMMENTS_MIN_GROUP_SIZE = 10;
/**
 * Files up to this size are kept, compressed, inside the workspace, so it can be rebuilt from
 * itself. Larger ones (contact-centre logs of millions of rows) are recorded by name, hash and
 * mapping only: copying them would cost a fifth of their import and a quarter of their size in
 * the workspace every quarter.
 */
export const DEFAULT_KEPT_COPY_LIMIT_MB = 100;
export const MAX_KEPT_COPY_LIMIT_MB = 4096;

export const settingsMethod = {
  description:
    'Reads or changes the workspace settings: the minimum group size for employee figures (floor 3; every confidentiality decision is made again), the purpose statement shown beside the values, and the size up to which an imported file is kept inside the workspace (MB; 0 keeps none).',
  input: z
    .object({
      minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR).max(100).optional(),
      /** An empty text clears it. */
      purpose: z.string().max(600).optional(),
      keptCopyLimitMb: z.number().int().min(0).max(MAX_KEPT_COPY_LIMIT_MB).optional(),
    })
    .strict(),
  output: z.object({
    minGroupSize: z.number().int(),
    minGroupSizeFloor: z.number().int(),
    /** Free-text comments need larger groups than scores. */
    commentsMinGroupSize: z.number().int(),
    purpose: z.string().nullable(),
    /** Imported files up to this many MB are kept inside the workspace; 0: none. */
    keptCopyLimitMb: z.number().int(),
  }),
};
