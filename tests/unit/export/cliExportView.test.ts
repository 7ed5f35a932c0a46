import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { MethodName, MethodOutput } from '../../../src/shared/contract';
import { cliErrorOf, upstreamAsync as upstream } from '../../helpers/cli';
import { tinyWorkspace } from '../../helpers/tinyWorkspace';
import { decodePng, distinctColours } from './readers';

// `upstream export --view`: one dashboard view, by the app's address, to a picture or its tables,
// run as the real command against a workspace file of the tiny company.

/** The rows of a CSV the writer made (no quoted commas in these tables' names). */
const csvRows = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));

const LINKAGE = '#/linkage?lag=0';
let dir: string;
let ws: string;
let out: string;
let copies = 0;
let linkage: MethodOutput<'linkage'>;
let unitNames: string[];

/** A workspace opens in one process at a time: runs in parallel each get their own copy. */
function copyOfWorkspace(): string {
  const copy = join(dir, `copy-${++copies}.duckdb`);
  copyFileSync(ws, copy);
  return copy;
}

beforeAll(async () => {
  const tiny = await tinyWorkspace();
  const call = async <M extends MethodName>(method: M, input: unknown) => {
    const result = await dispatch(method, input, tiny.ctx);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as MethodOutput<M>;
  };
  // What the Linkage view shows at lag 0, asked of the engine directly.
  linkage = await call('linkage', { lag: 0 });
  unitNames = (await call('hierarchy', {})).units.map((u) => u.name);
  tiny.ws.close();
  dir = tiny.dir;
  ws = tiny.ws.path;
  out = join(dir, 'out');
  mkdirSync(out);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('upstream export --view', () => {
  it('writes the Linkage view as a 4K PNG, its tables as CSV, and masked CSV without real names', async () => {
    const png = join(out, 'linkage.png');
    const view = () => ['export', '-w', copyOfWorkspace(), '--view', LINKAGE];
    const results = await Promise.all([
      upstream([...view(), '--format', 'png', '--size', '3840x2160', '--out', png]),
      upstream([...view(), '--format', 'csv', '--out', join(out, 'linkage.csv')]),
      upstream([...view(), '--format', 'csv', '--masked', '--out', join(out, 'masked.csv')]),
    ]);
    results.forEach((r) => expect(r.status, r.stderr).toBe(0));
    expect(results[0]!.stderr).toContain(`Wrote ${png}`);

    const picture = decodePng(readFileSync(png));
    expect([picture.width, picture.height]).toEqual([3840, 2160]);
    // A drawn chart, not an empty canvas.
    expect(distinctColours(picture)).toBeGreaterThan(20);

    // Two tables behind the view: one CSV each.
    expect(readdirSync(out).filter((f) => f.startsWith('linkage') && f.endsWith('.csv'))).toEqual([
      'linkage-01-1.csv',
      'linkage-01-2.csv',
    ]);
    const [header, ...units] = csvRows(join(out, 'linkage-01-1.csv'));
    expect(header![0]).toBe('Unit');
    expect(units.map((row) => row[0]).sort()).toEqual(linkage.points.map((p) => p.name).sort());
    const statistics = csvRows(join(out, 'linkage-01-2.csv'));
    expect(statistics.find((row) => row[0] === 'Points')).toEqual(['Points', String(linkage.n)]);

    const masked = readFileSync(join(out, 'masked-01-1.csv'), 'utf8');
    expect(linkage.points.length).toBeGreaterThan(0);
    for (const name of unitNames) expect(masked).not.toContain(name);
  }, 120_000);

  it('refuses a view it cannot export, with the reason, and writes nothing', async () => {
    const target = join(out, 'refused.png');
    const message = (given: string) =>
      `--view must be the app's address of a view with figures (overview, linkage, values, drivers, teams), such as '#/linkage?lag=1', not '${given}'`;
    const cases: [string[], { code: string; message: string }][] = [
      [
        ['--view', '#/import', '--format', 'png'],
        { code: 'INVALID_ARGUMENTS', message: message('#/import') },
      ],
      [
        ['--view', 'http://127.0.0.1:5000/#/linkage', '--format', 'png'],
        { code: 'INVALID_ARGUMENTS', message: message('http://127.0.0.1:5000/#/linkage') },
      ],
      [
        ['--view', LINKAGE, '--format', 'pptx'],
        {
          code: 'INVALID_ARGUMENTS',
          message: "--format of a view must be one of png, xlsx, csv, not 'pptx'",
        },
      ],
      [
        ['--view', LINKAGE, '--story', 'offsite', '--format', 'png'],
        { code: 'INVALID_ARGUMENTS', message: 'Name a story or a view, not both.' },
      ],
    ];
    const results = await Promise.all(
      cases.map(([args]) =>
        upstream(['export', ...args, '--out', target, '-w', copyOfWorkspace()]),
      ),
    );
    results.forEach((result, i) => {
      expect(result.status).toBe(1);
      expect(cliErrorOf(result.stderr)).toEqual(cases[i]![1]);
    });
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});
