import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import { queryOne } from '../../../src/main/engine/db/query';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

let t: TinyWorkspace;
beforeAll(async () => {
  t = await tinyWorkspace();
});
afterAll(() => t?.cleanup());

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input, t.ctx);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

type Tile = { metric: string; status: string; value: number | null };
const respondents = async (unitId: string) =>
  (await call<{ tiles: Tile[] }>('overview', { unitId, period: '2025-Q1' })).tiles.find(
    (x) => x.metric === 'respondents',
  )!;

describe('settings', () => {
  it('reads the defaults', async () => {
    expect(await call('settings', {})).toEqual({
      minGroupSize: 5,
      minGroupSizeFloor: 3,
      commentsMinGroupSize: 10,
      purpose: null,
      keptCopyLimitMb: 100,
    });
  });

  it('a larger minimum hides more groups everywhere at once, and a smaller one shows them again', async () => {
    // Store A has 6 respondents in 2025-Q1, Store B 5 beside it.
    expect((await respondents('T1')).status).toBe('ok');
    await call('settings', { minGroupSize: 7 });
    expect(await respondents('T1')).toMatchObject({ status: 'suppressed', value: null });
    expect(await respondents('T2')).toMatchObject({ status: 'suppressed', value: null });
    // North as a whole (11) still shows; nothing stored was decided at another minimum.
    expect((await respondents('R1')).status).toBe('ok');
    const decided = await queryOne<{ value: string }>(
      t.ws.conn,
      "SELECT value FROM meta WHERE key = 'suppression_min_group_size'",
    );
    expect(decided!.value).toBe('7');
    const heatmap = await call<{ rows: { unitId: string; status: string }[] }>('heatmap', {
      period: '2025-Q1',
      parentId: 'R1',
    });
    expect(heatmap.rows.map((r) => r.status)).toEqual(['suppressed', 'suppressed']);
    await call('settings', { minGroupSize: 5 });
    expect((await respondents('T1')).status).toBe('ok');
  });

  it('refuses a minimum below the floor with a typed error and changes nothing', async () => {
    await expect(call('settings', { minGroupSize: 2 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
      message: expect.stringMatching(/^Invalid arguments for settings: minGroupSize: /),
    });
    expect((await call<{ minGroupSize: number }>('settings', {})).minGroupSize).toBe(5);
  });

  it('keeps the purpose statement the values heatmap shows beside the values', async () => {
    const purpose = 'We make everyday shopping a little kinder.';
    expect(await call('settings', { purpose })).toMatchObject({ purpose });
    const heatmap = await call<{ purpose: string | null }>('heatmap', { period: '2025-Q1' });
    expect(heatmap.purpose).toBe(purpose);
    expect(await call('settings', { purpose: '' })).toMatchObject({ purpose: null });
  });

  it('sets which imported files are kept inside the workspace, and refuses a negative size', async () => {
    expect(await call('settings', { keptCopyLimitMb: 0 })).toMatchObject({ keptCopyLimitMb: 0 });
    const stored = await queryOne<{ value: string }>(
      t.ws.conn,
      "SELECT value FROM meta WHERE key = 'kept_copy_limit_mb'",
    );
    expect(stored!.value).toBe('0');
    await expect(call('settings', { keptCopyLimitMb: -1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
      message: expect.stringMatching(/keptCopyLimitMb/),
    });
    expect(await call('settings', { keptCopyLimitMb: 250 })).toMatchObject({
      keptCopyLimitMb: 250,
    });
  });
});
