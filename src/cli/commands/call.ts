import { Engine } from '../../main/engine/engine';
import { parse, parseJsonArgs, requireOption } from '../args';
import { failWith, printJson } from '../output';

export async function callCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, {
    workspace: { type: 'string', short: 'w' },
    args: { type: 'string' },
  });
  const method = positionals[0];
  if (!method)
    failWith({
      code: 'INVALID_ARGUMENTS',
      message: 'Usage: upstream call METHOD --workspace W [--args JSON]',
    });
  const input = parseJsonArgs(values.args as string | undefined);
  const engine = await Engine.open(
    requireOption(
      values.workspace,
      '--workspace',
      'upstream call overview --workspace sample.duckdb',
    ),
  );
  try {
    const result = await engine.call(method, input);
    if (!result.ok) failWith(result.error);
    printJson(result.value);
  } finally {
    engine.close();
  }
}
