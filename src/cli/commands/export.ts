import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Engine } from '../../main/engine/engine';
import { exportStory } from '../../main/engine/export/exportStory';
import { checkTarget, safeWriteFile } from '../../main/engine/export/safeWrite';
import { outputPaths } from '../../main/engine/export/writers/files';
import { EXPORT_FORMATS, PNG_SIZES, type ExportFormat } from '../../shared/exportRequest';
import { UpstreamError } from '../../shared/result';
import { parse, parseJsonArgs, requireOption } from '../args';
import { rowsOf, toCsv } from '../csv';
import { failWith, note } from '../output';
import { exportViewCommand, VIEW_EXAMPLE } from './exportView';

const METHOD_EXAMPLE = 'upstream export overview --workspace w.duckdb --out overview.csv';
const STORY_EXAMPLE =
  'upstream export --workspace w.duckdb --story q2-offsite --format pptx --out q2.pptx';

/**
 * Writes a story to a file (`--story NAME --format pptx|pdf|xlsx|png|csv`), one view
 * (`--view '#/linkage?lag=1' --format png|xlsx|csv`), or one method's
 * result (.json as it is, .csv as its first table of records).
 */
export async function exportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    args: { type: 'string' },
    out: { type: 'string', short: 'o' },
    story: { type: 'string' },
    format: { type: 'string' },
    masked: { type: 'boolean' },
    slide: { type: 'string' },
    size: { type: 'string' },
    'hide-flagged': { type: 'boolean' },
    view: { type: 'string' },
  });
  if (values.view !== undefined) return exportViewCommand(values);
  if (values.story !== undefined) return exportStoryCommand(values);
  const method = positionals[0];
  if (!method) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Name a method, a story or a view. Examples: ${METHOD_EXAMPLE}\n  ${STORY_EXAMPLE}\n  ${VIEW_EXAMPLE}`,
    );
  }
  const out = resolve(requireOption(values.out, '--out FILE (.csv or .json)', METHOD_EXAMPLE));
  const format = extname(out).toLowerCase();
  if (format !== '.csv' && format !== '.json') {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--out must end in .csv or .json, not '${format || out}'`,
    );
  }
  const input = parseJsonArgs(values.args);
  const engine = await Engine.open(requireOption(values.workspace, '--workspace', METHOD_EXAMPLE));
  try {
    const result = await engine.call(method, input);
    if (!result.ok) failWith(result.error);
    writeFileSync(
      out,
      format === '.json'
        ? `${JSON.stringify(result.value, null, 2)}\n`
        : toCsv(rowsOf(result.value)),
    );
    note(`Wrote ${out}`);
  } finally {
    engine.close();
  }
}

interface StoryOptions {
  workspace?: string;
  out?: string;
  story?: string;
  format?: string;
  masked?: boolean;
  slide?: string;
  size?: string;
  'hide-flagged'?: boolean;
}

const CONSENT_HINT = 'Add --hide-flagged to hide these figures and export the rest.';

async function exportStoryCommand(values: StoryOptions): Promise<void> {
  const story = requireOption(values.story, '--story NAME', STORY_EXAMPLE);
  const format = requireOption(values.format, '--format', STORY_EXAMPLE) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--format must be one of ${EXPORT_FORMATS.join(', ')}, not '${format}'`,
    );
  }
  const out = resolve(requireOption(values.out, '--out FILE', STORY_EXAMPLE));
  const size = values.size as (typeof PNG_SIZES)[number] | undefined;
  if (size !== undefined && !PNG_SIZES.includes(size)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--size must be ${PNG_SIZES.join(' or ')}, not '${values.size}'`,
    );
  }
  let slide: number | undefined;
  if (values.slide !== undefined) {
    slide = Number(values.slide);
    if (!/^\d+$/.test(values.slide) || slide < 1) {
      throw new UpstreamError(
        'INVALID_ARGUMENTS',
        `--slide must be a slide number from 1, not '${values.slide}'`,
      );
    }
  }
  checkTarget(out);
  const engine = await Engine.open(requireOption(values.workspace, '--workspace', STORY_EXAMPLE));
  try {
    const hideFlagged = values['hide-flagged'] ?? false;
    const { files, hidden } = await exportStory(
      engine.context,
      { story, format, masked: values.masked, slide, size, hideFlagged },
      (event) => note(event.message),
    ).catch((error: unknown) => {
      if (error instanceof UpstreamError && error.code === 'EXPORT_REFUSED')
        throw new UpstreamError(error.code, `${error.message}\n${CONSENT_HINT}`);
      throw error;
    });
    for (const h of hidden) note(`Slide ${h.slide}: ${h.message}.`);
    const paths = outputPaths(out, files);
    files.forEach((file, i) => {
      const path = paths[i]!;
      safeWriteFile(path, file.bytes);
      note(`Wrote ${path}`);
    });
  } finally {
    engine.close();
  }
}
