import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImport } from '../../../src/main/engine/import/preview';
import { REAL_EXPORTS } from '../../fixtures/realExports';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/** Issue 14: without hints, the kind of a real export is named right for at least 80% of files. */
const REQUIRED_SHARE = 0.8;

let tiny: TinyWorkspace;
beforeAll(async () => {
  tiny = await tinyWorkspace();
});
afterAll(() => tiny.cleanup());

describe('the kind of exports nobody wrote for Upstream', () => {
  it(`is named right for at least ${REQUIRED_SHARE * 100}% of them, and every one is read`, async () => {
    const outcomes: { name: string; expected: string; named: string }[] = [];
    for (const file of REAL_EXPORTS) {
      const path = join(tiny.dir, file.name);
      writeFileSync(path, file.text);
      const preview = await previewImport(tiny.ws, path, {});
      expect(preview.rows, file.name).toBeGreaterThan(0);
      outcomes.push({ name: file.name, expected: file.kind, named: preview.kind });
    }
    const misses = outcomes.filter((o) => o.named !== o.expected);
    const share = 1 - misses.length / outcomes.length;
    console.info(
      `kinds named right: ${outcomes.length - misses.length} of ${outcomes.length} (${Math.round(share * 100)}%)` +
        misses.map((m) => `\n  ${m.name}: ${m.named}, is ${m.expected}`).join(''),
    );
    expect(share).toBeGreaterThanOrEqual(REQUIRED_SHARE);
  });
});
