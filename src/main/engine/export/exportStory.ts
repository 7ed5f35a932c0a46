import type { ExportFormat } from '../../../shared/exportRequest';
import { UpstreamError } from '../../../shared/result';
import type { EngineContext } from '../handlers/context';
import { buildStoryContent, buildViewContent } from './buildStoryContent';
import type { StoryContent } from './content';
import { auditExport, loadAuditTree, type AuditResult } from './disclosureAudit';
import { withholdFigures, type HiddenFigure } from './withholdFigures';
import { pickSlide, writeContent, type ExportedFile, type OnProgress } from './writers/files';
import type { PngSize } from './writers/png';

export type { HiddenFigure } from './withholdFigures';

/** What an export gives back: its files and the figures withheld with the user's consent. */
export interface ExportResult {
  files: ExportedFile[];
  hidden: HiddenFigure[];
}

export type { ExportedFile } from './writers/files';

export interface StoryExportOptions {
  story: string;
  format: ExportFormat;
  /** Default: the story's own masking setting. */
  masked?: boolean;
  /** 1-based: only this slide. */
  slide?: number;
  size?: PngSize;
  /** The user's consent: withhold the figures the disclosure audit names instead of refusing. */
  hideFlagged?: boolean;
}

export interface ViewExportOptions {
  /** A dashboard state: '#/linkage?period=2026-Q2&lag=1'. */
  state: string;
  format: ExportFormat;
  masked?: boolean;
  size?: PngSize;
  hideFlagged?: boolean;
}

/**
 * A story as files: its content built from the engine's answers (masked as a whole when asked),
 * the disclosure audit run over every figure it publishes, and only then the bytes written.
 */
export async function exportStory(
  ctx: EngineContext,
  options: StoryExportOptions,
  onProgress: OnProgress = () => undefined,
): Promise<ExportResult> {
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
): Promise<ExportResult> {
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
  options: { format: ExportFormat; size?: PngSize; hideFlagged?: boolean },
  onProgress: OnProgress,
): Promise<ExportResult> {
  const total = content.slides.length;
  onProgress({ stage: 'audit', done: 0, total, message: 'Checking the figures together' });
  const audit = await auditContent(ctx, content);
  let written = content;
  let hidden: HiddenFigure[] = [];
  if (!audit.ok) {
    if (!options.hideFlagged || audit.hide.length === 0) throw refusal(content, audit, true);
    ({ content: written, hidden } = withholdFigures(content, audit.hide, audit.findings));
    const again = await auditContent(ctx, written);
    if (!again.ok) throw refusal(written, again, false);
    onProgress({ stage: 'audit', done: 0, total, message: hiddenWords(hidden.length) });
  }
  const files = await writeContent(written, options, onProgress);
  onProgress({ stage: 'done', done: total, total, message: `${files.length} file(s) ready` });
  return { files, hidden };
}

const hiddenWords = (n: number) =>
  `${n === 1 ? '1 figure' : `${n} figures`} hidden for the export (disclosure audit)`;

/** Slide titles by each slide's place in the whole story (one slide may be exported alone). */
function titlesByIndex(content: StoryContent): string[] {
  const byIndex = new Map(content.slides.map((s) => [s.index, s.title]));
  const last = Math.max(0, ...byIndex.keys());
  return Array.from({ length: last + 1 }, (_, i) => byIndex.get(i) ?? '');
}

/**
 * The disclosure audit over the whole export (every slide's figures, as an attacker holding
 * them all would combine them), before any byte is written.
 */
async function auditContent(ctx: EngineContext, content: StoryContent): Promise<AuditResult> {
  const published = content.slides.flatMap((s) => s.published);
  if (published.length === 0) return { ok: true, findings: [], hide: [] };
  const populations = await loadAuditTree(ctx.ws.conn, [
    ...new Set(published.map((f) => f.period)),
  ]);
  return auditExport({
    published,
    slideTitles: titlesByIndex(content),
    minGroupSize: content.minGroupSize,
    populations,
  });
}

/**
 * An export that would pin down a group under the minimum is refused, naming the slides and the
 * figures. EXPORT_REFUSED tells the caller the user may consent to hiding them (`hideFlagged`);
 * each caller says how (the CLI's --hide-flagged, the app's button).
 */
function refusal(content: StoryContent, audit: AuditResult, hideable: boolean): UpstreamError {
  const message = `Not exported: together these figures would reveal a group smaller than ${content.minGroupSize} people.\n${audit.findings
    .map((f) => `- ${f.message}`)
    .join('\n')}`;
  return hideable && audit.hide.length > 0
    ? new UpstreamError('EXPORT_REFUSED', message)
    : new UpstreamError('INVALID_ARGUMENTS', message);
}
