import type { ExportFormat } from '../../../shared/exportRequest';
import { UpstreamError } from '../../../shared/result';
import type { EngineContext } from '../handlers/context';
import { buildStoryContent, buildViewContent } from './buildStoryContent';
import type { StoryContent } from './content';
import { auditExport, loadAuditTree } from './disclosureAudit';
import { pickSlide, writeContent, type ExportedFile, type OnProgress } from './writers/files';
import type { PngSize } from './writers/png';

export type { ExportedFile } from './writers/files';

export interface StoryExportOptions {
  story: string;
  format: ExportFormat;
  /** Default: the story's own masking setting. */
  masked?: boolean;
  /** 1-based: only this slide. */
  slide?: number;
  size?: PngSize;
}

export interface ViewExportOptions {
  /** A dashboard state: '#/linkage?period=2026-Q2&lag=1'. */
  state: string;
  format: ExportFormat;
  masked?: boolean;
  size?: PngSize;
}

/**
 * A story as files: its content built from the engine's answers (masked as a whole when asked),
 * the disclosure audit run over every figure it publishes, and only then the bytes written.
 */
export async function exportStory(
  ctx: EngineContext,
  options: StoryExportOptions,
  onProgress: OnProgress = () => undefined,
): Promise<{ files: ExportedFile[] }> {
  onProgress({ stage: 'content', done: 0, total: 0, message: `Reading '${options.story}'` });
  const all = await buildStoryContent(ctx, { story: options.story, masked: options.masked });
  const content = pickSlide(all, options.slide);
  return finish(ctx, content, options, onProgress);
}

/** One dashboard state as files: a PNG of the view, or the table behind it (XLSX, CSV). */
export async function exportView(
  ctx: EngineContext,
  options: ViewExportOptions,
  onProgress: OnProgress = () => undefined,
): Promise<{ files: ExportedFile[] }> {
  onProgress({ stage: 'content', done: 0, total: 1, message: 'Reading the view' });
  const slide = await buildViewContent(ctx, options.state, { masked: options.masked });
  const content: StoryContent = {
    name: slide.view,
    title: slide.title,
    masked: options.masked ?? false,
    minGroupSize: await ctx.ws.minGroupSize(),
    generatedAt: new Date().toISOString(),
    slides: [slide],
    commitments: [],
    story: { id: 'view', name: slide.view },
  };
  return finish(ctx, content, options, onProgress);
}

async function finish(
  ctx: EngineContext,
  content: StoryContent,
  options: { format: ExportFormat; size?: PngSize },
  onProgress: OnProgress,
): Promise<{ files: ExportedFile[] }> {
  const total = content.slides.length;
  onProgress({ stage: 'audit', done: 0, total, message: 'Checking the figures together' });
  await refuseDisclosures(ctx, content);
  const files = await writeContent(content, options, onProgress);
  onProgress({ stage: 'done', done: total, total, message: `${files.length} file(s) ready` });
  return { files };
}

/** Slide titles by each slide's place in the whole story (one slide may be exported alone). */
function titlesByIndex(content: StoryContent): string[] {
  const byIndex = new Map(content.slides.map((s) => [s.index, s.title]));
  const last = Math.max(0, ...byIndex.keys());
  return Array.from({ length: last + 1 }, (_, i) => byIndex.get(i) ?? '');
}

/**
 * The disclosure audit over the whole export (every slide's figures, as an attacker holding
 * them all would combine them): an export that would pin down a group under the minimum is
 * refused before any byte is written, naming the slides and the figures.
 */
async function refuseDisclosures(ctx: EngineContext, content: StoryContent): Promise<void> {
  const published = content.slides.flatMap((s) => s.published);
  if (published.length === 0) return;
  const populations = await loadAuditTree(ctx.ws.conn, [
    ...new Set(published.map((f) => f.period)),
  ]);
  const result = auditExport({
    published,
    slideTitles: titlesByIndex(content),
    minGroupSize: content.minGroupSize,
    populations,
  });
  if (result.ok) return;
  throw new UpstreamError(
    'INVALID_ARGUMENTS',
    `Not exported: together these figures would reveal a group smaller than ${content.minGroupSize} people.\n${result.findings
      .map((f) => `- ${f.message}`)
      .join('\n')}`,
  );
}
