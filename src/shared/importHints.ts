import { z } from 'zod';

const name = z.string().min(1).max(200);
const text = z.string().max(10_000);

/**
 * What an analyst says about a file when its columns do not say it themselves: which of the
 * file's columns holds a canonical column (`map`), or one value for every row (`set`). The
 * command line's `--map` and `--set`; applied over whatever mapping the import would use.
 */
export const importHintsSchema = z
  .object({
    map: z.record(name, text).optional(),
    set: z.record(name, text).optional(),
  })
  .strict();
export type ImportHints = z.infer<typeof importHintsSchema>;
