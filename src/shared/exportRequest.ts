import { z } from 'zod';
import { viewStateSchema } from './workshop';

export const EXPORT_FORMATS = ['pptx', 'pdf', 'xlsx', 'png', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const PNG_SIZES = ['1920x1080', '3840x2160'] as const;

export const EXPORT_MIME: Record<ExportFormat, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  csv: 'text/csv; charset=utf-8',
};

/**
 * A file the app asks for: a story (PowerPoint, PDF, spreadsheet) or one view's state (PNG, the
 * table behind it). The renderer never names a path: the desktop app asks where to save, the
 * loopback server answers with the file as a download.
 */
export const exportRequestSchema = z
  .object({
    story: z.string().min(1).max(100).optional(),
    state: viewStateSchema.optional(),
    format: z.enum(EXPORT_FORMATS),
    masked: z.boolean().optional(),
    size: z.enum(PNG_SIZES).optional(),
    /** With consent: hide the figures the disclosure audit names instead of refusing. */
    hideFlagged: z.boolean().optional(),
  })
  .strict()
  .refine((r) => (r.story === undefined) !== (r.state === undefined), {
    message: 'name a story or a view state, not both',
  });
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** Progress of an export, pushed to the app while it runs. */
export interface ExportProgressEvent {
  stage: 'content' | 'audit' | 'writing' | 'done';
  /** Slides drawn so far of `total`. */
  done: number;
  total: number;
  message: string;
}
