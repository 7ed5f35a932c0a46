import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../engine/engine';
import { createSampleWorkspace } from '../engine/sampleWorkspace';

/** On first start the app builds the sample company in the user data folder and opens it. */
export async function openOrCreateSample(userData: string): Promise<Engine> {
  const workspace = join(userData, 'sample.duckdb');
  if (existsSync(workspace)) return Engine.open(workspace);
  return createNewSample(workspace, join(userData, 'sample-exports'));
}

export function createNewSample(workspace: string, exportsDir: string): Promise<Engine> {
  return createSampleWorkspace({ workspace, exportsDir, seed: 42, scale: 'default' });
}
