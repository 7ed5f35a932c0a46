import { useEffect } from 'react';
import { DropZone } from '../components/import/DropZone';
import { FileList } from '../components/import/FileList';
import { ImportReportPanel } from '../components/import/ImportReport';
import { MappingTable } from '../components/import/MappingTable';
import { PreviewHeader } from '../components/import/PreviewHeader';
import { ProfilesPanel } from '../components/import/ProfilesPanel';
import { SettingsPanel } from '../components/import/SettingsPanel';
import {
  ConstantsEditor,
  ImportFailure,
  ImportProgress,
  RunBar,
} from '../components/import/RunControls';
import { Loading } from '../components/StatusPanel';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import {
  type FileEntry,
  holdProgress,
  type ImportSession,
  loadProfiles,
  useImportSession,
} from '../import/importSession';

function FilePanel({ entry, session }: { entry: FileEntry; session: ImportSession }) {
  const p = entry.preview;
  const otherRunning =
    session.files.find((f) => f.phase === 'running' && f.id !== entry.id)?.name ?? null;
  if (!p) {
    if (entry.failure) return <ImportFailure entry={entry} {...entry.failure} />;
    return (
      <Loading
        label={
          entry.phase === 'uploading'
            ? `Uploading ${entry.name}…`
            : otherRunning
              ? `Reading ${entry.name} as soon as ${otherRunning} is imported…`
              : `Reading ${entry.name}…`
        }
      />
    );
  }
  const rereading = entry.phase === 'previewing';
  return (
    <div className="file-panel" aria-busy={rereading || entry.phase === 'running'}>
      <PreviewHeader entry={entry} preview={p} />
      {rereading && (
        <p className="rereading" role="status">
          <span className="spinner spinner--small" aria-hidden="true" /> Reading {entry.name} again…
        </p>
      )}
      {entry.failure?.during === 'preview' && <ImportFailure entry={entry} {...entry.failure} />}
      {entry.phase === 'finished' && entry.report ? (
        <ImportReportPanel entry={entry} />
      ) : (
        <>
          <div className={rereading ? 'stale' : undefined}>
            <MappingTable entry={entry} />
            <ConstantsEditor entry={entry} />
          </div>
          {entry.phase === 'running' && entry.run ? (
            <ImportProgress entry={entry} />
          ) : (
            <RunBar entry={entry} profiles={session.profiles} otherRunning={otherRunning}>
              {entry.cancelled && (
                <p className="notice notice--calm" role="status" data-testid="import-cancelled">
                  Import cancelled. Nothing was written: the workspace is as it was.
                </p>
              )}
              {entry.failure?.during === 'run' && (
                <ImportFailure entry={entry} {...entry.failure} />
              )}
            </RunBar>
          )}
        </>
      )}
    </div>
  );
}

function HowItWorks() {
  return (
    <ol className="how" aria-label="How an import works">
      <li>
        <span className="how__step">1</span>
        <span>
          <strong>Choose the files.</strong> Upstream reads each one and works out what it holds and
          what every column means.
        </span>
      </li>
      <li>
        <span className="how__step">2</span>
        <span>
          <strong>Check the mapping once.</strong> Correct what it got wrong and save it as a
          profile: next quarter’s file is mapped the same way.
        </span>
      </li>
      <li>
        <span className="how__step">3</span>
        <span>
          <strong>Import.</strong> All or nothing: rows that fail a check are kept aside with the
          reason, never dropped silently.
        </span>
      </li>
    </ol>
  );
}

/** The analyst's screen: files in, mapping checked once, import run, report read. */
export function ImportView() {
  const session = useImportSession();
  const selectedName = session.files.find((f) => f.id === session.selectedId)?.name;
  useDocumentTitle('Import', selectedName);
  useEffect(() => holdProgress(), []);
  useEffect(() => {
    void loadProfiles();
  }, []);
  const selected = session.files.find((f) => f.id === session.selectedId) ?? null;
  const empty = session.files.length === 0;
  return (
    <div className="view view--import">
      <div className="view-header">
        <div className="view-header__titles">
          <h1 className="view-header__company">Import</h1>
          {empty && (
            <p className="view-header__sub">
              Quarterly exports into this workspace: check the mapping once, save it, import.
            </p>
          )}
        </div>
      </div>
      <div className={`import-layout${empty ? ' import-layout--empty' : ''}`}>
        <div className="import-main">
          {empty ? (
            <DropZone compact={false} />
          ) : (
            <div className="files-bar">
              <FileList files={session.files} selectedId={session.selectedId} />
              <DropZone compact />
            </div>
          )}
          {session.pickError && (
            <p className="notice" role="alert" data-testid="import-pick-error">
              {session.pickError.message}
            </p>
          )}
          {empty ? <HowItWorks /> : selected && <FilePanel entry={selected} session={session} />}
        </div>
        <aside className="import-side">
          <ProfilesPanel
            profiles={session.profiles}
            error={session.profilesError}
            selected={selected}
          />
          <SettingsPanel />
        </aside>
      </div>
    </div>
  );
}
