import { describe, expect, it } from 'vitest';
import { recordStepTimes, timed } from '../../../src/main/engine/stepTimes';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('import step times (for the benchmark)', () => {
  it('records each step and its parts, one level deeper, only while recording', async () => {
    await timed('before', () => pause(1));
    const stop = recordStepTimes();
    const value = await timed('derived tables', async () => {
      await timed('suppression decisions', () => pause(20));
      await timed('driver pair statistics', () => pause(5));
      return 7;
    });
    await expect(timed('commit', () => Promise.reject(new Error('disk full')))).rejects.toThrow(
      'disk full',
    );
    const steps = stop();
    await timed('after', () => pause(1));

    expect(value).toBe(7);
    expect(steps.map((s) => [s.step, s.depth])).toEqual([
      ['suppression decisions', 1],
      ['driver pair statistics', 1],
      ['derived tables', 0],
      ['commit', 0],
    ]);
    const ms = Object.fromEntries(steps.map((s) => [s.step, s.ms]));
    // Timers may fire a little early; a step's time covers its parts'.
    expect(ms['suppression decisions']).toBeGreaterThanOrEqual(15);
    expect(ms['derived tables']).toBeGreaterThanOrEqual(
      ms['suppression decisions']! + ms['driver pair statistics']!,
    );
    expect(stop()).toHaveLength(4);
  });
});
