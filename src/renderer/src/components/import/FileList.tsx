import { type FileEntry, remove, select } from '../../import/importSession';
import { CheckIcon, WarningIcon } from '../Icons';

function statusOf(f: FileEntry): { text: string; tone: 'busy' | 'ok' | 'attention' | 'todo' } {
  if (f.phase === 'uploading') return { text: 'Uploading…', tone: 'busy' };
  if (f.phase === 'previewing') return { text: 'Reading…', tone: 'busy' };
  if (f.phase === 'running')
    return { text: `Importing ${Math.round((f.run?.overall ?? 0) * 100)}%`, tone: 'busy' };
  if (f.phase === 'finished')
    return f.report?.status === 'unchanged'
      ? { text: 'Unchanged', tone: 'ok' }
      : { text: 'Imported', tone: 'ok' };
  if (f.failure) return { text: 'Needs attention', tone: 'attention' };
  if (f.cancelled) return { text: 'Cancelled', tone: 'todo' };
  return { text: 'Check the mapping', tone: 'todo' };
}

/** The files chosen in this session; one is open below. */
export function FileList({ files, selectedId }: { files: FileEntry[]; selectedId: string | null }) {
  return (
    <ul className="file-list" aria-label="Chosen files" data-testid="import-files">
      {files.map((f) => {
        const status = statusOf(f);
        return (
          <li key={f.id} className="file-list__item">
            <button
              type="button"
              className={`file-chip file-chip--${status.tone}`}
              aria-current={f.id === selectedId ? 'true' : undefined}
              data-testid="import-file"
              data-name={f.name}
              onClick={() => select(f.id)}
            >
              <span className="file-chip__name">{f.name}</span>
              <span className="file-chip__status" data-testid="import-file-status">
                {status.tone === 'ok' && <CheckIcon className="file-chip__icon" />}
                {status.tone === 'attention' && <WarningIcon className="file-chip__icon" />}
                {status.tone === 'busy' && <span className="spinner spinner--small" aria-hidden />}
                {status.text}
              </span>
            </button>
            {f.phase !== 'running' && (
              <button
                type="button"
                className="file-list__remove"
                aria-label={`Remove ${f.name} from the list`}
                title="Remove from the list"
                onClick={() => remove(f.id)}
              >
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
