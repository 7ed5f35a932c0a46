import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule (ARCHITECTURE.md section 2) is an ESLint rule; these cases prove it bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) =>
      m.message.replace(/^'[^']+' import is restricted from being used by a pattern\. /, ''),
    );
}

describe('layering', () => {
  it.each([
    [
      'src/shared/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      'src/shared runs anywhere: no Node built-ins.',
    ],
    [
      'src/shared/x.ts',
      "import { app } from 'electron';\nexport const x = app;",
      'src/shared imports nothing but zod.',
    ],
    [
      'src/main/engine/x.ts',
      "import { app } from 'electron';\nexport const x = app;",
      'The engine is plain Node: it never imports electron.',
    ],
    [
      'src/renderer/src/x.ts',
      "import { Engine } from '../../main/engine/engine';\nexport const x = Engine;",
      'The renderer never imports main, cli or preload.',
    ],
    [
      'src/renderer/src/x.ts',
      "import { DuckDBInstance } from '@duckdb/node-api';\nexport const x = DuckDBInstance;",
      'The renderer talks to the engine only through the api client.',
    ],
    [
      'src/preload/x.ts',
      "import { Engine } from '../main/engine/engine';\nexport const x = Engine;",
      'The preload imports only electron and shared.',
    ],
  ])('%s may not import what this line imports', async (file, source, message) => {
    expect(await importErrors(file, source)).toEqual([message]);
  });

  it('allows what each layer is meant to import', async () => {
    expect(
      await importErrors('src/shared/x.ts', "import { z } from 'zod';\nexport const x = z;"),
    ).toEqual([]);
    expect(
      await importErrors(
        'src/main/engine/x.ts',
        "import { z } from 'zod';\nimport { readFileSync } from 'node:fs';\nexport const x = [z, readFileSync];",
      ),
    ).toEqual([]);
  });

  it('the whole source tree passes the layering rule', async () => {
    const results = await eslint.lintFiles(['src']);
    const violations = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-imports')
        .map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(violations).toEqual([]);
  });
});
