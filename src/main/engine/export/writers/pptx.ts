import PptxGenJS from 'pptxgenjs';
import type { SlideChart, SlideContent, StoryContent } from '../content';
import { heatCell, SERIES_COLOURS } from '../render/chartSvg';
import { COMMITMENT_COLUMNS, commitmentRows, figureDetail, predictLines } from '../render/describe';

const TEXT = '1A1A1A';
const MUTED = '4A4A4A';
const FONT = 'Arial';
const colour = (hex: string) => hex.replace('#', '').toUpperCase();

/**
 * The story as a PowerPoint deck: a title slide, one slide per story slide with its chart as a
 * native chart (editable in PowerPoint; a heatmap as a coloured table), the speaker note as the
 * slide's notes, and a closing slide of commitments. Document properties name only the story and
 * Upstream, so a masked deck carries no person's name in its metadata either.
 */
export async function writePptx(story: StoryContent): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = story.title;
  pptx.subject = 'Upstream story';
  pptx.author = 'Upstream';
  pptx.company = 'Upstream';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

  titleSlide(pptx, story);
  for (const slide of story.slides) storySlide(pptx, slide);
  commitmentsSlide(pptx, story);

  const bytes = await pptx.write({ outputType: 'nodebuffer' });
  return Buffer.from(bytes as Uint8Array);
}

function titleSlide(pptx: PptxGenJS, story: StoryContent): void {
  const slide = pptx.addSlide();
  slide.addText(story.title, {
    x: 0.8,
    y: 2.4,
    w: 11.7,
    h: 1.4,
    fontSize: 44,
    bold: true,
    color: TEXT,
    fontFace: FONT,
  });
  const lines = [
    `${story.slides.length} slides · prepared with Upstream · ${story.generatedAt.slice(0, 10)}`,
    story.masked ? 'Unit and leader names are masked.' : '',
    `Employee figures are shown only for groups of at least ${story.minGroupSize} people.`,
  ].filter(Boolean);
  slide.addText(lines.join('\n'), {
    x: 0.8,
    y: 4.0,
    w: 11.7,
    h: 1.5,
    fontSize: 20,
    color: MUTED,
    fontFace: FONT,
    valign: 'top',
  });
}

function storySlide(pptx: PptxGenJS, content: SlideContent): void {
  const slide = pptx.addSlide();
  slide.addText(content.title, {
    x: 0.5,
    y: 0.25,
    w: 12.3,
    h: 0.7,
    fontSize: 30,
    bold: true,
    color: TEXT,
    fontFace: FONT,
    fit: 'shrink',
  });
  slide.addText(content.subtitle, {
    x: 0.5,
    y: 0.95,
    w: 12.3,
    h: 0.45,
    fontSize: 18,
    color: MUTED,
    fontFace: FONT,
  });
  if (content.headline) {
    slide.addText(content.headline, {
      x: 0.5,
      y: 1.4,
      w: 12.3,
      h: 0.6,
      fontSize: 20,
      color: TEXT,
      fontFace: FONT,
      fit: 'shrink',
    });
  }
  const chartArea = { x: 0.5, y: 2.1, w: 8.4, h: 4.2 };
  if (content.problem) {
    slide.addText(`This slide cannot be drawn: ${content.problem}`, {
      ...chartArea,
      fontSize: 22,
      color: TEXT,
      fill: { color: 'FFF4E5' },
      line: { color: 'D55E00', width: 2 },
      fontFace: FONT,
      align: 'center',
    });
  } else if (content.chart) {
    addChart(pptx, slide, content.chart, chartArea);
  }
  const figureRuns: PptxGenJS.TextProps[] = [];
  for (const figure of content.keyFigures) {
    figureRuns.push(
      { text: figure.label, options: { fontSize: 14, color: MUTED, breakLine: true } },
      { text: figure.value, options: { fontSize: 30, bold: true, color: TEXT, breakLine: true } },
      {
        text: figureDetail(figure) || ' ',
        options: { fontSize: 12, color: MUTED, breakLine: true },
      },
    );
  }
  for (const line of predictLines(content)) {
    figureRuns.push({ text: line, options: { fontSize: 13, color: TEXT, breakLine: true } });
  }
  if (figureRuns.length) {
    slide.addText(figureRuns, {
      x: 9.2,
      y: 2.1,
      w: 3.6,
      h: 4.2,
      valign: 'top',
      fontFace: FONT,
      fit: 'shrink',
    });
  }
  if (content.note) {
    slide.addText(content.note, {
      x: 0.5,
      y: 6.35,
      w: 12.3,
      h: 0.55,
      fontSize: 14,
      color: TEXT,
      fontFace: FONT,
      fit: 'shrink',
    });
  }
  slide.addText(content.footnote, {
    x: 0.5,
    y: 6.9,
    w: 12.3,
    h: 0.5,
    fontSize: 12,
    color: MUTED,
    fontFace: FONT,
    fit: 'shrink',
  });
  const notes = [content.speakerNote, ...predictLines(content)].filter(Boolean).join('\n\n');
  if (notes) slide.addNotes(notes);
}

type Area = { x: number; y: number; w: number; h: number };

function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, chart: SlideChart, area: Area): void {
  const axisOptions = {
    showCatAxisTitle: true,
    showValAxisTitle: true,
    catAxisLabelFontSize: 12,
    valAxisLabelFontSize: 12,
    catAxisTitleFontSize: 13,
    valAxisTitleFontSize: 13,
    chartColors: SERIES_COLOURS.map(colour),
  };
  if (chart.kind === 'line' || chart.kind === 'bar') {
    const data = chart.series.map((s) => ({
      name: s.name,
      labels: chart.categories,
      values: s.values as number[],
    }));
    slide.addChart(chart.kind === 'line' ? pptx.ChartType.line : pptx.ChartType.bar, data, {
      ...area,
      ...axisOptions,
      barDir: 'col',
      catAxisTitle: chart.xLabel,
      valAxisTitle: chart.yLabel,
      showLegend: chart.series.length > 1,
      legendPos: 't',
      lineDataSymbolSize: 8,
    });
    return;
  }
  if (chart.kind === 'scatter') {
    const data = [
      { name: chart.xLabel, values: chart.points.map((p) => p.x) },
      {
        name: chart.yLabel,
        values: chart.points.map((p) => p.y),
        labels: chart.points.map((p) => p.label),
      },
    ];
    slide.addChart(pptx.ChartType.scatter, data, {
      ...area,
      ...axisOptions,
      catAxisTitle: chart.xLabel,
      valAxisTitle: chart.yLabel,
      lineSize: 0,
      lineDataSymbolSize: 9,
      showLegend: false,
    });
    return;
  }
  const header: PptxGenJS.TableCell[] = [
    { text: chart.rowLabel, options: { bold: true } },
    ...chart.columns.map((c) => ({ text: c, options: { bold: true, align: 'center' as const } })),
  ];
  const rows: PptxGenJS.TableRow[] = chart.rows.map((row, i) => [
    { text: row },
    ...chart.columns.map((_, j) => {
      const v = chart.cells[i]?.[j] ?? null;
      const cell = v === null ? { fill: '#e0e0e0', ink: '#1a1a1a', text: '–' } : heatCell(chart, v);
      return {
        text: cell.text,
        options: {
          align: 'center' as const,
          color: colour(cell.ink),
          fill: { color: colour(cell.fill) },
        },
      };
    }),
  ]);
  slide.addTable([header, ...rows], {
    ...area,
    fontSize: Math.max(12, Math.min(16, 160 / Math.max(1, chart.rows.length))),
    fontFace: FONT,
    color: TEXT,
    border: { type: 'solid', pt: 0.5, color: 'FFFFFF' },
    autoPage: false,
  });
}

const COMMITMENTS_PER_SLIDE = 8;

/** The closing slide (more than one when the room committed to many things). */
function commitmentsSlide(pptx: PptxGenJS, story: StoryContent): void {
  const rows = commitmentRows(story);
  for (let start = 0; start === 0 || start < rows.length; start += COMMITMENTS_PER_SLIDE) {
    const slide = pptx.addSlide();
    slide.addText(start === 0 ? 'Commitments' : 'Commitments (continued)', {
      x: 0.5,
      y: 0.3,
      w: 12.3,
      h: 0.8,
      fontSize: 32,
      bold: true,
      color: TEXT,
      fontFace: FONT,
    });
    if (rows.length === 0) {
      slide.addText('No commitments recorded yet.', {
        x: 0.5,
        y: 1.4,
        w: 12.3,
        h: 0.6,
        fontSize: 20,
        color: MUTED,
        fontFace: FONT,
      });
      return;
    }
    slide.addTable(
      [
        COMMITMENT_COLUMNS.map((c) => ({
          text: c,
          options: { bold: true, fill: { color: 'E8EEF5' } },
        })),
        ...rows.slice(start, start + COMMITMENTS_PER_SLIDE).map((r) => r.map((text) => ({ text }))),
      ],
      {
        x: 0.5,
        y: 1.3,
        w: 12.3,
        fontSize: 14,
        fontFace: FONT,
        color: TEXT,
        autoPage: false,
        border: { type: 'solid', pt: 0.5, color: 'BBBBBB' },
        colW: [5.3, 2.2, 1.4, 1.2, 2.2],
      },
    );
  }
}
