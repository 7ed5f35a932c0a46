import JSZip from 'jszip';
import type { ExportProgressEvent, ExportRequest } from '../../../shared/exportRequest';
import type { EngineContext } from '../handlers/context';
import { exportStory, exportView } from './exportStory';
import { safeFileName } from './safeWrite';

/** What the app receives: one file to save or download (many PNG slides come zipped). */
export interface ExportDownload {
  name: string;
  mime: string;
  bytes: Buffer;
}

/**
 * An export the app asked for (a story, or one view's state), as one file. The engine builds it
 * exactly as `upstream export` does; a story's PNG slides are zipped so the app saves one file.
 */
export async function exportForApp(
  ctx: EngineContext,
  request: ExportRequest,
  onProgress: (event: ExportProgressEvent) => void,
): Promise<ExportDownload> {
  const { size, hideFlagged } = request;
  const { files } =
    request.story !== undefined
      ? await exportStory(
          ctx,
          {
            story: request.story,
            format: request.format,
            masked: request.masked,
            size,
            hideFlagged,
          },
          onProgress,
        )
      : await exportView(
          ctx,
          {
            state: request.state!,
            format: request.format,
            masked: request.masked,
            size,
            hideFlagged,
          },
          onProgress,
        );
  if (files.length === 1) {
    const [file] = files;
    return { name: file!.name, mime: file!.mime, bytes: file!.bytes };
  }
  const zip = new JSZip();
  const base = (files[0]?.name ?? 'export').replace(/(-\d+)?\.[a-z]+$/i, '');
  for (const file of files) zip.file(file.name, file.bytes);
  return {
    name: safeFileName(`${base}-${request.format}`) + '.zip',
    mime: 'application/zip',
    bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
  };
}
