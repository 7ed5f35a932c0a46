import { rebuildWorkspace } from '../../main/engine/workspace/rebuild';
import { parse, requireOption } from '../args';
import { printJson } from '../output';
import { describeImport } from './import';

const USAGE = 'upstream rebuild --workspace OLD --to NEW [--sources DIR] [--json]';

/**
 * `upstream rebuild`: a new workspace from everything the old one recorded, imported again by
 * this version (after an upgrade, or to check a workspace against its sources).
 */
export async function rebuildCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    to: { type: 'string' },
    sources: { type: 'string' },
    json: { type: 'boolean' },
  });
  const report = await rebuildWorkspace({
    from: requireOption(values.workspace, '--workspace', USAGE),
    to: requireOption(values.to, '--to', USAGE),
    ...(values.sources ? { sourcesDir: values.sources } : {}),
    onImported: (file) => {
      if (values.json) return;
      const [first, ...notes] = describeImport(file).split('\n');
      process.stdout.write(`${[`${first} (from its ${file.from})`, ...notes].join('\n')}\n`);
    },
  });
  if (values.json) printJson(report);
  else process.stdout.write(`Rebuilt ${report.files.length} sources into ${values.to}.\n`);
}
