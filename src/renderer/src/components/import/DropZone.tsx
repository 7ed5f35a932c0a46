import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { api } from '../../api/client';
import { addUploadedFiles, pickFiles } from '../../import/importSession';
import { UploadIcon } from '../Icons';

/**
 * Where files come in. Browser: a file input (behind the "Choose files" button) and drag-and-drop,
 * each file uploaded to the loopback server. Desktop: the native open dialog. Either way the
 * engine hands back a token per file; the renderer never sees a path.
 */
export function DropZone({ compact }: { compact: boolean }) {
  const mode = api.fileMode();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

  // A file dropped beside the zone must not make the browser open it in place of the app.
  useEffect(() => {
    const stop = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const choose = () => {
    if (mode === 'dialog') void pickFiles();
    else input.current?.click();
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length === 0) return;
    if (mode === 'upload') void addUploadedFiles(files);
  };

  return (
    <div
      className={`dropzone${compact ? ' dropzone--compact' : ''}${dragging ? ' dropzone--over' : ''}`}
      data-testid="import-dropzone"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = mode === 'upload' ? 'copy' : 'none';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <UploadIcon className="dropzone__icon" />
      <div className="dropzone__text">
        <p className="dropzone__title">
          {mode === 'upload'
            ? compact
              ? 'Drop more files here'
              : 'Drop export files here'
            : compact
              ? 'More files'
              : 'Choose the export files to import'}
        </p>
        <p className={compact ? 'sr-only' : 'dropzone__hint'} id={hintId}>
          Survey exports (Qualtrics, SurveyMonkey, SPSS .sav), HR hierarchies (XLSX, CSV), customer
          NPS files, contact-centre logs. Nothing is imported until you press Import.
        </p>
      </div>
      <button
        type="button"
        className="button button--primary"
        data-testid="import-choose"
        aria-describedby={hintId}
        onClick={choose}
      >
        {compact ? 'Add files…' : 'Choose files…'}
      </button>
      {mode === 'upload' && (
        <input
          ref={input}
          className="sr-only"
          type="file"
          multiple
          tabIndex={-1}
          aria-label="Export files to import"
          data-testid="import-file-input"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = ''; // choosing the same file again still fires
            if (files.length) void addUploadedFiles(files);
          }}
        />
      )}
    </div>
  );
}
