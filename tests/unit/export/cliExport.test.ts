import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { MethodName, MethodOutput } from '../../../src/shared/contract';
import { cliErrorOf, upstreamAsync as upstream } from '../../helpers/cli';
import { tinyWorkspace } from '../../helpers/tinyWorkspace';
import { decodePng, officeParts, pdfText } from './readers';

let dir: string;
let ws: string;
let out: string;
let copies = 0;
/** A workspace opens in one process at a time: runs in parallel each get their own copy. */
function copyOfWorkspace(): string {
  const copy = join(dir, `copy-${++copies}.duckdb`);
  copyFileSync(ws, copy);
  return copy;
}

/** A workspace file holding the tiny company and one story, made through the engine's methods. */
beforeAll(async () => {
  const tiny = await tinyWorkspace();
  const call = async <M extends MethodName>(
    method: M,
    input: unknown,
  ): Promise<MethodOutput<M>> => {
    const result = await dispatch(method, input, tiny.ctx);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as MethodOutput<M>;
  };
  const link = await call('viewSave', { title: 'The link', state: '#/linkage?lag=0' });
  const values = await call('viewSave', {
    title: 'Values of one region',
    state: '#/values?unit=R1',
  });
  await call('storySave', {
    name: 'offsite',
    title: 'Thursday: what moves customers?',
    slides: [{ viewId: link.id, speakerNote: 'Ask first' }, { viewId: values.id }],
  });
  tiny.ws.close();
  dir = tiny.dir;
  ws = tiny.ws.path;
  out = join(dir, 'out');
  mkdirSync(out);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('upstream stories and upstream export --story', () => {
  it('lists the stories, as text and as JSON', async () => {
    const [text, json] = await Promise.all([
      upstream(['stories', '--workspace', ws]),
      upstream(['stories', '--workspace', copyOfWorkspace(), '--json']),
    ]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /^offsite {2}"Thursday: what moves customers\?", 2 slides, updated \S+\n$/,
    );
    expect(JSON.parse(json.stdout).stories).toEqual([
      expect.objectContaining({
        name: 'offsite',
        title: 'Thursday: what moves customers?',
        slides: 2,
      }),
    ]);
  }, 60_000);

  it('writes a PowerPoint deck, a masked PDF and one PNG per slide at 4K', async () => {
    const deck = join(out, 'deck.pptx');
    const pdf = join(out, 'masked.pdf');
    const story = () => ['export', '-w', copyOfWorkspace(), '--story', 'offsite'];
    const results = await Promise.all([
      upstream([...story(), '--format', 'pptx', '--out', deck]),
      upstream([...story(), '--format', 'pdf', '--masked', '--out', pdf]),
      upstream([
        ...story(),
        '--format',
        'png',
        '--size',
        '3840x2160',
        '--out',
        join(out, 'slides.png'),
      ]),
    ]);
    expect(results.map((r) => r.status)).toEqual([0, 0, 0]);
    expect(results[0]!.stderr).toContain(`Wrote ${deck}`);

    const parts = await officeParts(readFileSync(deck));
    expect(parts.get('ppt/slides/slide2.xml')).toContain('The link');
    expect([...parts.keys()].some((k) => /^ppt\/charts\/chart\d+\.xml$/.test(k))).toBe(true);

    const text = pdfText(readFileSync(pdf));
    expect(text).toContain('Values of one region');
    expect(text).not.toMatch(/\bNorth\b|Bob Ray/);

    expect(readdirSync(out).filter((f) => f.startsWith('slides'))).toEqual([
      'slides-01.png',
      'slides-02.png',
    ]);
    expect(decodePng(readFileSync(join(out, 'slides-02.png'))).width).toBe(3840);
  }, 120_000);

  it('fails with the reason: no such slide, a bad format, a folder that is a file', async () => {
    const file = join(out, 'plain.txt');
    writeFileSync(file, 'a file');
    const blockedTarget = join(file, 'deck.pdf');
    const story = ['export', '--story'];
    const cases: [string[], { code: string; message: string }][] = [
      [
        [...story, 'offsite', '--slide', '3', '--format', 'pdf', '--out', join(out, 'x.pdf')],
        { code: 'INVALID_ARGUMENTS', message: "There is no slide 3: 'offsite' has 2 slides." },
      ],
      [
        [...story, 'offsite', '--format', 'docx', '--out', join(out, 'x.docx')],
        {
          code: 'INVALID_ARGUMENTS',
          message: "--format must be one of pptx, pdf, xlsx, png, csv, not 'docx'",
        },
      ],
      [
        [...story, 'offsite', '--format', 'pdf', '--out', blockedTarget],
        {
          code: 'INVALID_ARGUMENTS',
          message: `Cannot write ${blockedTarget}: ${file} is a file, not a folder. Choose a path inside a folder.`,
        },
      ],
    ];
    const results = await Promise.all(
      cases.map(([args]) => upstream([...args, '-w', copyOfWorkspace()])),
    );
    results.forEach((result, i) => {
      expect(result.status).toBe(1);
      expect(cliErrorOf(result.stderr)).toEqual(cases[i]![1]);
    });
    expect(existsSync(join(out, 'x.pdf'))).toBe(false);
    expect(readdirSync(out).filter((f) => f.includes('.partial'))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('a file');
  }, 120_000);

  it('still writes a method result as CSV when no story is named', async () => {
    const csv = join(out, 'stories.csv');
    const result = await upstream(['export', 'stories', '-w', ws, '--out', csv]);
    expect(result.status).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('id,name,title,slides,updatedAt');
  }, 60_000);
});
