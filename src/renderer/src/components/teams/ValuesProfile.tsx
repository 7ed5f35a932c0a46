import type { DrilldownOutput } from '../../../../shared/analytics/drilldown';
import { LockIcon } from '../Icons';
import { formatValueCell } from './format';

type Row = DrilldownOutput['values'][number];
type Cell = Row['unit'];

function ValueBar({ cell, kind }: { cell: Cell; kind: 'unit' | 'parent' | 'company' }) {
  const text = formatValueCell(cell);
  if (!text) {
    return (
      <span
        className={`profile__empty profile__empty--${cell.status}`}
        data-testid={`profile-${kind}`}
        data-status={cell.status}
        title={cell.reason ?? undefined}
      >
        {cell.status === 'suppressed' ? (
          <>
            <LockIcon className="profile__lock" /> Suppressed
          </>
        ) : (
          'No data'
        )}
      </span>
    );
  }
  return (
    <span
      className={`profile__bar profile__bar--${kind}`}
      data-testid={`profile-${kind}`}
      data-status="ok"
    >
      <span className="profile__fill" style={{ width: `${cell.pctFavourable}%` }} />
      <span className="profile__text">{text}</span>
    </span>
  );
}

/** Each company value: the unit's % favourable against its parent's and the company's. */
export function ValuesProfile({
  values,
  unitName,
  parentName,
  isCompany,
}: {
  values: Row[];
  unitName: string;
  parentName: string | null;
  /** The company's own page: its column is the company's. */
  isCompany: boolean;
}) {
  return (
    <section className="panel profile" aria-label="Values profile" data-testid="values-profile">
      <h2 className="panel__title">Values: % favourable</h2>
      <table className="profile__table">
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col" title={unitName}>
              {unitName}
            </th>
            {parentName && <th scope="col">{parentName}</th>}
            {!isCompany && <th scope="col">Company</th>}
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.value} data-testid="profile-row" data-value={v.value}>
              <th scope="row">{v.name}</th>
              <td>
                <ValueBar cell={v.unit} kind="unit" />
              </td>
              {parentName && (
                <td>
                  <ValueBar cell={v.parent} kind="parent" />
                </td>
              )}
              {!isCompany && (
                <td>
                  <ValueBar cell={v.company} kind="company" />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
