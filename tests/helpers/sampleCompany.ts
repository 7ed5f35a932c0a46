import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/main/engine/engine';
import type { EngineContext } from '../../src/main/engine/handlers/context';
import { TRUTH_FILE_NAME, type SampleScale, type SampleTruth } from '../../src/main/engine/sample';
import { createSampleWorkspace } from '../../src/main/engine/sampleWorkspace';
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
  const engine = await createSampleWorkspace({
    workspace: join(temp.path, 'sample.duckdb'),
    exportsDir,
    seed,
    scale,
  });
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
