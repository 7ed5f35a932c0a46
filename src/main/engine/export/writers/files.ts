import {
  EXPORT_MIME,
  type ExportFormat,
  type ExportProgressEvent,
} from '../../../../shared/exportRequest';
import { UpstreamError } from '../../../../shared/result';
import type { SlideTable, StoryContent } from '../content';
import { safeFileName } from '../safeWrite';
import { writeCsv } from './csv';
import { writePdf } from './pdf';
import { writeSlidePng, type PngSize } from './png';
import { writePptx } from './pptx';
import { writeStoryXlsx } from './xlsx';

export interface ExportedFile {
  /** A file name made from the story title, safe on every system. */
  name: string;
  bytes: Buffer;
  mime: string;
  /** Which part of a many-file export this is ('01' for slide 1's PNG); null for a single file. */
  part: string | null;
}

export interface WriteOptions {
  format: ExportFormat;
  /** 1-based: only this slide. */
  slide?: number;
  size?: PngSize;
}

export type OnProgress = (event: ExportProgressEvent) => void;

/** Only the slide asked for (1-based), or every slide. */
export function pickSlide(content: StoryContent, slide: number | undefined): StoryContent {
  if (slide === undefined) return content;
  const chosen = content.slides[slide - 1];
  if (!Number.isInteger(slide) || !chosen) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `There is no slide ${slide}: '${content.name}' has ${content.slides.length} slide${content.slides.length === 1 ? '' : 's'}.`,
    );
  }
  return { ...content, slides: [chosen] };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The files of an export from content already built, checked and (when asked) masked: one file
 * for a deck, a PDF or a workbook; one PNG per slide; one CSV per table.
 */
export async function writeContent(
  content: StoryContent,
  options: WriteOptions,
  onProgress: OnProgress = () => undefined,
): Promise<ExportedFile[]> {
  const base = safeFileName(content.title);
  const mime = EXPORT_MIME[options.format];
  const total = content.slides.length;
  const progress = (done: number, message: string) =>
    onProgress({ stage: 'writing', done, total, message });
  const one = (bytes: Buffer): ExportedFile[] => [
    { name: `${base}.${options.format}`, bytes, mime, part: null },
  ];
  switch (options.format) {
    case 'pptx':
      progress(0, `Writing ${total} slides to PowerPoint`);
      return one(await writePptx(content));
    case 'pdf':
      progress(0, `Writing ${total} slides to PDF`);
      return one(await writePdf(content));
    case 'xlsx':
      progress(0, 'Writing the tables to a workbook');
      return one(writeStoryXlsx(content));
    case 'png': {
      const files: ExportedFile[] = [];
      for (const slide of content.slides) {
        progress(files.length, `Drawing slide ${slide.index + 1}`);
        const part = pad(slide.index + 1);
        files.push({
          name: total === 1 ? `${base}.png` : `${base}-${part}.png`,
          bytes: writeSlidePng(slide, content, options.size),
          mime,
          part: total === 1 ? null : part,
        });
      }
      return files;
    }
    case 'csv': {
      const tables: { table: SlideTable; part: string }[] = content.slides.flatMap((slide) =>
        slide.tables.map((table, i) => ({
          table,
          part: slide.tables.length > 1 ? `${pad(slide.index + 1)}-${i + 1}` : pad(slide.index + 1),
        })),
      );
      if (tables.length === 0) {
        throw new UpstreamError(
          'INVALID_ARGUMENTS',
          total === 1
            ? `Slide '${content.slides[0]?.title}' has no table to write as CSV.`
            : `'${content.title}' has no table to write as CSV.`,
        );
      }
      progress(0, `Writing ${tables.length} table${tables.length === 1 ? '' : 's'} as CSV`);
      return tables.map(({ table, part }) => ({
        name: tables.length === 1 ? `${base}.csv` : `${base}-${part}.csv`,
        bytes: writeCsv(table),
        mime,
        part: tables.length === 1 ? null : part,
      }));
    }
  }
}

/** Where each file goes when the user named one: deck.png gives deck-01.png, deck-02.png... */
export function outputPaths(out: string, files: ExportedFile[]): string[] {
  const dot = out.lastIndexOf('.');
  const slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
  const [stem, ext] = dot > slash ? [out.slice(0, dot), out.slice(dot)] : [out, ''];
  return files.map((f) => (f.part === null ? out : `${stem}-${f.part}${ext}`));
}
