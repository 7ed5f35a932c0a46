import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublishedFigure, StoryContent } from '../../../src/main/engine/export/content';
import { exportCommand } from '../../../src/cli/commands/export';
import { queryRows } from '../../../src/main/engine/db/query';
import { dispatch } from '../../../src/main/engine/dispatch';
import { auditExport, loadAuditTree } from '../../../src/main/engine/export/disclosureAudit';
import { exportStory } from '../../../src/main/engine/export/exportStory';
import { withholdFigures } from '../../../src/main/engine/export/withholdFigures';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';
import { officeParts } from './readers';
import { handMadeStory } from './storyFixture';

/**
 * Consent to hide: the engine's own rules keep every view of the tiny company safe, so the
 * content is made by hand (as in exportAudit.test.ts): slide 2 prints a figure for 3 people of
 * Store C on its key figure, its table, its chart and its headline. The audit is the real one,
 * over the real workspace's populations; what the writers receive is captured and audited again.
 */
const content = vi.hoisted(() => ({ story: null as StoryContent | null }));
vi.mock('../../../src/main/engine/export/buildStoryContent', () => ({
  buildStoryContent: async () => content.story,
  buildViewContent: async () => content.story?.slides[0],
}));
const written = vi.hoisted(() => ({ contents: [] as StoryContent[] }));
vi.mock('../../../src/main/engine/export/writers/files', async (importOriginal) => {
  const real =
    await importOriginal<typeof import('../../../src/main/engine/export/writers/files')>();
  return {
    ...real,
    writeContent: (c: StoryContent, ...rest: unknown[]) => {
      written.contents.push(c);
      return (real.writeContent as (...a: unknown[]) => unknown)(c, ...rest);
    },
  };
});

const HIDDEN_VALUE = 57.3;
const SMALL: PublishedFigure = {
  slide: 1,
  period: '2025-Q2',
  subject: { kind: 'unit', unitId: 'T3' },
  metric: 'engagement_index',
  n: 3,
  value: HIDDEN_VALUE,
};

function storyWithSmallFigure(): StoryContent {
  const story = handMadeStory();
  story.slides[0]!.published = [
    { ...SMALL, slide: 0, subject: { kind: 'unit', unitId: 'R2' }, n: 20, value: 61.2 },
  ];
  const slide = story.slides[1]!;
  slide.headline = `Store C is lowest at ${HIDDEN_VALUE}`;
  slide.keyFigures.push({
    label: 'Engagement index, Store C',
    value: String(HIDDEN_VALUE),
    raw: HIDDEN_VALUE,
    n: 3,
    status: 'shown',
    note: 'n = 3',
  });
  slide.tables = [
    {
      name: 'Teams',
      columns: ['Team', 'Engagement', 'n', 'NPS'],
      rows: [
        ['Store 1', 50, 38, -10],
        ['Store C', HIDDEN_VALUE, 3, 12],
      ],
    },
  ];
  if (slide.chart?.kind === 'scatter')
    slide.chart.points.push({ label: 'Store C', x: HIDDEN_VALUE, y: 12, n: 3 });
  slide.published = [SMALL];
  return story;
}

let tiny: TinyWorkspace;
beforeAll(async () => {
  tiny = await tinyWorkspace();
}, 60_000);
afterAll(() => tiny.cleanup());

describe('hiding flagged figures with the user consent', () => {
  it('refuses without consent, naming the slide, and says consent is possible', async () => {
    content.story = storyWithSmallFigure();
    written.contents = [];
    const error = (await exportStory(tiny.ctx, { story: 'q2-offsite', format: 'pptx' }).catch(
      (e: unknown) => e,
    )) as Error & { code: string };
    expect(error.code).toBe('EXPORT_REFUSED');
    expect(error.message).toMatch(
      /^Not exported: together these figures would reveal a group smaller than 5 people\.\n- .*Engaged teams, happier customers.*3 people/s,
    );
    expect(written.contents).toHaveLength(0);
  });

  it('with consent writes the deck without the figure anywhere and says one was hidden', async () => {
    content.story = storyWithSmallFigure();
    written.contents = [];
    const { files, hidden } = await exportStory(tiny.ctx, {
      story: 'q2-offsite',
      format: 'pptx',
      hideFlagged: true,
    });
    expect(hidden).toEqual([
      { slide: 2, message: 'Hidden for the export: it would reveal a small group' },
    ]);
    const parts = await officeParts(files[0]!.bytes);
    const everything = [...parts.values()].join('\n');
    expect(everything).not.toContain(String(HIDDEN_VALUE));
    expect(everything).not.toContain('57,3');
    const slide2 = [...parts.entries()]
      .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .map(([, text]) => text)
      .find((text) => text.includes('Engaged teams, happier customers'));
    expect(slide2).toContain('1 figure hidden for the export (disclosure audit)');
    expect(slide2).toContain('Hidden for the export: it would reveal a small group');
    // Slide 1's own figure stays.
    expect(everything).toContain('61.2');

    // The audit passes on exactly what the writers received.
    expect(written.contents).toHaveLength(1);
    const sent = written.contents[0]!;
    const published = sent.slides.flatMap((s) => s.published);
    expect(published).toHaveLength(1);
    const audit = auditExport({
      published,
      slideTitles: sent.slides.map((s) => s.title),
      minGroupSize: sent.minGroupSize,
      populations: await loadAuditTree(tiny.ctx.ws.conn, ['2025-Q2']),
    });
    expect(audit.ok).toBe(true);
  });

  it('with consent the workbook has no cell holding the figure or its n', async () => {
    content.story = storyWithSmallFigure();
    const { files } = await exportStory(tiny.ctx, {
      story: 'q2-offsite',
      format: 'xlsx',
      hideFlagged: true,
    });
    const book = XLSX.read(files[0]!.bytes, { type: 'buffer' });
    const cells = book.SheetNames.flatMap((name) =>
      XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1 }).flat(),
    );
    expect(cells).not.toContain(HIDDEN_VALUE);
    expect(cells.filter((c) => typeof c === 'string' && c.includes(String(HIDDEN_VALUE)))).toEqual(
      [],
    );
    const teamsRow = book.SheetNames.flatMap((name) =>
      XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1 }),
    ).find((row) => row[0] === 'Store C');
    expect(teamsRow).toEqual([
      'Store C',
      'Hidden for the export: it would reveal a small group',
      'Hidden for the export: it would reveal a small group',
      12,
    ]);
  });

  it('a region and all but one of its stores on two slides: one figure hidden, the other slide named', async () => {
    const story = await naiveStory('2025-Q1');
    content.story = story;
    const error = (await exportStory(tiny.ctx, { story: 'q2-offsite', format: 'pptx' }).catch(
      (e: unknown) => e,
    )) as Error & { code: string };
    expect(error.code).toBe('EXPORT_REFUSED');
    const populations = await loadAuditTree(tiny.ctx.ws.conn, ['2025-Q1']);
    const titles = story.slides.map((sl) => sl.title);
    const before = auditExport({
      published: story.slides.flatMap((sl) => sl.published),
      slideTitles: titles,
      minGroupSize: story.minGroupSize,
      populations,
    });
    expect(before.hide).toHaveLength(1);
    const flagged = before.hide[0]!;
    const finding = before.findings.find((f) => f.figures.includes(flagged))!;
    const others = finding.slides.map((r) => r.number).filter((n) => n !== flagged.slide + 1);
    expect(others.length).toBeGreaterThan(0);
    for (const f of before.findings) expect(error.message).toContain(f.message);

    written.contents = [];
    const { files, hidden } = await exportStory(tiny.ctx, {
      story: 'q2-offsite',
      format: 'pptx',
      hideFlagged: true,
    });
    expect(hidden).toEqual([
      {
        slide: flagged.slide + 1,
        message: `Hidden for the export: with slide${others.length > 1 ? 's' : ''} ${others.join(', ')} it would reveal a small group`,
      },
    ]);
    const text = [...(await officeParts(files[0]!.bytes)).values()].join('\n');
    expect(text).not.toContain(String(flagged.value));
    // Every other figure is still printed.
    for (const f of story.slides.flatMap((sl) => sl.published))
      if (f !== flagged) expect(text).toContain(String(f.value));
    const sent = written.contents[0]!;
    expect(
      auditExport({
        published: sent.slides.flatMap((sl) => sl.published),
        slideTitles: titles,
        minGroupSize: sent.minGroupSize,
        populations,
      }).ok,
    ).toBe(true);
  });
});

describe('upstream export --story with and without --hide-flagged', () => {
  it('refuses with the consent hint and writes nothing, then writes with the flag', async () => {
    const other = await tinyWorkspace();
    other.ws.close();
    try {
      content.story = storyWithSmallFigure();
      const out = join(other.dir, 'deck.xlsx');
      const args = ['--workspace', join(other.dir, 'ws.duckdb'), '--story', 'q2-offsite'];
      const refused = (await exportCommand([...args, '--format', 'xlsx', '--out', out]).catch(
        (e: unknown) => e,
      )) as Error & { code: string };
      expect(refused.code).toBe('EXPORT_REFUSED');
      expect(refused.message).toMatch(
        /^Not exported: .*Engaged teams, happier customers.*\nAdd --hide-flagged to hide these figures and export the rest\.$/s,
      );
      expect(readdirSync(other.dir).filter((f) => f.includes('deck'))).toEqual([]);

      await exportCommand([...args, '--format', 'xlsx', '--out', out, '--hide-flagged']);
      expect(existsSync(out)).toBe(true);
    } finally {
      rmSync(other.dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a slide that prints its figures in another form', () => {
  it('a Values heatmap (differences, not the figures) has all its figures withheld', () => {
    const story = handMadeStory();
    const values = story.slides[2]!;
    values.view = 'values';
    const figure = { ...SMALL, slide: 2, metric: 'integrity', value: 64 };
    values.published = [figure, { ...figure, subject: { kind: 'unit', unitId: 'R2' }, n: 20 }];
    const { content: left, hidden } = withholdFigures(story, [figure], []);
    const slide = left.slides[2]!;
    expect(hidden).toEqual([
      { slide: 3, message: 'Hidden for the export: it would reveal a small group' },
    ]);
    expect(slide.chart).toBeNull();
    expect(slide.published).toEqual([]);
    expect(slide.keyFigures.map((k) => k.status)).toEqual(['suppressed']);
    expect(slide.footnote).toMatch(/^1 figure hidden for the export \(disclosure audit\)\. /);
    // The other slides are untouched.
    expect(left.slides.filter((_, i) => i !== 2)).toEqual(story.slides.filter((_, i) => i !== 2));
  });
});

/**
 * Published by the naive rule (every unit of at least 5 respondents, one slide per level): the
 * company, its regions, its stores, each a key figure with a value no other figure has.
 */
async function naiveStory(period: string): Promise<StoryContent> {
  const counts = await queryRows<{ unit_id: string; n: number }>(
    tiny.ctx.ws.conn,
    `SELECT c.ancestor_id AS unit_id, count(*)::INTEGER AS n
     FROM survey_respondents r JOIN org_closure c
       ON c.descendant_id = r.unit_id AND c.effective_from = hierarchy_for(r.period)
     WHERE r.period = $period GROUP BY ALL`,
    { period },
  );
  const nOf = new Map(counts.map((c) => [c.unit_id, c.n]));
  const answer = await dispatch('hierarchy', { period }, tiny.ctx);
  if (!answer.ok) throw new Error(answer.error.message);
  const units = (answer.value as { units: { id: string; name: string; parentId: string | null }[] })
    .units;
  const depth = (id: string): number => {
    const parent = units.find((u) => u.id === id)!.parentId;
    return parent === null ? 0 : 1 + depth(parent);
  };
  const story = handMadeStory();
  story.slides = story.slides.slice(0, 3).map((slide, level) => {
    const shown = units.filter((u) => depth(u.id) === level && (nOf.get(u.id) ?? 0) >= 5);
    const figures = shown.map((u, i) => ({
      slide: level,
      period,
      subject: { kind: 'unit' as const, unitId: u.id },
      metric: 'respondents',
      n: nOf.get(u.id)!,
      // Distinct from every other number in the deck, so it can be looked for.
      value: 9000 + level * 100 + i * 7,
    }));
    return {
      ...slide,
      view: 'overview',
      title: ['Company', 'Regions', 'Stores'][level]!,
      headline: null,
      chart: null,
      tables: [],
      keyFigures: figures.map((f, i) => ({
        label: shown[i]!.name,
        value: String(f.value),
        raw: f.value,
        n: f.n,
        status: 'shown' as const,
      })),
      published: figures,
    };
  });
  return story;
}
