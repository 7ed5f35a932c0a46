import { resolve } from 'node:path';
import { Engine } from '../../main/engine/engine';
import { exportView } from '../../main/engine/export/exportStory';
import { checkTarget, safeWriteFile } from '../../main/engine/export/safeWrite';
import { outputPaths } from '../../main/engine/export/writers/files';
import { PNG_SIZES } from '../../shared/exportRequest';
import { UpstreamError } from '../../shared/result';
import { requireOption } from '../args';
import { note } from '../output';

export const VIEW_EXAMPLE =
  "upstream export --workspace w.duckdb --view '#/linkage?lag=1' --format png --out linkage.png";

const CONSENT_HINT = 'Add --hide-flagged to hide these figures and export the rest.';
const VIEW_FORMATS = ['png', 'xlsx', 'csv'] as const;
type ViewFormat = (typeof VIEW_FORMATS)[number];
const VIEWS_WITH_FIGURES = ['overview', 'linkage', 'values', 'drivers', 'teams'];
const VIEW_STATE = /^#\/([a-z]+)(\?.*)?$/;

export interface ViewOptions {
  workspace?: string;
  out?: string;
  view?: string;
  story?: string;
  format?: string;
  masked?: boolean;
  size?: string;
  'hide-flagged'?: boolean;
}

/**
 * One dashboard view, as the app's address gives it (`--view '#/linkage?lag=1'`), to a file: a
 * PNG of the view (1920x1080 or 3840x2160) or the table behind it (XLSX, CSV), audited like a
 * story (refused, or with --hide-flagged the flagged figures withheld) and masked when asked.
 */
export async function exportViewCommand(values: ViewOptions): Promise<void> {
  if (values.story !== undefined) {
    throw new UpstreamError('INVALID_ARGUMENTS', 'Name a story or a view, not both.');
  }
  const state = viewStateOf(requireOption(values.view, "--view '#/VIEW?...'", VIEW_EXAMPLE));
  const format = requireOption(values.format, '--format png|xlsx|csv', VIEW_EXAMPLE) as ViewFormat;
  if (!VIEW_FORMATS.includes(format)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--format of a view must be one of ${VIEW_FORMATS.join(', ')}, not '${format}'`,
    );
  }
  const size = values.size as (typeof PNG_SIZES)[number] | undefined;
  if (size !== undefined && !PNG_SIZES.includes(size)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--size must be ${PNG_SIZES.join(' or ')}, not '${values.size}'`,
    );
  }
  const out = resolve(requireOption(values.out, '--out FILE', VIEW_EXAMPLE));
  checkTarget(out);
  const engine = await Engine.open(requireOption(values.workspace, '--workspace', VIEW_EXAMPLE));
  try {
    const { files, hidden } = await exportView(
      engine.context,
      { state, format, masked: values.masked, size, hideFlagged: values['hide-flagged'] ?? false },
      (event) => note(event.message),
    ).catch((error: unknown) => {
      if (error instanceof UpstreamError && error.code === 'EXPORT_REFUSED')
        throw new UpstreamError(error.code, `${error.message}\n${CONSENT_HINT}`);
      throw error;
    });
    for (const h of hidden) note(h.message);
    // A view with several tables gives one CSV each: view.csv gives view-01-1.csv, view-01-2.csv.
    const paths = outputPaths(out, files);
    files.forEach((file, i) => {
      safeWriteFile(paths[i]!, file.bytes);
      note(`Wrote ${paths[i]}`);
    });
  } finally {
    engine.close();
  }
}

/** '#/linkage?lag=1' as given; 'linkage?lag=1' or '/linkage' made whole; anything else refused. */
function viewStateOf(given: string): string {
  const state = given.startsWith('#') ? given : `#/${given.replace(/^\//, '')}`;
  const view = VIEW_STATE.exec(state)?.[1];
  if (!view || !VIEWS_WITH_FIGURES.includes(view) || state.length > 4000) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--view must be the app's address of a view with figures (${VIEWS_WITH_FIGURES.join(', ')}), such as '#/linkage?lag=1', not '${given}'`,
    );
  }
  return state;
}
