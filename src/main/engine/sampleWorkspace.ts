import { Engine } from './engine';
import type { ImportReport } from './import/importFile';
import { writeSampleExports, type SampleScale } from './sample';
import { COMPANY_PURPOSE } from './sample/itemCatalogue';
import { addSampleStory } from './sample/sampleStory';

export interface SampleWorkspaceOptions {
  workspace: string;
  exportsDir: string;
  seed: number;
  scale: SampleScale;
  onProgress?: (message: string) => void;
  /** Called once the export files are written, before the first is imported. */
  onExportsWritten?: () => void;
  onImported?: (report: ImportReport) => void;
}

/**
 * Writes the sample company's export files and loads them through the same import path as any
 * analyst's files, never by writing tables directly. Returns the open engine.
 */
export async function createSampleWorkspace(options: SampleWorkspaceOptions): Promise<Engine> {
  const exportsWritten = await writeSampleExports({
    seed: options.seed,
    scale: options.scale,
    dir: options.exportsDir,
    onProgress: options.onProgress,
  });
  options.onExportsWritten?.();
  const engine = await Engine.open(options.workspace, { create: true });
  try {
    for (const file of exportsWritten.files) {
      // Import first: an optional call (`f?.(x)`) would skip evaluating x when f is absent.
      const report = await engine.importFile(file.path, { kind: file.kind });
      options.onImported?.(report);
    }
    // The purpose statement is workspace data the analyst types in (settings), not an export.
    const set = await engine.call('settings', { purpose: COMPANY_PURPOSE });
    if (!set.ok) throw new Error(set.error.message);
    // Like the purpose, the story is what an analyst makes in the app: made through the API.
    await addSampleStory(engine);
  } catch (error) {
    engine.close();
    throw error;
  }
  return engine;
}
