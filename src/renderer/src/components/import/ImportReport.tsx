import { useState } from 'react';
import type { ColumnMapping } from '../../../../shared/imports';
import { formatCount } from '../../format/formatMetric';
import { useQuery } from '../../hooks/useQuery';
import { kindNoun } from '../../import/canonicalColumns';
import { type FileEntry, reopen, type Report, type Source } from '../../import/importSession';
import { columnChanged } from '../../import/mappingEdit';
import { CheckIcon, InfoIcon } from '../Icons';
import { ErrorPanel } from '../StatusPanel';

const PAGE = 25;

function splitReason(key: string): { column: string; rule: string } {
  const at = key.indexOf(': ');
  return at < 0 ? { column: '', rule: key } : { column: key.slice(0, at), rule: key.slice(at + 2) };
}

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '(empty)';
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  return JSON.stringify(v);
}

/** The source column a canonical column or item id came from, under this mapping. */
function sourceColumn(mapping: ColumnMapping | null, column: string | null): string | null {
  if (!column) return null;
  if (!mapping) return column;
  return (
    mapping.columns[column] ?? mapping.items.find((i) => i.itemId === column)?.column ?? column
  );
}

/** Rows kept out of the import, the failing cell marked; paged. */
export function QuarantineTable({
  sourceId,
  total,
  mapping,
}: {
  sourceId: number;
  total: number;
  mapping: ColumnMapping | null;
}) {
  const [offset, setOffset] = useState(0);
  const q = useQuery('quarantine', { sourceId, limit: PAGE, offset });
  const data = q.data;
  const count = data?.total ?? total;
  const last = Math.min(offset + PAGE, count);
  return (
    <section className="quarantine" aria-labelledby="quarantine-title">
      <div className="quarantine__head">
        <h3 className="section-title" id="quarantine-title">
          Quarantined rows
        </h3>
        <p className="quarantine__range" data-testid="quarantine-range">
          {count === 0
            ? 'None'
            : `Rows ${formatCount(offset + 1)}–${formatCount(last)} of ${formatCount(count)}`}
          {q.loading && data && <span className="updating">Updating…</span>}
        </p>
        {count > PAGE && (
          <div className="quarantine__pager">
            <button
              type="button"
              className="button"
              data-testid="quarantine-prev"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              Previous
            </button>
            <button
              type="button"
              className="button"
              data-testid="quarantine-next"
              disabled={offset + PAGE >= count}
              onClick={() => setOffset(offset + PAGE)}
            >
              Next
            </button>
          </div>
        )}
      </div>
      {q.error ? (
        <ErrorPanel
          title="Could not load the quarantined rows"
          error={q.error}
          onRetry={q.reload}
        />
      ) : (
        <div className={`table-scroll${q.loading && data ? ' stale' : ''}`}>
          <table className="data-table" data-testid="quarantine-table">
            <caption className="sr-only">
              Rows kept out of the import, with the column and the reason
            </caption>
            <thead>
              <tr>
                <th scope="col" className="data-table__num">
                  Row in file
                </th>
                <th scope="col">Column</th>
                <th scope="col">Reason</th>
                <th scope="col">Values in the file</th>
              </tr>
            </thead>
            <tbody>
              {(data?.rows ?? []).map((r) => {
                const bad = sourceColumn(mapping, r.column);
                return (
                  <tr key={`${r.sourceId}:${r.row}:${r.column ?? ''}`} data-testid="quarantine-row">
                    <td className="data-table__num">{formatCount(r.row)}</td>
                    <td>
                      <span className="data-table__strong">{r.column ?? '—'}</span>
                      {bad && bad !== r.column && <span className="data-table__sub">{bad}</span>}
                    </td>
                    <td>{r.reason}</td>
                    <td>
                      <ul className="cells">
                        {Object.entries(r.values)
                          .filter(([k]) => !k.startsWith('__'))
                          .map(([k, v]) => (
                            <li
                              key={k}
                              className={`cells__cell${k === bad ? ' cells__cell--bad' : ''}`}
                            >
                              <span className="cells__key">{k}</span> {valueText(v)}
                            </li>
                          ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
              {!data && (
                <tr>
                  <td colSpan={4} className="data-table__empty">
                    Loading…
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function mappingWords(entry: FileEntry): string {
  const p = entry.preview;
  const n =
    p && entry.mapping
      ? p.columns.filter((c) => columnChanged(entry.mapping!, p.mapping, c.name)).length
      : 0;
  const edits =
    n === 0 ? 'as shown' : `with ${n} ${n === 1 ? 'column' : 'columns'} corrected by you`;
  if (!p) return `Mapping ${edits}.`;
  if (p.mappingSource === 'matched profile' || p.mappingSource === 'profile')
    return `Mapping from profile “${p.profile ?? ''}”, ${edits}.`;
  if (p.mappingSource === 'canonical') return `Upstream’s own column names, ${edits}.`;
  return `Inferred mapping, ${edits}.`;
}

/** "this exact file was imported before": what the earlier import did. */
function Unchanged({ report, source }: { report: Report; source: Source | null }) {
  return (
    <div className="report__unchanged" data-testid="report-unchanged">
      <InfoIcon className="report__unchanged-icon" />
      <div>
        <p className="report__title">Nothing changed: this exact file was imported before.</p>
        <p>
          {report.file} has the same contents (same fingerprint) as a file already in the workspace,
          imported with the same mapping, so nothing was read or written again.
          {source &&
            ` That import (${source.importedAt.slice(0, 16).replace('T', ' ')}) read ${formatCount(source.rowsRead)} rows: ${formatCount(source.rowsImported)} imported, ${formatCount(source.rowsQuarantined)} quarantined.`}
        </p>
        <p className="report__hint">
          To load it again with a different mapping, change the mapping and import again.
        </p>
      </div>
    </div>
  );
}

/** What the import did: read = imported + quarantined, why rows were kept out, and the rows. */
export function ImportReportPanel({ entry }: { entry: FileEntry }) {
  const report = entry.report!;
  const source = entry.source;
  const reasons = Object.entries(report.reasons).sort((a, b) => b[1] - a[1]);
  const savedAs = entry.profileName.trim();
  return (
    <section
      className="report"
      data-testid="import-report"
      data-status={report.status}
      aria-labelledby="report-title"
    >
      <div className="report__head">
        <h3 className="report__heading" id="report-title">
          <CheckIcon className="report__icon" />
          {report.status === 'unchanged'
            ? 'Already in the workspace'
            : `Imported as ${kindNoun(report.kind)}`}
        </h3>
        <button
          type="button"
          className="button"
          data-testid="import-again"
          onClick={() => reopen(entry.id)}
        >
          Change the mapping and import again
        </button>
      </div>

      {report.status === 'unchanged' ? (
        <Unchanged report={report} source={source} />
      ) : (
        <>
          <div
            className="report__sum"
            data-testid="report-sum"
            aria-label={`${formatCount(report.rowsRead)} rows read: ${formatCount(report.rowsImported)} imported and ${formatCount(report.rowsQuarantined)} quarantined`}
          >
            <div className="report__figure">
              <span className="report__number" data-testid="report-read">
                {formatCount(report.rowsRead)}
              </span>
              <span className="report__label">rows read</span>
            </div>
            <span className="report__op" aria-hidden="true">
              =
            </span>
            <div className="report__figure report__figure--ok">
              <span className="report__number" data-testid="report-imported">
                {formatCount(report.rowsImported)}
              </span>
              <span className="report__label">imported</span>
            </div>
            <span className="report__op" aria-hidden="true">
              +
            </span>
            <div
              className={`report__figure${report.rowsQuarantined > 0 ? ' report__figure--held' : ''}`}
            >
              <span className="report__number" data-testid="report-quarantined">
                {formatCount(report.rowsQuarantined)}
              </span>
              <span className="report__label">quarantined</span>
            </div>
          </div>
          <p className="report__facts" data-testid="report-mapping">
            {mappingWords(entry)}
            {savedAs ? ` Saved as profile “${savedAs}” for next quarter.` : ''}
            {report.keptCopy ? ' A copy of the file is kept in the workspace.' : ''}
          </p>

          {reasons.length > 0 && (
            <table className="data-table report__reasons" data-testid="report-reasons">
              <caption className="report__caption">Why rows were quarantined</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Rule</th>
                  <th scope="col" className="data-table__num">
                    Rows
                  </th>
                </tr>
              </thead>
              <tbody>
                {reasons.map(([key, n]) => {
                  const { column, rule } = splitReason(key);
                  return (
                    <tr key={key}>
                      <td className="data-table__strong">{column}</td>
                      <td>{rule}</td>
                      <td className="data-table__num">{formatCount(n)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}

      {report.warnings.length > 0 && (
        <div className="report__warnings" data-testid="report-warnings">
          <h4 className="report__caption">Worth knowing</h4>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      {report.status === 'imported' && report.rowsQuarantined > 0 && source && (
        <QuarantineTable
          sourceId={source.id}
          total={report.rowsQuarantined}
          mapping={entry.mapping}
        />
      )}
      {report.status === 'imported' && report.rowsQuarantined > 0 && !source && (
        <p className="report__hint">Looking up the quarantined rows…</p>
      )}
    </section>
  );
}
