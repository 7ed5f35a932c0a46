import { COMMENTS_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR } from '../../../shared/settings';
import { inTransaction, queryOne } from '../db/query';
import { redecideSuppression } from '../derived/refresh';
import { keptCopyLimitMbOf, minGroupSizeOf, setMeta } from '../workspace/settings';
import type { Handler } from './context';

export const settings: Handler<'settings'> = async (input, { ws }) => {
  const { conn } = ws;
  if (
    input.minGroupSize !== undefined ||
    input.purpose !== undefined ||
    input.keptCopyLimitMb !== undefined
  ) {
    await inTransaction(conn, async () => {
      if (input.purpose !== undefined) await setMeta(conn, 'purpose', input.purpose.trim());
      if (input.keptCopyLimitMb !== undefined)
        await setMeta(conn, 'kept_copy_limit_mb', String(input.keptCopyLimitMb));
      if (input.minGroupSize !== undefined && input.minGroupSize !== (await minGroupSizeOf(conn))) {
        await setMeta(conn, 'min_group_size', String(input.minGroupSize));
        await redecideSuppression(conn);
      }
      await setMeta(conn, 'updated_at', new Date().toISOString());
    });
  }
  const purpose = await queryOne<{ value: string }>(
    conn,
    "SELECT value FROM meta WHERE key = 'purpose'",
  );
  return {
    minGroupSize: await minGroupSizeOf(conn),
    minGroupSizeFloor: MIN_GROUP_SIZE_FLOOR,
    commentsMinGroupSize: COMMENTS_MIN_GROUP_SIZE,
    purpose: purpose?.value ? purpose.value : null,
    keptCopyLimitMb: await keptCopyLimitMbOf(conn),
  };
};
