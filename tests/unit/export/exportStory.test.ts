import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { MethodName, MethodOutput } from '../../../src/shared/contract';
import { exportStory, exportView } from '../../../src/main/engine/export/exportStory';
import type { ExportProgressEvent } from '../../../src/shared/exportRequest';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';
import { decodePng, officeParts, pdfText } from './readers';

/** Every unit and leader name of the tiny company: none may appear in a masked export. */
const REAL_NAMES = ['Acme Retail', 'North', 'South', 'Store A', 'Store B', 'Store C', 'Store D'];
const LEADERS = ['Ann Lee', 'Bob Ray', 'Cat Day', 'Dan Fox', 'Eve Kim', 'Fay Lu', 'Gus Poe'];

let tiny: TinyWorkspace;
async function call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input, tiny.ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

beforeAll(async () => {
  tiny = await tinyWorkspace();
  const overview = await call('viewSave', {
    title: 'Where we stand',
    state: '#/overview',
    note: 'North leads',
  });
  const linkage = await call('viewSave', { title: 'The link', state: '#/linkage?lag=0' });
  const values = await call('viewSave', { title: 'Values in North', state: '#/values?unit=R1' });
  const story = await call('storySave', {
    name: 'offsite',
    title: 'Thursday off-site',
    slides: [
      { viewId: overview.id, speakerNote: 'Open with the headline' },
      {
        viewId: linkage.id,
        predict: { kind: 'number', question: 'How strong is the link?', unit: 'r' },
      },
      { viewId: values.id },
    ],
  });
  const plain = await call('viewSave', {
    title: 'Values of one region',
    state: '#/values?unit=R1',
  });
  await call('storySave', {
    name: 'conference',
    title: 'What moves customers',
    slides: [{ viewId: plain.id, speakerNote: 'Ask the room first' }, { viewId: linkage.id }],
  });
  await call('guessAdd', {
    story: 'offsite',
    slideId: story.slides[1]!.id,
    person: 'Table 2',
    guess: '0.5',
  });
  await call('commitmentSave', {
    story: 'offsite',
    slideId: story.slides[2]!.id,
    unitId: 'R1',
    action: 'Visit every store in the region',
    owner: 'Regional HR partner',
    due: '2025-09-30',
  });
}, 60_000);
afterAll(() => tiny.cleanup());

describe('exportStory', () => {
  it('writes a PowerPoint deck of the story with native charts, reporting progress', async () => {
    const events: ExportProgressEvent[] = [];
    const { files } = await exportStory(
      tiny.ctx,
      { story: 'offsite', format: 'pptx', masked: false },
      (e) => events.push(e),
    );
    expect(files.map((f) => [f.name, f.mime])).toEqual([
      [
        'Thursday off-site.pptx',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ],
    ]);
    const parts = await officeParts(files[0]!.bytes);
    const all = [...parts.values()].join('\n');
    for (const text of [
      'Thursday off-site',
      'Where we stand',
      'The link',
      'Values in North',
      'Open with the headline',
      'How strong is the link?',
      'Table 2: 0.5',
      'Visit every store in the region',
    ]) {
      expect(all).toContain(text);
    }
    expect([...parts.keys()].some((k) => /^ppt\/charts\/chart\d+\.xml$/.test(k))).toBe(true);
    expect(events.map((e) => e.stage)).toEqual(['content', 'audit', 'writing', 'done']);
  });

  it('a masked deck has no unit or leader name in any part, chart data and properties included', async () => {
    const { files } = await exportStory(tiny.ctx, {
      story: 'conference',
      format: 'pptx',
      masked: true,
    });
    const parts = await officeParts(files[0]!.bytes);
    expect([...parts.keys()].some((k) => k.includes('.xlsx!'))).toBe(true);
    for (const [name, text] of parts) {
      for (const real of [...REAL_NAMES, ...LEADERS]) {
        expect(new RegExp(`\\b${real}\\b`).test(text), `'${real}' in ${name}`).toBe(false);
      }
    }
    expect(parts.get('ppt/slides/slide2.xml')).toContain('Values of one region');
    // The same deck unmasked names the region: the check above could fail.
    const plain = await exportStory(tiny.ctx, {
      story: 'conference',
      format: 'pptx',
      masked: false,
    });
    const plainText = [...(await officeParts(plain.files[0]!.bytes)).values()].join('\n');
    expect(plainText).toMatch(/\bNorth\b/);
  });

  it('a masked workbook and PDF name no unit or leader either', async () => {
    const xlsx = await exportStory(tiny.ctx, {
      story: 'conference',
      format: 'xlsx',
      masked: true,
    });
    const book = XLSX.read(xlsx.files[0]!.bytes, { type: 'buffer' });
    const cells = book.SheetNames.map((n) => XLSX.utils.sheet_to_csv(book.Sheets[n]!)).join('\n');
    const pdf = await exportStory(tiny.ctx, { story: 'conference', format: 'pdf', masked: true });
    const text = pdfText(pdf.files[0]!.bytes);
    for (const real of [...REAL_NAMES, ...LEADERS]) {
      expect(new RegExp(`\\b${real}\\b`).test(cells), `'${real}' in the workbook`).toBe(false);
      expect(new RegExp(`\\b${real}\\b`).test(text), `'${real}' in the PDF`).toBe(false);
    }
    expect(book.SheetNames.length).toBeGreaterThan(2);
    // Unmasked, the same workbook names them: the check above could fail.
    const plain = await exportStory(tiny.ctx, { story: 'conference', format: 'xlsx' });
    const plainBook = XLSX.read(plain.files[0]!.bytes, { type: 'buffer' });
    const plainCells = plainBook.SheetNames.map((n) =>
      XLSX.utils.sheet_to_csv(plainBook.Sheets[n]!),
    ).join('\n');
    expect(plainCells).toMatch(/\bStore A\b|\bNorth\b/);
  });

  it('a masked export of a story whose own words name a unit is refused before anything is written', async () => {
    await expect(
      exportStory(tiny.ctx, { story: 'offsite', format: 'pdf', masked: true }),
    ).rejects.toThrow(
      'Slide 1 "Where we stand" note names "North": a masked export cannot contain real names. Edit the note or export unmasked.',
    );
  });

  it('writes a PDF whose text names the slides and figures, and one PNG per slide', async () => {
    const pdf = await exportStory(tiny.ctx, { story: 'offsite', format: 'pdf', masked: false });
    const text = pdfText(pdf.files[0]!.bytes).replace(/\s+/g, ' ');
    for (const t of ['Thursday off-site', 'Where we stand', 'The link', 'Commitments', 'n = '])
      expect(text).toContain(t);

    const png = await exportStory(tiny.ctx, { story: 'offsite', format: 'png' });
    expect(png.files.map((f) => [f.name, f.part])).toEqual([
      ['Thursday off-site-01.png', '01'],
      ['Thursday off-site-02.png', '02'],
      ['Thursday off-site-03.png', '03'],
    ]);
    const picture = decodePng(png.files[1]!.bytes);
    expect([picture.width, picture.height]).toEqual([1920, 1080]);
  });

  it('writes the tables, commitments and guesses to a workbook; one slide alone when asked', async () => {
    const { files } = await exportStory(tiny.ctx, { story: 'offsite', format: 'xlsx' });
    const book = XLSX.read(files[0]!.bytes, { type: 'buffer' });
    expect(book.SheetNames).toContain('Commitments');
    expect(book.SheetNames).toContain('Guesses');
    expect(XLSX.utils.sheet_to_json(book.Sheets.Guesses!)).toEqual([
      {
        Slide: 2,
        Title: 'The link',
        Question: 'How strong is the link?',
        Person: 'Table 2',
        Guess: '0.5',
      },
    ]);

    const one = await exportStory(tiny.ctx, { story: 'offsite', format: 'png', slide: 3 });
    expect(one.files.map((f) => f.name)).toEqual(['Thursday off-site.png']);
    await expect(
      exportStory(tiny.ctx, { story: 'offsite', format: 'png', slide: 4 }),
    ).rejects.toThrow("There is no slide 4: 'offsite' has 3 slides.");
  });

  it('an unknown story is not found', async () => {
    await expect(exportStory(tiny.ctx, { story: 'nope', format: 'pdf' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('exports one dashboard state as a PNG and as the CSV of its table', async () => {
    const png = await exportView(tiny.ctx, { state: '#/values?unit=R1', format: 'png' });
    expect(png.files).toHaveLength(1);
    expect(decodePng(png.files[0]!.bytes).width).toBe(1920);
    const csv = await exportView(tiny.ctx, { state: '#/values?unit=R1', format: 'csv' });
    expect(csv.files.length).toBeGreaterThan(0);
    expect(csv.files[0]!.bytes.toString('utf8').startsWith('\uFEFF')).toBe(true);
  });
});
