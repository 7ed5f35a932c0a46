import type { ExportProgressEvent, ExportRequest } from '../../../shared/exportRequest';
import type { Result } from '../../../shared/result';

/** The files a story can be exported to from the app. */
export const STORY_EXPORT_FORMATS = ['pptx', 'pdf', 'xlsx', 'png'] as const;
export type StoryExportFormat = (typeof STORY_EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<StoryExportFormat | 'csv', string> = {
  pptx: 'PowerPoint',
  pdf: 'PDF',
  xlsx: 'Excel',
  png: 'PNG',
  csv: 'CSV',
};

export interface ExportedFile {
  /** The file's name as the user will find it (never a path the renderer made up). */
  name: string;
  /** Desktop: where it was saved; browser: null (the browser's downloads folder). */
  path: string | null;
  /** The user closed the save dialog without saving. */
  cancelled: boolean;
}

type OnProgress = (event: ExportProgressEvent) => void;

const failed = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message },
});

/**
 * Exports a story or a view to a file; resolves to a Result, never rejects. The renderer never
 * names a path: the desktop app builds the file in the engine and asks where to save it; in the
 * browser the loopback server answers POST /export with the file, handed to the browser as a
 * download. Progress comes as events while the engine works (IPC, or server-sent events).
 */
export async function requestExport(
  request: ExportRequest,
  onProgress: OnProgress = () => undefined,
): Promise<Result<ExportedFile>> {
  const bridge = typeof window !== 'undefined' ? window.upstream : undefined;
  if (bridge) {
    if (typeof bridge.saveExport !== 'function')
      return failed('This version of the desktop app cannot export.');
    const stop = bridge.onExportProgress?.(onProgress) ?? (() => undefined);
    try {
      const saved = await bridge.saveExport(request);
      if (!saved.ok) return saved;
      return {
        ok: true,
        value: { name: saved.value.name, path: saved.value.path, cancelled: !saved.value.path },
      };
    } catch (error) {
      return failed(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      stop();
    }
  }
  return downloadExport(request, onProgress);
}

async function downloadExport(
  request: ExportRequest,
  onProgress: OnProgress,
): Promise<Result<ExportedFile>> {
  const events = typeof EventSource !== 'undefined' ? new EventSource('events') : null;
  const onEvent = (message: MessageEvent<string>) => {
    try {
      onProgress(JSON.parse(message.data) as ExportProgressEvent);
    } catch {
      // A malformed event is not worth failing the export for.
    }
  };
  events?.addEventListener('exportProgress', onEvent as EventListener);
  try {
    let response: Response;
    try {
      response = await fetch('export', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-upstream-answer': 'in-body',
        },
        body: JSON.stringify(request),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'CONNECTION_LOST',
          message: 'The Upstream engine stopped answering: nothing was exported. Try again.',
        },
      };
    }
    if ((response.headers.get('content-type') ?? '').startsWith('application/json')) {
      const answer = (await response.json()) as Result<never>;
      return answer.ok ? failed('The server answered without a file.') : answer;
    }
    const name = fileNameOf(response.headers.get('content-disposition')) ?? 'upstream-export';
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    // The browser has the file once the click is handled; the URL can go after that.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { ok: true, value: { name, path: null, cancelled: false } };
  } finally {
    events?.close();
  }
}

/** The file name of a Content-Disposition header (RFC 6266: filename* first). */
function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) return decodeURIComponent(extended[1]!);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1]! : null;
}

/**
 * A story, by name, as PowerPoint, PDF, a workbook or PNG slides (zipped), masked when asked;
 * `hideFlagged` is the user's consent to withhold the figures the disclosure audit flagged
 * (without it such an export is refused with EXPORT_REFUSED).
 */
export function exportStory(
  story: string,
  format: StoryExportFormat,
  options: { masked?: boolean; hideFlagged?: boolean } = {},
  onProgress?: OnProgress,
): Promise<Result<ExportedFile>> {
  return requestExport({ story, format, ...options }, onProgress);
}

/** One view as it is on screen: a PNG (1920x1080 or 3840x2160) or the table behind it. */
export function exportView(
  state: string,
  format: 'png' | 'xlsx' | 'csv',
  options: { masked?: boolean; size?: '1920x1080' | '3840x2160' } = {},
  onProgress?: OnProgress,
): Promise<Result<ExportedFile>> {
  return requestExport({ state, format, ...options }, onProgress);
}
