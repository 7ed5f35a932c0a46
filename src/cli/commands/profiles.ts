import { Engine } from '../../main/engine/engine';
import { parse, requireOption } from '../args';
import { failWith, printJson } from '../output';

/** Lists saved mapping profiles: `upstream profiles --workspace W [--json]`. */
export async function profilesCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    json: { type: 'boolean' },
  });
  const engine = await Engine.open(
    requireOption(values.workspace, '--workspace', 'upstream profiles --workspace w.duckdb'),
  );
  try {
    const result = await engine.call('profiles', {});
    if (!result.ok) failWith(result.error);
    const { profiles } = result.value as {
      profiles: { name: string; kind: string; columns: string[]; updatedAt: string }[];
    };
    if (values.json) return printJson(result.value);
    if (profiles.length === 0)
      process.stdout.write(
        'No mapping profiles yet: import with --save-profile NAME to save one.\n',
      );
    for (const p of profiles) {
      process.stdout.write(
        `${p.name}  ${p.kind}, ${p.columns.length} columns, updated ${p.updatedAt}\n`,
      );
    }
  } finally {
    engine.close();
  }
}
