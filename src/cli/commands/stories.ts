import { Engine } from '../../main/engine/engine';
import { parse, requireOption } from '../args';
import { failWith, printJson } from '../output';

/** Lists the workspace's stories: `upstream stories --workspace W [--json]`. */
export async function storiesCommand(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    json: { type: 'boolean' },
  });
  const engine = await Engine.open(
    requireOption(values.workspace, '--workspace', 'upstream stories --workspace w.duckdb'),
  );
  try {
    const result = await engine.call('stories', {});
    if (!result.ok) failWith(result.error);
    if (values.json) return printJson(result.value);
    const { stories } = result.value as {
      stories: { name: string; title: string; slides: number; updatedAt: string }[];
    };
    if (stories.length === 0) {
      process.stdout.write('No stories yet: make one in the Stories tab of the app.\n');
    }
    for (const s of stories) {
      process.stdout.write(
        `${s.name}  "${s.title}", ${s.slides} slide${s.slides === 1 ? '' : 's'}, updated ${s.updatedAt}\n`,
      );
    }
  } finally {
    engine.close();
  }
}
