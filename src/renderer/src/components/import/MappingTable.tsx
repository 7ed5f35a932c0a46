import { Fragment } from 'react';
import type { ColumnMapping, ItemMapping } from '../../../../shared/imports';
import { CANONICAL_COLUMNS, canonicalColumn } from '../../import/canonicalColumns';
import { DATE_FORMAT_CHOICES, datePart, describeDateFormat } from '../../import/dateFormats';
import { editMapping, type FileEntry, type Preview } from '../../import/importSession';
import {
  DEMOGRAPHIC_CHOICE,
  DEMOGRAPHIC_DIMENSIONS,
  assignRole,
  choiceOf,
  columnChanged,
  confidenceWord,
  FACTOR_LABELS,
  FACTORS,
  type FactorChoice,
  ITEM_CHOICE,
  joinFactor,
  missingRequired,
  periodFromDate,
  roleOf,
  setDateFormat,
  splitFactor,
  updateItem,
} from '../../import/mappingEdit';

type PreviewColumn = Preview['columns'][number];

function roleLabel(kind: ColumnMapping['kind'], role: string | null): string {
  if (role === null) return 'Ignore';
  if (role.startsWith('item:')) return `Survey item ${role.slice('item:'.length)}`;
  const spec = canonicalColumn(kind, role);
  return spec ? `${spec.label} (${role})` : role;
}

/** "120 values, 5 distinct, number": what the engine counted, shown whether or not values are. */
function counts(column: PreviewColumn): string {
  if (column.nonEmpty === 0) return 'No values in the file';
  const distinct = `${column.distinctExact ? '' : 'about '}${column.distinct.toLocaleString()} distinct`;
  return `${column.nonEmpty.toLocaleString()} values, ${distinct}, ${column.type}`;
}

function Samples({ column }: { column: PreviewColumn }) {
  if (column.hidden !== null) {
    // "personal: survey answers" -> "Hidden: personal" and the reason beside it.
    const [what, ...why] = column.hidden.split(': ');
    return (
      <div className="samples__hidden" data-testid="mapping-samples" data-hidden={column.hidden}>
        <span className="samples__hidden-badge">Hidden: {what}</span>
        {why.length > 0 && <span className="samples__hidden-why"> ({why.join(': ')})</span>}
        <span className="samples__counts" data-testid="mapping-counts">
          {counts(column)}
        </span>
      </div>
    );
  }
  if (column.samples.length === 0) {
    return (
      <span className="samples__none" data-testid="mapping-samples">
        {counts(column)}
      </span>
    );
  }
  return (
    <div>
      <ul
        className="samples"
        data-testid="mapping-samples"
        aria-label={`Sample values of ${column.name}`}
      >
        {column.samples.map((s, i) => (
          <li key={`${i}:${s}`} className="samples__value">
            {s === '' ? '(empty)' : s}
          </li>
        ))}
      </ul>
      <span className="samples__counts" data-testid="mapping-counts">
        {counts(column)}
      </span>
    </div>
  );
}

function DateFormatPicker({
  entry,
  column,
  role,
  mapping,
}: {
  entry: FileEntry;
  column: string;
  role: string;
  mapping: ColumnMapping;
}) {
  const first = datePart(mapping.dateFormats[role]?.[0] ?? '');
  // ISO is always tried first, so an explicit ISO format is the same as "Automatic".
  const current = first === '%Y-%m-%d' ? '' : first;
  const known = DATE_FORMAT_CHOICES.some((c) => c.id === current);
  return (
    <label className="mapping__sub">
      <span className="mapping__sub-label">Dates written as</span>
      <select
        className="mapping__select mapping__select--small"
        data-testid="mapping-date-format"
        aria-label={`How dates are written in column ${column}`}
        value={current}
        disabled={entry.phase !== 'ready'}
        onChange={(e) => editMapping(entry.id, (m) => setDateFormat(m, role, e.target.value))}
      >
        {!known && <option value={current}>{describeDateFormat(current)} (as detected)</option>}
        {DATE_FORMAT_CHOICES.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function ItemEditor({
  entry,
  item,
  disabled,
}: {
  entry: FileEntry;
  item: ItemMapping;
  disabled: boolean;
}) {
  const set = (patch: Partial<ItemMapping>) =>
    editMapping(entry.id, (m) => updateItem(m, item.column, patch));
  const factor = splitFactor(item.factor);
  const name = item.column;
  return (
    <div className="item-editor" data-testid="mapping-item">
      <label className="item-editor__field">
        <span className="item-editor__label">Item id</span>
        <input
          className="input input--id"
          data-testid="item-id"
          aria-label={`Item id for column ${name}`}
          value={item.itemId}
          disabled={disabled}
          onChange={(e) => set({ itemId: e.target.value })}
        />
      </label>
      <label className="item-editor__field">
        <span className="item-editor__label">Factor</span>
        <select
          className="mapping__select mapping__select--small"
          data-testid="item-factor"
          aria-label={`Factor of column ${name}`}
          value={factor.choice}
          disabled={disabled}
          onChange={(e) => set({ factor: joinFactor(e.target.value as FactorChoice, factor.name) })}
        >
          {FACTORS.map((f) => (
            <option key={f} value={f}>
              {FACTOR_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      {factor.choice === 'value' && (
        <label className="item-editor__field">
          <span className="item-editor__label">Value</span>
          <input
            className="input input--value"
            data-testid="item-value-name"
            aria-label={`Company value measured by column ${name}`}
            placeholder="e.g. Integrity"
            value={factor.name}
            disabled={disabled}
            onChange={(e) => set({ factor: joinFactor('value', e.target.value) })}
          />
        </label>
      )}
      <fieldset className="item-editor__field item-editor__scale">
        <legend className="item-editor__label">Scale</legend>
        <input
          className="input input--num"
          type="number"
          data-testid="item-scale-min"
          aria-label={`Lowest score of column ${name}`}
          value={item.scaleMin}
          disabled={disabled}
          onChange={(e) => set({ scaleMin: Math.trunc(Number(e.target.value)) })}
        />
        <span aria-hidden="true">to</span>
        <input
          className="input input--num"
          type="number"
          data-testid="item-scale-max"
          aria-label={`Highest score of column ${name}`}
          value={item.scaleMax}
          disabled={disabled}
          onChange={(e) => set({ scaleMax: Math.trunc(Number(e.target.value)) })}
        />
      </fieldset>
      <label className="item-editor__check">
        <input
          type="checkbox"
          data-testid="item-reverse"
          checked={item.reverseCoded}
          disabled={disabled}
          onChange={(e) => set({ reverseCoded: e.target.checked })}
        />
        Reverse-coded
      </label>
      <label className="item-editor__field item-editor__field--grow">
        <span className="item-editor__label">N/A codes</span>
        <input
          className="input"
          data-testid="item-na"
          aria-label={`Answers in column ${name} that mean not applicable, separated by commas`}
          placeholder="e.g. 6, 99, N/A"
          defaultValue={item.naCodes.join(', ')}
          disabled={disabled}
          onBlur={(e) =>
            set({
              naCodes: e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            })
          }
        />
      </label>
    </div>
  );
}

/**
 * One row per source column: its name and question text, sample values, what it means in
 * Upstream (a select), how sure the engine was and why. Survey answer columns get a second row
 * with the item's factor, scale, reverse coding and N/A codes.
 */
/** The offered dimensions, and any other the mapping already keeps (from a profile or the engine). */
function demographicChoices(mapping: ColumnMapping): { id: string; label: string }[] {
  const offered: { id: string; label: string }[] = [...DEMOGRAPHIC_DIMENSIONS];
  for (const id of Object.keys(mapping.demographics ?? {}))
    if (!offered.some((d) => d.id === id)) offered.push({ id, label: id.replaceAll('_', ' ') });
  return offered;
}

export function MappingTable({ entry }: { entry: FileEntry }) {
  const p = entry.preview!;
  const mapping = entry.mapping!;
  const kind = mapping.kind;
  const canonical = CANONICAL_COLUMNS[kind];
  const disabled = entry.phase !== 'ready';
  const missing = new Set(missingRequired(mapping));
  const filledIn = canonical.filter(
    (c) =>
      c.fallback !== undefined &&
      mapping.columns[c.name] === undefined &&
      !(mapping.constants[c.name] ?? '').trim(),
  );
  const derivedPeriod = periodFromDate(mapping);
  const mappedCount = p.columns.filter((c) => roleOf(mapping, c.name) !== null).length;

  const onRole = (column: PreviewColumn, choice: string) => {
    const change = assignRole(mapping, column, choice, p.mapping);
    const notice = change.moved
      ? `${roleLabel(kind, change.moved.role)} now comes from “${column.name}”; “${change.moved.from}” is ignored.`
      : null;
    editMapping(entry.id, () => change.mapping, notice);
  };

  return (
    <section className="mapping-section" aria-labelledby="mapping-title">
      <div className="mapping-section__head">
        <h3 className="section-title" id="mapping-title">
          Columns
        </h3>
        <p className="mapping-section__count" data-testid="mapping-count">
          {p.columns.length} in the file: {mappedCount} imported, {p.columns.length - mappedCount}{' '}
          ignored
        </p>
      </div>
      {missing.size > 0 && (
        <p className="mapping-missing" role="alert" data-testid="mapping-missing">
          Still needed: {[...missing].map((m) => roleLabel(kind, m)).join(', ')}. Choose the column
          that holds {missing.size > 1 ? 'each' : 'it'} below
          {[...missing].some((m) => m === 'period' || m === 'effective_from')
            ? ', or type one value for the whole file'
            : ''}
          .
        </p>
      )}
      {filledIn.length > 0 && (
        <p className="mapping-defaults" data-testid="mapping-defaults">
          Not in the file, so filled in:{' '}
          {filledIn.map((c) => `${c.label.toLowerCase()}: ${c.fallback}`).join('; ')}. Choose a
          column below if the file has one.
        </p>
      )}
      {entry.notice && (
        <p className="mapping-notice" role="status" data-testid="mapping-notice">
          {entry.notice}
        </p>
      )}
      <div>
        <table className="mapping" data-testid="mapping-table">
          <caption className="sr-only">
            How each column of {p.fileName} becomes a column of Upstream
          </caption>
          <thead>
            <tr>
              <th scope="col" className="mapping__col-name">
                Column in the file
              </th>
              <th scope="col" className="mapping__col-samples">
                Sample values
              </th>
              <th scope="col" className="mapping__col-role">
                Meaning in Upstream
              </th>
              <th scope="col" className="mapping__col-conf">
                Confidence
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {p.columns.map((column) => {
              const role = roleOf(mapping, column.name);
              const choice = choiceOf(role);
              const edited = columnChanged(mapping, p.mapping, column.name);
              const item = mapping.items.find((i) => i.column === column.name);
              const spec = role ? canonicalColumn(kind, role) : undefined;
              const isDate = spec?.type === 'date' || spec?.type === 'timestamp';
              const word = confidenceWord(column.confidence);
              return (
                <Fragment key={column.name}>
                  <tr
                    className={`mapping__row${role === null ? ' mapping__row--ignored' : ''}${edited ? ' mapping__row--edited' : ''}${item ? ' mapping__row--has-item' : ''}`}
                    data-testid={`mapping-row-${column.name}`}
                    data-role={role ?? ''}
                  >
                    <th scope="row" className="mapping__name-cell" rowSpan={item ? 2 : 1}>
                      <span className="mapping__name">{column.name}</span>
                      {column.label && column.label !== column.name && (
                        <span className="mapping__label">{column.label}</span>
                      )}
                    </th>
                    <td>
                      <Samples column={column} />
                    </td>
                    <td>
                      <select
                        className="mapping__select"
                        data-testid="mapping-role"
                        aria-label={`Meaning of column ${column.name}`}
                        value={choice}
                        disabled={disabled}
                        onChange={(e) => onRole(column, e.target.value)}
                      >
                        <option value="">Ignore (not imported)</option>
                        <optgroup label="Upstream columns">
                          {canonical.map((c) => {
                            const taken = mapping.columns[c.name];
                            const elsewhere = taken !== undefined && taken !== column.name;
                            return (
                              <option key={c.name} value={c.name}>
                                {c.label} ({c.name}){elsewhere ? ` · now from “${taken}”` : ''}
                              </option>
                            );
                          })}
                        </optgroup>
                        {kind === 'survey_responses' && (
                          <option value={ITEM_CHOICE}>Survey item (answers)</option>
                        )}
                        {kind === 'survey_responses' && (
                          <optgroup label="Respondent groups (shown only for groups of the minimum size)">
                            {demographicChoices(mapping).map((d) => (
                              <option key={d.id} value={`${DEMOGRAPHIC_CHOICE}${d.id}`}>
                                {d.label}
                              </option>
                            ))}
                          </optgroup>
                        )}
                      </select>
                      {isDate && role && (
                        <DateFormatPicker
                          entry={entry}
                          column={column.name}
                          role={role}
                          mapping={mapping}
                        />
                      )}
                      {role !== null && role === derivedPeriod && (
                        <p className="mapping__derived">Also gives the period (its quarter).</p>
                      )}
                    </td>
                    <td>
                      {edited ? (
                        <span
                          className="confidence confidence--you"
                          data-testid="mapping-confidence"
                        >
                          set by you
                        </span>
                      ) : role === null && column.confidence === 0 ? (
                        <span
                          className="confidence confidence--none"
                          data-testid="mapping-confidence"
                        >
                          —
                        </span>
                      ) : (
                        <span
                          className={`confidence confidence--${word}`}
                          data-testid="mapping-confidence"
                          title={`${Math.round(column.confidence * 100)}%`}
                        >
                          {word}
                        </span>
                      )}
                    </td>
                    <td className="mapping__why" data-testid="mapping-why">
                      {edited
                        ? column.role === null
                          ? `You chose this; Upstream had left it out${column.why ? ` (${column.why})` : ''}.`
                          : `You chose this; Upstream had read it as ${roleLabel(kind, column.role)}${column.why ? ` (${column.why})` : ''}.`
                        : column.why}
                    </td>
                  </tr>
                  {item && (
                    <tr className="mapping__item-row" data-testid={`mapping-item-${column.name}`}>
                      <td colSpan={4}>
                        <ItemEditor entry={entry} item={item} disabled={disabled} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
