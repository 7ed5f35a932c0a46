import { z } from 'zod';

/**
 * Workspace settings: the minimum group size every employee figure needs (a workspace choice,
 * never below the floor), and the company's purpose statement shown beside the values. Calling
 * the method with no fields reads them; a changed minimum is applied to every period at once.
 */
export const MIN_GROUP_SIZE_FLOOR = 3;
export const COMMENTS_MIN_GROUP_SIZE = 10;

export const settingsMethod = {
  description:
    'Reads or changes the workspace settings: the minimum group size for employee figures (floor 3; every confidentiality decision is made again) and the purpose statement shown beside the values.',
  input: z
    .object({
      minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR).max(100).optional(),
      /** An empty text clears it. */
      purpose: z.string().max(600).optional(),
    })
    .strict(),
  output: z.object({
    minGroupSize: z.number().int(),
    minGroupSizeFloor: z.number().int(),
    /** Free-text comments need larger groups than scores. */
    commentsMinGroupSize: z.number().int(),
    purpose: z.string().nullable(),
  }),
};
