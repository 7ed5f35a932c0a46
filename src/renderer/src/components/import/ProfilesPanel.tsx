import type { ApiError } from '../../../../shared/result';
import { kindLabel } from '../../import/canonicalColumns';
import {
  type FileEntry,
  hasFile,
  loadProfiles,
  preview,
  type Profile,
} from '../../import/importSession';
import { ProfileIcon } from '../Icons';
import { ErrorPanel } from '../StatusPanel';

function columnsText(columns: string[]): string {
  const shown = columns.slice(0, 6).join(', ');
  return columns.length > 6 ? `${shown} and ${columns.length - 6} more` : shown;
}

/**
 * The saved mapping profiles. A file whose columns match one is mapped with it automatically; the
 * analyst can also apply one to the open file by hand.
 */
export function ProfilesPanel({
  profiles,
  error,
  selected,
}: {
  profiles: Profile[] | null;
  error: ApiError | null;
  selected: FileEntry | null;
}) {
  const usedBySelected =
    selected?.preview && selected.preview.mappingSource !== 'inferred'
      ? selected.preview.profile
      : null;
  const canApply = selected && hasFile(selected) && selected.phase === 'ready';
  return (
    <section className="profiles" aria-labelledby="profiles-title" data-testid="profiles">
      <h2 className="section-title section-title--large" id="profiles-title">
        Saved profiles
      </h2>
      {error ? (
        <ErrorPanel
          title="Could not list the saved profiles"
          error={error}
          onRetry={() => void loadProfiles()}
        />
      ) : profiles === null ? (
        <p className="profiles__empty">Loading…</p>
      ) : profiles.length === 0 ? (
        <p className="profiles__empty" data-testid="profiles-empty">
          None yet. Type a profile name before importing, and next quarter’s file with the same
          columns is mapped the same way, with your corrections.
        </p>
      ) : (
        <ul className="profiles__list" data-testid="profiles-list">
          {profiles.map((p) => {
            const inUse = usedBySelected === p.name;
            return (
              <li
                key={p.name}
                className={`profile${inUse ? ' profile--in-use' : ''}`}
                data-testid={`profile-${p.name}`}
              >
                <ProfileIcon className="profile__icon" />
                <div className="profile__body">
                  <p className="profile__name">
                    {p.name}
                    {inUse && (
                      <span className="profile__badge" data-testid="profile-in-use">
                        in use for this file
                      </span>
                    )}
                  </p>
                  <p className="profile__meta">
                    {kindLabel(p.kind)} · {p.columns.length} columns · saved{' '}
                    {p.updatedAt.slice(0, 10)}
                  </p>
                  <p className="profile__columns">{columnsText(p.columns)}</p>
                </div>
                {canApply && !inUse && (
                  <button
                    type="button"
                    className="button profile__apply"
                    data-testid="profile-apply"
                    aria-label={`Map ${selected.name} with profile ${p.name}`}
                    onClick={() =>
                      void preview(selected.id, {
                        profile: p.name,
                        ...(selected.request.sheet ? { sheet: selected.request.sheet } : {}),
                      })
                    }
                  >
                    Use for this file
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
