import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import { answerCache } from '../../../src/renderer/src/api/answerCache';
import type { Transport } from '../../../src/renderer/src/api/transport';
import type { MethodName } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/result';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

let tiny: TinyWorkspace;
const asked: MethodName[] = [];
const engine: Transport = async (method, input) => {
  asked.push(method);
  return (await dispatch(method, input, tiny.ctx)) as Result<never>;
};
const countOf = (method: MethodName) => asked.filter((m) => m === method).length;

beforeAll(async () => {
  tiny = await tinyWorkspace();
});
afterAll(() => tiny.cleanup());

describe('answers kept between views', () => {
  it('asks the engine once for a question asked again, and can show it synchronously', async () => {
    const kept = answerCache(engine);
    const before = countOf('overview');
    const first = await kept.transport('overview', {});
    const second = await kept.transport('overview', {});
    expect(first.ok && second.ok).toBe(true);
    expect(second).toEqual(first);
    expect(countOf('overview') - before).toBe(1);
    expect(kept.peek('overview', JSON.stringify({}))).toEqual(first.ok && first.value);
    expect(kept.peek('overview', JSON.stringify({ period: 'other' }))).toBeUndefined();
  });

  it('asks once for the same question asked twice while the first is on its way', async () => {
    const kept = answerCache(engine);
    const before = countOf('hierarchy');
    const [a, b] = await Promise.all([
      kept.transport('hierarchy', {}),
      kept.transport('hierarchy', {}),
    ]);
    expect(a).toEqual(b);
    expect(countOf('hierarchy') - before).toBe(1);
  });

  it('does not keep failures', async () => {
    const kept = answerCache(engine);
    const before = countOf('overview');
    const first = await kept.transport('overview', { unitId: 'no-such-unit' });
    const second = await kept.transport('overview', { unitId: 'no-such-unit' });
    expect(first.ok).toBe(false);
    expect(!second.ok && second.error.code).toBe(!first.ok && first.error.code);
    expect(countOf('overview') - before).toBe(2);
  });

  it('forgets everything when the settings change, and keeps answers when they are only read', async () => {
    const kept = answerCache(engine);
    const read = await kept.transport('settings', {});
    if (!read.ok) throw new Error(read.error.message);
    const before = await kept.transport('overview', {});
    if (!before.ok) throw new Error(before.error.message);
    expect(kept.peek('overview', '{}')).toBeDefined();
    await kept.transport('settings', {});
    expect(kept.peek('overview', '{}')).toBeDefined();

    const raised = await kept.transport('settings', { minGroupSize: 100 });
    expect(raised.ok).toBe(true);
    expect(kept.peek('overview', '{}')).toBeUndefined();
    const after = await kept.transport('overview', {});
    if (!after.ok) throw new Error(after.error.message);
    // The raised minimum hides figures the first answer showed: the new answer says so.
    expect(after.value).not.toEqual(before.value);
    await kept.transport('settings', { minGroupSize: read.value.minGroupSize });
  });

  it('does not keep an answer asked for before a change and answered after it', async () => {
    const kept = answerCache(engine);
    const settings = await kept.transport('settings', {});
    if (!settings.ok) throw new Error(settings.error.message);
    const onItsWay = kept.transport('overview', {});
    await kept.transport('settings', { minGroupSize: settings.value.minGroupSize });
    expect((await onItsWay).ok).toBe(true);
    expect(kept.peek('overview', '{}')).toBeUndefined();
  });
});
