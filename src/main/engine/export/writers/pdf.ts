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
  if (slide.problem) {
    doc.rect(CHART.x, CHART.y, CHART.width, CHART.height).fillAndStroke('#fff4e5', '#D55E00');
    doc.font('bold').fontSize(18).fillColor(TEXT);
    doc.text('This slide cannot be drawn', CHART.x + 24, CHART.y + 40, { width: CHART.width - 48 });
    doc
      .font('body')
      .fontSize(15)
      .text(slide.problem, { width: CHART.width - 48 });
  } else if (slide.chart) {
    const png = svgToPng(chartSvg(slide.chart, 1200, 636), 1200);
    doc.image(png, CHART.x, CHART.y, { width: CHART.width, height: CHART.height });
  }
  let y = CHART.y;
  const x = 670;
  const width = 250;
  for (const figure of slide.keyFigures) {
    if (y > 420) break;
    doc.font('body').fontSize(12).fillColor(MUTED).text(figure.label, x, y, { width });
    doc.font('bold').fontSize(26).fillColor(TEXT).text(figure.value, x, doc.y, { width });
    const detail = figureDetail(figure);
    if (detail) doc.font('body').fontSize(12).fillColor(MUTED).text(detail, x, doc.y, { width });
    y = doc.y + 12;
  }
  const predict = predictLines(slide);
  if (predict.length) {
    doc.font('body').fontSize(12).fillColor(TEXT);
    doc.text(predict.join('\n'), x, y, { width, height: 450 - y, ellipsis: true });
  }
  if (slide.note) {
    doc.font('body').fontSize(12).fillColor(TEXT);
    doc.text(slide.note, MARGIN, 462, { width: 880, height: 32, ellipsis: true });
  }
  doc.font('body').fontSize(12).fillColor(MUTED);
  doc.text(slide.footnote, MARGIN, 496, { width: 840, height: 34, ellipsis: true });
  doc.text(`${slide.index + 1}`, 880, 16, { width: 40, align: 'right', lineBreak: false });
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
