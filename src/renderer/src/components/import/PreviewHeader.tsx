import type { CanonicalKind } from '../../../../shared/imports';
import { CANONICAL_KINDS, kindLabel, kindNoun } from '../../import/canonicalColumns';
import { detectedText, mappingSourceText, percent } from '../../import/describe';
import { type FileEntry, type Preview, preview } from '../../import/importSession';
import { confidenceWord } from '../../import/mappingEdit';
import { InfoIcon, ProfileIcon, WarningIcon } from '../Icons';

/** The kinds in the order worth offering: the detected one, its alternatives, then the rest. */
function kindOptions(p: Preview | null): { kind: CanonicalKind; confidence: number | null }[] {
  const known = new Map<CanonicalKind, number>();
  if (p) {
    known.set(p.kind, p.kindConfidence);
    for (const a of p.alternatives) if (!known.has(a.kind)) known.set(a.kind, a.confidence);
  }
  const ranked = [...known.entries()].map(([kind, confidence]) => ({ kind, confidence }));
  const rest = CANONICAL_KINDS.filter((k) => !known.has(k)).map((kind) => ({
    kind,
    confidence: null,
  }));
  return [...ranked, ...rest];
}

export function KindPicker({ entry, label }: { entry: FileEntry; label: string }) {
  const p = entry.preview;
  const busy = entry.phase !== 'ready';
  return (
    <label className="picker">
      <span className="picker__label">{label}</span>
      <select
        className="picker__select picker__select--kind"
        data-testid="import-kind"
        value={p?.kind ?? ''}
        disabled={busy}
        onChange={(e) =>
          void preview(entry.id, {
            kind: e.target.value as CanonicalKind,
            ...(entry.request.sheet ? { sheet: entry.request.sheet } : {}),
          })
        }
      >
        {!p && <option value="">Choose what this file holds…</option>}
        {kindOptions(p).map(({ kind, confidence }) => (
          <option key={kind} value={kind}>
            {kindLabel(kind)}
            {confidence !== null ? ` · ${percent(confidence)}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What was detected about the file, the pickers that change it, and where the mapping came from. */
export function PreviewHeader({ entry, preview: p }: { entry: FileEntry; preview: Preview }) {
  const source = mappingSourceText(p);
  const busy = entry.phase !== 'ready';
  // Other readings are worth a mention only when the engine was not sure.
  const alternatives =
    p.kindConfidence < 0.8
      ? p.alternatives.filter((a) => a.kind !== p.kind && a.confidence >= 0.2)
      : [];
  const finished = entry.phase === 'finished';
  return (
    <>
      <div className="import-head">
        <div className="import-head__titles">
          <h2 className="import-head__file" data-testid="import-file-name">
            {p.fileName}
          </h2>
          <p className="import-head__detected" data-testid="import-detected">
            {detectedText(p)}
          </p>
          {!finished && (
            <p className="import-head__kind" data-testid="import-kind-note">
              Read as <strong>{kindNoun(p.kind)}</strong> with {confidenceWord(p.kindConfidence)}{' '}
              confidence ({percent(p.kindConfidence)})
              {alternatives.length > 0 &&
                `; next best: ${alternatives
                  .slice(0, 2)
                  .map((a) => `${kindNoun(a.kind)} (${percent(a.confidence)})`)
                  .join(', ')}`}
              .
            </p>
          )}
        </div>
        {!finished && (
          <div className="import-head__pickers">
            {p.sheets.length > 1 && (
              <label className="picker">
                <span className="picker__label">Sheet</span>
                <select
                  className="picker__select"
                  data-testid="import-sheet"
                  value={p.sheet ?? ''}
                  disabled={busy}
                  onChange={(e) => void preview(entry.id, { sheet: e.target.value })}
                >
                  {p.sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <KindPicker entry={entry} label="This file holds" />
          </div>
        )}
      </div>
      {!finished && (
        <div
          className={`mapping-source${source.reused ? ' mapping-source--reused' : ''}`}
          data-testid="import-mapping-source"
          data-source={p.mappingSource}
          role="status"
        >
          {source.reused ? (
            <ProfileIcon className="mapping-source__icon" />
          ) : (
            <InfoIcon className="mapping-source__icon" />
          )}
          <p>
            <strong className="mapping-source__title">{source.title}.</strong>{' '}
            {source.detail && <span className="mapping-source__detail">{source.detail}</span>}
          </p>
        </div>
      )}
      {!finished && (p.problems.length > 0 || p.warnings.length > 0) && (
        <div className="import-problems" data-testid="import-problems">
          {p.problems.length > 0 && (
            <>
              <h3 className="import-problems__title">
                <WarningIcon className="import-problems__icon" /> To check before importing
              </h3>
              <ul className="import-problems__list">
                {p.problems.map((text) => (
                  <li key={text} className="import-problems__problem">
                    {text}
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.warnings.length > 0 && (
            <>
              <h3 className="import-problems__title import-problems__title--quiet">
                <InfoIcon className="import-problems__icon" /> Noticed while reading the file
              </h3>
              <ul className="import-problems__list">
                {p.warnings.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}
