import type { DrilldownOutput } from '../../../../shared/analytics/drilldown';
import { NoData } from '../NoData';
import { Suppressed } from '../Suppressed';
import { formatValueCell } from './format';

type Row = DrilldownOutput['values'][number];
type Cell = Row['unit'];

function ValueBar({ cell, kind }: { cell: Cell; kind: 'unit' | 'parent' | 'company' }) {
  const text = formatValueCell(cell);
  if (!text) {
    return cell.status === 'suppressed' ? (
      <Suppressed reason={cell.reason} testId={`profile-${kind}`} />
    ) : (
      <NoData reason={cell.reason} testId={`profile-${kind}`} />
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

/**
 * Each company value: the unit's % favourable against its parent's and the company's. The
 * company's own page shows one column (it is not compared with itself), and a unit reporting to
 * the company shows the company once, not as parent and company both.
 */
export function ValuesProfile({
  values,
  unitName,
  parentName,
  companyName,
  isCompany,
  hasSurvey,
}: {
  values: Row[];
  unitName: string;
  /** The parent when it is not the company; null otherwise. */
  parentName: string | null;
  companyName: string;
  /** The company's own page: its column is the company's. */
  isCompany: boolean;
  hasSurvey: boolean;
}) {
  const empty = values.length === 0 || values.every((v) => v.unit.status === 'no_data');
  return (
    <section
      className="panel teams-profile"
      aria-label="Values profile"
      data-testid="values-profile"
    >
      <h2 className="panel__title">Values: % favourable</h2>
      {empty && !hasSurvey ? (
        <NoData
          size="block"
          reason="The values profile comes from the employee survey, and this workspace holds none yet."
          action="survey responses"
        />
      ) : values.length === 0 ? (
        <NoData size="block" reason="The survey's items name no company values." />
      ) : (
        <table className="profile__table">
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col" title={unitName}>
                {unitName}
              </th>
              {parentName && (
                <th scope="col" title={parentName}>
                  {parentName}
                </th>
              )}
              {!isCompany && (
                <th scope="col" title={companyName}>
                  {companyName}
                </th>
              )}
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
      )}
    </section>
  );
}
