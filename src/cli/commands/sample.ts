import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SampleScale } from '../../main/engine/sample';
import { createSampleWorkspace } from '../../main/engine/sampleWorkspace';
import { UpstreamError } from '../../shared/result';
import { parse, requireOption } from '../args';
import { note, printJson } from '../output';
import type { ImportReport } from '../../main/engine/import/importFile';
import { describeImport } from './import';

const SCALES: SampleScale[] = ['small', 'default', 'large'];

/** Writes the sample company's exports and loads them through the same import path as real files. */
export async function sampleCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    exports: { type: 'string' },
    seed: { type: 'string' },
    scale: { type: 'string' },
    json: { type: 'boolean' },
  });
  const workspace = resolve(
    requireOption(values.workspace, '--workspace', 'upstream sample --workspace sample.duckdb'),
  );
  if (existsSync(workspace)) {
    throw new UpstreamError(
      'WORKSPACE_ERROR',
      `${workspace} already exists; the sample goes into a new workspace. Choose another path or delete that file.`,
    );
  }
  const scale = (values.scale ?? 'default') as SampleScale;
  if (!SCALES.includes(scale))
    throw new UpstreamError('INVALID_ARGUMENTS', `--scale must be one of ${SCALES.join(', ')}`);
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!Number.isInteger(seed))
    throw new UpstreamError('INVALID_ARGUMENTS', '--seed must be a whole number');
  const dir = resolve(
    (values.exports as string | undefined) ?? mkdtempSync(join(tmpdir(), 'upstream-sample-')),
  );

  const started = Date.now();
  note(`Writing the ${scale} sample company (seed ${seed}) to ${dir}`);
  const reports: ImportReport[] = [];
  const engine = await createSampleWorkspace({
    workspace,
    exportsDir: dir,
    seed,
    scale,
    onProgress: values.json ? undefined : note,
    onImported: (report) => {
      reports.push(report);
      if (!values.json) note(describeImport(report));
    },
  });
  engine.close();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (values.json) {
    printJson({
      workspace,
      exports: dir,
      truth: join(dir, 'truth.json'),
      seconds: Number(seconds),
      files: reports,
    });
  } else {
    process.stdout.write(
      `Loaded ${reports.length} files into ${workspace} in ${seconds} s.\nExports and truth.json: ${dir}\nNext: upstream serve --workspace ${workspace}\n`,
    );
  }
}
