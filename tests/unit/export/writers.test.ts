import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { cellColours } from '../../../src/shared/heatmapColours';
import { writeCsv } from '../../../src/main/engine/export/writers/csv';
import { writePdf } from '../../../src/main/engine/export/writers/pdf';
import { writeSlidePng } from '../../../src/main/engine/export/writers/png';
import { writePptx } from '../../../src/main/engine/export/writers/pptx';
import { writeStoryXlsx } from '../../../src/main/engine/export/writers/xlsx';
import { blockColour, decodePng, distinctColours, officeParts, pdfInfo, pdfText } from './readers';
import { handMadeStory } from './storyFixture';

const story = handMadeStory();
const slideXml = (parts: Map<string, string>, n: number) =>
  parts.get(`ppt/slides/slide${n}.xml`) ?? '';
const notesOf = (parts: Map<string, string>, n: number) => {
  const rel = parts.get(`ppt/slides/_rels/slide${n}.xml.rels`) ?? '';
  const target = /notesSlides\/(notesSlide\d+\.xml)/.exec(rel)?.[1];
  return parts.get(`ppt/notesSlides/${target}`) ?? '';
};

describe('PowerPoint', () => {
  it('has a title slide, one slide per story slide with native charts, notes, and commitments', async () => {
    const parts = await officeParts(await writePptx(story));
    const slides = [...parts.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k));
    expect(slides).toHaveLength(story.slides.length + 2);
    expect(slideXml(parts, 1)).toContain(story.title);

    const first = slideXml(parts, 2);
    for (const text of [
      'Engagement over time',
      'Linkage · Region North · 2026-Q2',
      'Engagement in Region North rose by 6 points',
      '72.4',
      'n = 118',
      'suppressed · fewer than 5 people',
      'Saved note about Region North',
      'Groups under 5 people are not shown.',
    ]) {
      expect(first).toContain(text);
    }
    expect(notesOf(parts, 2)).toContain('Speaker note 1: ask Dana Whitfield about it');

    const charts = [...parts.keys()].filter((k) => /^ppt\/charts\/chart\d+\.xml$/.test(k));
    expect(charts).toHaveLength(3); // line, scatter, bar; the heatmap is a table
    const chartXml = charts.map((k) => parts.get(k)).join('');
    expect(chartXml).toContain('<c:lineChart>');
    expect(chartXml).toContain('<c:scatterChart>');
    expect(chartXml).toContain('<c:barChart>');
    expect(chartXml).toContain('<c:v>72.4</c:v>');

    const predict = slideXml(parts, 3);
    expect(predict).toContain(
      'Question for the room: How strong is the link between engagement and NPS?',
    );
    expect(predict).toContain('Table 3: 0.6');
    const heatmap = slideXml(parts, 4);
    expect(heatmap).toContain('<a:tbl>');
    expect(heatmap).toContain('-12');
    expect(slideXml(parts, 6)).toContain(
      'This slide cannot be drawn: Its unit U0042 is no longer in the workspace',
    );
    const closing = slideXml(parts, 7);
    for (const text of [
      'Commitments',
      'Pair Region North with a bright-spot store',
      'Dana Whitfield',
      '2026-09-30',
      'open',
    ]) {
      expect(closing).toContain(text);
    }
    expect(parts.get('docProps/core.xml')).toContain(`<dc:title>${story.title}</dc:title>`);
    expect(parts.get('docProps/core.xml')).toContain('<dc:creator>Upstream</dc:creator>');
  });

  it('a masked story carries no real name in any part: slides, notes, charts, chart data, properties', async () => {
    const masked = {
      ...handMadeStory({ unit: 'Region A', leader: 'Leader of Region A' }),
      masked: true,
    };
    const parts = await officeParts(await writePptx(masked));
    expect([...parts.keys()].some((k) => k.includes('.xlsx!'))).toBe(true);
    for (const [name, text] of parts) {
      for (const real of ['Region North', 'Dana Whitfield', 'Whitfield']) {
        expect(text.includes(real), `${real} in ${name}`).toBe(false);
      }
    }
    expect(slideXml(parts, 2)).toContain('Region A');
  });
});

describe('spreadsheet and CSV', () => {
  it('writes one sheet per table, commitments and guesses, formulas neutralised, numbers kept', () => {
    const book = XLSX.read(writeStoryXlsx(story), { type: 'buffer' });
    expect(book.SheetNames).toEqual([
      '1 Engagement over time',
      '2 Engaged teams, happier custom',
      'Commitments',
      'Guesses',
    ]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['1 Engagement over time']!, {
      header: 1,
    });
    expect(rows[0]).toEqual(['Quarter', 'Unit', 'Engagement', 'Comment']);
    expect(rows[1]).toEqual(['2025-Q3', 'Region North', 61.2, `'=HYPERLINK("http://x","click")`]);
    expect(rows[2]).toEqual(['2026-Q2', 'Region North', -3.5, "'+1 more"]);
    const sheet = book.Sheets['1 Engagement over time']!;
    expect(sheet.D2?.t).toBe('s');
    expect(sheet.D2?.f).toBeUndefined();
    expect(sheet.C3?.t).toBe('n');
    const guesses = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Guesses!, { header: 1 });
    expect(guesses.slice(1)).toEqual([
      [
        2,
        'Engaged teams, happier customers',
        'How strong is the link between engagement and NPS?',
        'Table 3',
        '0.6',
      ],
      [
        2,
        'Engaged teams, happier customers',
        'How strong is the link between engagement and NPS?',
        'Table 5',
        '0.2',
      ],
    ]);
    const commitments = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Commitments!);
    expect(commitments).toEqual([
      {
        Action: 'Pair Region North with a bright-spot store',
        Owner: 'Dana Whitfield',
        Due: '2026-09-30',
        Status: 'open',
        About: 'Engaged teams, happier customers',
      },
    ]);
  });

  it('sheet names stay legal and unique whatever the slide titles', () => {
    const base = handMadeStory();
    const table = base.slides[0]!.tables[0]!;
    const hostile = {
      ...base,
      slides: [0, 1, 2].map((i) => ({
        ...base.slides[0]!,
        index: 0,
        title: `Q2: [North]/South*? \\ a very long title ${i}`,
        tables: [table],
      })),
    };
    const names = XLSX.read(writeStoryXlsx(hostile), { type: 'buffer' }).SheetNames;
    // Three tables and the commitments; no Guesses sheet, as no slide asked the room.
    expect(names).toHaveLength(4);
    expect(names).not.toContain('Guesses');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(4);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('CSV is UTF-8 with a byte-order mark, CRLF lines, formulas neutralised', () => {
    const bytes = writeCsv(story.slides[0]!.tables[0]!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(
      'Quarter,Unit,Engagement,Comment\r\n' +
        `2025-Q3,Region North,61.2,"'=HYPERLINK(""http://x"",""click"")"\r\n` +
        "2026-Q2,Region North,-3.5,'+1 more\r\n" +
        "2026-Q1,Region North,,'@SUM(A1)\r\n",
    );
  });
});

describe('PDF', () => {
  it('has searchable titles, figures, notes, questions, the problem and the commitments', async () => {
    const text = pdfText(await writePdf(story));
    for (const expected of [
      story.title,
      'Engagement over time',
      'Linkage · Region North · 2026-Q2',
      '72.4',
      'n = 118',
      'n = 38 · r, 95% interval 0.10 to 0.65',
      'Saved note about Region North',
      'Groups under 5 people are not shown.',
      'Question for the room:',
      'This slide cannot be drawn',
      'Commitments',
      'Pair Region North with a bright-spot store',
      'Dana Whitfield',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
    expect(text.split('\f').filter((p) => p.trim())).toHaveLength(story.slides.length + 2);
  });

  it('document info names no person and no unit of a masked story', async () => {
    const masked = {
      ...handMadeStory({ unit: 'Region A', leader: 'Leader of Region A' }),
      masked: true,
    };
    const bytes = await writePdf(masked);
    const info = pdfInfo(bytes);
    expect(info).toMatch(/^Title: +Q2 off-site: what moves customers$/m);
    expect(info).toMatch(/^Author: +Upstream$/m);
    expect(info).toMatch(/^Subject: +Upstream story$/m);
    expect(info).not.toMatch(/Region North|Dana Whitfield/);
    expect(pdfText(bytes)).not.toMatch(/Region North|Dana Whitfield/);
  });
});

describe('PNG', () => {
  it('draws a slide at 1920x1080 and 3840x2160, the same picture scaled', () => {
    const slide = story.slides[0]!;
    const small = decodePng(writeSlidePng(slide, story, '1920x1080'));
    const large = decodePng(writeSlidePng(slide, story, '3840x2160'));
    expect([small.width, small.height]).toEqual([1920, 1080]);
    expect([large.width, large.height]).toEqual([3840, 2160]);
    expect(distinctColours(small)).toBeGreaterThan(100);
    // Block averages over a grid agree between the sizes: the same layout, only sharper.
    let worst = 0;
    for (let y = 20; y < 1060; y += 80) {
      for (let x = 20; x < 1900; x += 80) {
        const a = blockColour(small, x, y, 40);
        const b = blockColour(large, x, y, 40);
        worst = Math.max(worst, ...a.map((v, i) => Math.abs(v - b[i]!)));
      }
    }
    expect(worst).toBeLessThan(24);
  });

  it('draws every kind of chart: line and scatter marks in the series colours, heatmap cells diverging', () => {
    const line = decodePng(writeSlidePng(story.slides[0]!, story));
    const heat = decodePng(writeSlidePng(story.slides[2]!, story));
    const countNear = (png: ReturnType<typeof decodePng>, rgb: number[]) => {
      let n = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        if (
          Math.abs(png.data[i]! - rgb[0]!) +
            Math.abs(png.data[i + 1]! - rgb[1]!) +
            Math.abs(png.data[i + 2]! - rgb[2]!) <
          30
        )
          n++;
      }
      return n;
    };
    expect(countNear(line, [0x00, 0x72, 0xb2])).toBeGreaterThan(500); // the unit's line
    expect(countNear(line, [0xd5, 0x5e, 0x00])).toBeGreaterThan(500); // the company's line
    // The colours the Values view gives +12 and -12 on its fixed -20..+20 scale (blue above,
    // orange below), so a printed cell means what it means on the screen.
    const onScreen = (v: number) => {
      const hex = cellColours(
        { family: 'delta', min: -20, max: 20, diverging: true },
        v,
      ).background;
      return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    };
    expect(countNear(heat, onScreen(12))).toBeGreaterThan(1000); // the strongest above
    expect(countNear(heat, onScreen(-12))).toBeGreaterThan(1000); // the strongest below
  });
});
