import { describe, expect, it } from 'vitest';
import { boundedMemo, invalidateCache, memo } from '../../../src/main/engine/workspace/cache';
import { memoryDb } from '../../helpers/memoryDb';

const db = memoryDb();

describe('workspace cache', () => {
  it('computes once until the data changes, then again', async () => {
    let runs = 0;
    const get = () => memo(db.conn, 'k', async () => ++runs);
    expect([await get(), await get()]).toEqual([1, 1]);
    invalidateCache(db.conn);
    expect(await get()).toBe(2);
  });

  it('forgets a failed computation instead of keeping the failure', async () => {
    let runs = 0;
    const get = () =>
      memo(db.conn, 'flaky', async () => {
        runs++;
        if (runs === 1) throw new Error('first time fails');
        return runs;
      });
    await expect(get()).rejects.toThrow('first time fails');
    await Promise.resolve();
    expect(await get()).toBe(2);
  });

  it('keeps at most the limit of a group, dropping the least recently used', async () => {
    invalidateCache(db.conn);
    const computed: string[] = [];
    const get = (key: string) =>
      boundedMemo(db.conn, 'sides', key, 2, async () => {
        computed.push(key);
        return key;
      });
    await get('a');
    await get('b');
    await get('a'); // a is now the most recently used
    await get('c'); // evicts b
    await get('a');
    await get('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });
});
