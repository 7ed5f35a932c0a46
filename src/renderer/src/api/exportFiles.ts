import type { Result } from '../../../shared/result';

/** The files a story can be exported to from the app. */
export const STORY_EXPORT_FORMATS = ['pptx', 'pdf', 'xlsx', 'png'] as const;
export type StoryExportFormat = (typeof STORY_EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<StoryExportFormat, string> = {
  pptx: 'PowerPoint',
  pdf: 'PDF',
  xlsx: 'Excel',
  png: 'PNG',
};

export interface ExportedFile {
  /** The file's name as the user will find it (never a path the renderer made up). */
  name: string;
}

/**
 * Exports a story (by name) to a file, names masked when asked; resolves to a Result, never
 * rejects. A thin seam: the desktop app asks where to save and the engine writes the file; the
 * browser downloads it from the loopback server. Until that is wired it says so.
 */
export async function exportStory(
  story: string,
  format: StoryExportFormat,
  masked: boolean,
): Promise<Result<ExportedFile>> {
  void story;
  void format;
  void masked;
  return { ok: false, error: { code: 'INTERNAL', message: 'Export is being wired' } };
}
