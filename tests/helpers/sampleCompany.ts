import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/main/engine/engine';
import type { EngineContext } from '../../src/main/engine/handlers/context';
import { TRUTH_FILE_NAME, type SampleScale, type SampleTruth } from '../../src/main/engine/sample';
import { createSampleWorkspace } from '../../src/main/engine/sampleWorkspace';
import { cachedSample } from './sampleCache';
import { makeTempDir } from './tempDir';

export interface SampleCompany {
  engine: Engine;
  ctx: EngineContext;
  truth: SampleTruth;
  exportsDir: string;
  close(): void;
}

/** The sample company as `npm start` loads it (seed 42 unless told), in a fresh temp folder. */
export async function openSampleCompany(
  scale: SampleScale = 'default',
  seed = 42,
): Promise<SampleCompany> {
  const temp = makeTempDir('upstream-sample-company-');
  const exportsDir = join(temp.path, 'exports');
  const workspace = join(temp.path, 'sample.duckdb');
  // Built once per `npm test` run and copied (sampleCache.ts); opened here as the app opens it.
  await cachedSample(`${scale}-${seed}`, workspace, exportsDir, async (ws, exports) => {
    (await createSampleWorkspace({ workspace: ws, exportsDir: exports, seed, scale })).close();
  });
  const engine = await Engine.open(workspace);
  return {
    engine,
    ctx: engine.context,
    truth: JSON.parse(readFileSync(join(exportsDir, TRUTH_FILE_NAME), 'utf8')) as SampleTruth,
    exportsDir,
    close() {
      engine.close();
      temp.remove();
    },
  };
}
