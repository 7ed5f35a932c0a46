import type { SlideContent, StoryContent } from '../content';
import { chartElements } from './chartSvg';
import { figureDetail, predictLines } from './describe';
import { FONT_FAMILY } from './fonts';
import { escapeXml, textBlock, wrapText } from './text';

/** Slides are laid out on a 1920x1080 canvas and scaled for 4K; text sizes are for a projector. */
export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;
const MARGIN = 80;
const MUTED = '#4a4a4a';
const FIGURES_X = 1360;

function page(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" viewBox="0 0 ${SLIDE_WIDTH} ${SLIDE_HEIGHT}" font-family="${FONT_FAMILY}"><rect width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" fill="#ffffff"/><rect width="${SLIDE_WIDTH}" height="12" fill="#0072B2"/>${body}</svg>`;
}

/** One story slide, light theme, as an SVG document. */
export function slideSvg(slide: SlideContent, story: Pick<StoryContent, 'title'>): string {
  let body = textBlock(wrapText(slide.title, SLIDE_WIDTH - 2 * MARGIN, 56, 1), MARGIN, 110, 56, {
    weight: 'bold',
  });
  body += textBlock(wrapText(slide.subtitle, SLIDE_WIDTH - 2 * MARGIN, 30, 1), MARGIN, 160, 30, {
    fill: MUTED,
  });
  let top = 220;
  if (slide.headline) {
    const lines = wrapText(slide.headline, SLIDE_WIDTH - 2 * MARGIN, 34, 2);
    body += textBlock(lines, MARGIN, top + 10, 34);
    top += lines.length * 42 + 10;
  }
  const figuresTop = top + 10;
  const predict = predictLines(slide);
  if (predict.length) {
    const width = FIGURES_X - MARGIN - 60;
    const lines = predict.flatMap((l) => wrapText(l, width - 40, 26, 2));
    const height = lines.length * 34 + 28;
    body += `<rect x="${MARGIN}" y="${top + 16}" width="${width}" height="${height}" rx="8" fill="#eef4fa"/>`;
    body += textBlock(lines, MARGIN + 20, top + 52, 26, { lineHeight: 34 });
    top += height + 16;
  }
  const chartBox = { x: MARGIN, y: top + 10, width: FIGURES_X - MARGIN - 60, height: 900 - top };
  if (slide.problem) {
    body += `<rect x="${chartBox.x}" y="${chartBox.y}" width="${chartBox.width}" height="${chartBox.height}" fill="#fff4e5" stroke="#D55E00" stroke-width="3"/>`;
    body += textBlock(
      ['This slide cannot be drawn', ...wrapText(slide.problem, chartBox.width - 80, 32, 4)],
      chartBox.x + 40,
      chartBox.y + 80,
      32,
      { lineHeight: 48 },
    );
  } else if (slide.chart) {
    body += chartElements(slide.chart, chartBox);
  }
  body += figures(slide, figuresTop);
  const bottomLines: string[] = [];
  if (slide.note) bottomLines.push(...wrapText(slide.note, SLIDE_WIDTH - 2 * MARGIN, 26, 2));
  body += textBlock(bottomLines, MARGIN, 936, 26, { fill: '#1a1a1a', lineHeight: 32 });
  body += textBlock(wrapText(slide.footnote, SLIDE_WIDTH - 2 * MARGIN, 24, 2), MARGIN, 1012, 24, {
    fill: MUTED,
    lineHeight: 30,
  });
  body += `<text x="${SLIDE_WIDTH - MARGIN}" y="56" font-size="24" fill="${MUTED}" text-anchor="end">${escapeXml(
    `${story.title.length > 40 ? `${story.title.slice(0, 39)}…` : story.title} · ${slide.index + 1}`,
  )}</text>`;
  return page(body);
}

/** The figures column: as many key figures as fit above the note, each with its n. */
function figures(slide: SlideContent, top: number): string {
  const width = SLIDE_WIDTH - MARGIN - FIGURES_X;
  const bottom = 905;
  let y = top + 40;
  let out = '';
  for (const figure of slide.keyFigures) {
    const detail = wrapText(figureDetail(figure), width, 24, 2);
    const height = 100 + detail.length * 30;
    if (y + height - 26 > bottom) break;
    out += textBlock(wrapText(figure.label, width, 26, 1), FIGURES_X, y, 26, { fill: MUTED });
    out += textBlock([figure.value], FIGURES_X, y + 66, 60, { weight: 'bold' });
    out += textBlock(detail, FIGURES_X, y + 102, 24, { fill: MUTED, lineHeight: 30 });
    y += height + 16;
  }
  return out;
}
