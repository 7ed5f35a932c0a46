import PDFDocument from 'pdfkit';
import type { SlideContent, StoryContent } from '../content';
import { chartSvg } from '../render/chartSvg';
import { COMMITMENT_COLUMNS, commitmentRows, figureDetail, predictLines } from '../render/describe';
import { fontFiles } from '../render/fonts';
import { svgToPng } from '../render/rasterise';

/** A 16:9 landscape page in points (13.33 x 7.5 inches, as the PowerPoint deck). */
const PAGE: [number, number] = [960, 540];
const MARGIN = 40;
const TEXT = '#1a1a1a';
const MUTED = '#4a4a4a';
const CHART = { x: MARGIN, y: 132, width: 600, height: 318 };

/**
 * The story as a PDF: a title page, one landscape page per slide with its words as real text
 * (searchable, selectable) and its chart drawn as a picture in the chart area, then commitments.
 * Document info names only the story and Upstream.
 */
export function writePdf(story: StoryContent): Promise<Buffer> {
  const fonts = fontFiles();
  const doc = new PDFDocument({
    size: PAGE,
    // No bottom margin: the footnote sits low on the page and must not start a new one.
    margins: { top: 20, bottom: 0, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    info: {
      Title: story.title,
      Author: 'Upstream',
      Subject: 'Upstream story',
      Keywords: 'Upstream, story',
      Creator: 'Upstream',
      Producer: 'Upstream',
    },
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titlePage(doc, story);
  for (const slide of story.slides) slidePage(doc, slide);
  commitmentsPage(doc, story);
  doc.end();
  return done;
}

function titlePage(doc: PDFKit.PDFDocument, story: StoryContent): void {
  doc.addPage();
  doc.font('bold').fontSize(34).fillColor(TEXT).text(story.title, MARGIN, 170, { width: 880 });
  doc
    .font('body')
    .fontSize(16)
    .fillColor(MUTED)
    .text(
      [
        `${story.slides.length} slides · prepared with Upstream · ${story.generatedAt.slice(0, 10)}`,
        story.masked ? 'Unit and leader names are masked.' : '',
        `Employee figures are shown only for groups of at least ${story.minGroupSize} people.`,
      ]
        .filter(Boolean)
        .join('\n'),
      { width: 880 },
    );
}

function slidePage(doc: PDFKit.PDFDocument, slide: SlideContent): void {
  doc.addPage();
  doc.rect(0, 0, PAGE[0], 6).fill('#0072B2');
  doc.font('bold').fontSize(24).fillColor(TEXT);
  doc.text(slide.title, MARGIN, 26, { width: 880, height: 32, ellipsis: true, lineBreak: false });
  doc.font('body').fontSize(13).fillColor(MUTED);
  doc.text(slide.subtitle, MARGIN, 62, {
    width: 880,
    height: 18,
    ellipsis: true,
    lineBreak: false,
  });
  if (slide.headline) {
    doc.fontSize(15).fillColor(TEXT);
    doc.text(slide.headline, MARGIN, 88, { width: 880, height: 40, ellipsis: true });
  }
  const chart = { ...CHART };
  const predict = predictLines(slide);
  if (predict.length) {
    doc.font('body').fontSize(12);
    const text = predict.join('\n');
    const height = doc.heightOfString(text, { width: CHART.width - 20 }) + 12;
    doc.rect(CHART.x, CHART.y, CHART.width, height).fill('#eef4fa');
    doc.fillColor(TEXT).text(text, CHART.x + 10, CHART.y + 6, { width: CHART.width - 20 });
    chart.y += height + 8;
    chart.height -= height + 8;
  }
  if (slide.problem) {
    doc.rect(chart.x, chart.y, chart.width, chart.height).fillAndStroke('#fff4e5', '#D55E00');
    doc.font('bold').fontSize(18).fillColor(TEXT);
    doc.text('This slide cannot be drawn', chart.x + 24, chart.y + 40, { width: chart.width - 48 });
    doc
      .font('body')
      .fontSize(15)
      .text(slide.problem, { width: chart.width - 48 });
  } else if (slide.chart) {
    const pixels = Math.round((1200 * chart.height) / chart.width);
    const png = svgToPng(chartSvg(slide.chart, 1200, pixels), 1200);
    doc.image(png, chart.x, chart.y, { width: chart.width, height: chart.height });
  }
  figuresColumn(doc, slide);
  if (slide.note) {
    doc.font('body').fontSize(12).fillColor(TEXT);
    doc.text(slide.note, MARGIN, 462, { width: 880, height: 32, ellipsis: true });
  }
  doc.font('body').fontSize(12).fillColor(MUTED);
  doc.text(slide.footnote, MARGIN, 496, { width: 840, height: 34, ellipsis: true });
  doc.text(`${slide.index + 1}`, 880, 16, { width: 40, align: 'right', lineBreak: false });
}

/** Key figures beside the chart, as many as fit above the note, each with its n. */
function figuresColumn(doc: PDFKit.PDFDocument, slide: SlideContent): void {
  const x = 670;
  const width = 250;
  const bottom = 452;
  let y = CHART.y;
  for (const figure of slide.keyFigures) {
    const detail = figureDetail(figure);
    doc.font('body').fontSize(12);
    const detailHeight = detail ? doc.heightOfString(detail, { width }) : 0;
    if (y + 15 + 32 + detailHeight > bottom) break;
    doc.fillColor(MUTED).text(figure.label, x, y, { width });
    doc.font('bold').fontSize(26).fillColor(TEXT).text(figure.value, x, doc.y, { width });
    if (detail) doc.font('body').fontSize(12).fillColor(MUTED).text(detail, x, doc.y, { width });
    y = doc.y + 10;
  }
}

function commitmentsPage(doc: PDFKit.PDFDocument, story: StoryContent): void {
  doc.addPage();
  doc.font('bold').fontSize(26).fillColor(TEXT).text('Commitments', MARGIN, 30);
  const rows = commitmentRows(story);
  if (rows.length === 0) {
    doc.font('body').fontSize(15).fillColor(MUTED).text('No commitments recorded yet.', MARGIN, 90);
    return;
  }
  const widths = [380, 150, 90, 70, 190];
  const drawRow = (cells: string[], font: 'body' | 'bold', y: number): number => {
    doc.font(font).fontSize(12).fillColor(TEXT);
    let x = MARGIN;
    let bottom = y;
    cells.forEach((cell, i) => {
      const width = (widths[i] ?? 100) - 10;
      doc.text(cell, x, y, { width });
      bottom = Math.max(bottom, doc.y);
      x += widths[i] ?? 100;
    });
    return bottom + 8;
  };
  let y = drawRow(COMMITMENT_COLUMNS, 'bold', 84);
  for (const row of rows) {
    if (y > 500) {
      doc.addPage();
      y = drawRow(COMMITMENT_COLUMNS, 'bold', 40);
    }
    y = drawRow(row, 'body', y);
  }
}
