import { EmptyIcon, LockIcon } from '../Icons';
import { cellColours } from './colourScale';
import {
  formatGap,
  formatHeatmapCell,
  formatPercent,
  formatPoints,
  formatRespondents,
  formatSpread,
  heatmapCellNumber,
  isDeltaMode,
  MODE_LABELS,
  type Heatmap,
  type HeatmapCell,
  type HeatmapMode,
  type HeatmapRow,
  type LeaderGap,
} from './format';

type AnyRow = Pick<
  HeatmapRow,
  'unitId' | 'n' | 'status' | 'reason' | 'cells' | 'spread' | 'leaderGap'
>;

function referenceText(data: Heatmap): string {
  switch (data.mode) {
    case 'vs_company':
      return 'the company';
    case 'vs_parent':
      return data.parent.name;
    case 'vs_previous':
      return data.previousPeriod ?? 'the previous period';
    case 'absolute':
      return '';
  }
}

function cellTitle(data: Heatmap, unitName: string, valueName: string, cell: HeatmapCell): string {
  const head = `${valueName} · ${unitName}`;
  if (cell.status !== 'ok')
    return `${head}\n${cell.reason ?? (cell.status === 'suppressed' ? 'Suppressed' : 'No data')}`;
  const lines = [head];
  if (cell.pctFavourable !== null) lines.push(`${formatPercent(cell.pctFavourable)} favourable`);
  if (isDeltaMode(data.mode)) {
    lines.push(
      cell.delta === null
        ? `No figure for ${referenceText(data)} to compare with`
        : `${formatPoints(cell.delta)} points vs ${referenceText(data)}`,
    );
  }
  if (cell.n !== null) lines.push(formatRespondents(cell.n));
  if (cell.reason) lines.push(cell.reason);
  return lines.join('\n');
}

function Cell({
  data,
  unitId,
  unitName,
  valueName,
  cell,
}: {
  data: Heatmap;
  unitId: string;
  unitName: string;
  valueName: string;
  cell: HeatmapCell;
}) {
  const mode: HeatmapMode = data.mode;
  const value = heatmapCellNumber(mode, cell);
  // An 'ok' cell without a figure in a delta mode (nothing to compare with) looks like no data.
  const look = cell.status === 'ok' && value === null ? 'no_data' : cell.status;
  const title = cellTitle(data, unitName, valueName, cell);
  const common = {
    'data-testid': 'heatmap-cell',
    'data-status': cell.status,
    'data-value': cell.value,
    'data-unit': unitId,
    title,
    'aria-label': title.replace(/\n/g, '; '),
    tabIndex: 0,
  };
  if (look === 'suppressed') {
    return (
      <td {...common} className="heatmap__cell heatmap__cell--suppressed">
        <LockIcon className="heatmap__icon" />
        <span className="sr-only">Suppressed</span>
      </td>
    );
  }
  if (look === 'no_data' || value === null) {
    return (
      <td {...common} className="heatmap__cell heatmap__cell--no_data">
        <EmptyIcon className="heatmap__icon" />
        <span className="heatmap__nodata">No data</span>
      </td>
    );
  }
  const colours = cellColours(data.scale, value);
  return (
    <td
      {...common}
      data-number={value}
      className={`heatmap__cell heatmap__cell--ok${cell.reason ? ' heatmap__cell--caveat' : ''}`}
      style={{ background: colours.background, color: colours.color }}
    >
      <span className="heatmap__number" data-testid="heatmap-cell-value">
        {formatHeatmapCell(mode, cell)}
      </span>
      {cell.reason && (
        <span className="heatmap__caveat" aria-hidden="true">
          *
        </span>
      )}
    </td>
  );
}

function GapCell({
  gap,
  unitName,
  valueName,
}: {
  gap: LeaderGap | undefined;
  unitName: string;
  valueName: string;
}) {
  if (!gap || gap.status !== 'ok' || gap.gap === null) {
    const suppressed = gap?.status === 'suppressed';
    const reason = gap?.reason ?? 'No role data';
    return (
      <td
        className={`heatmap__gap heatmap__gap--${suppressed ? 'suppressed' : 'no_data'}`}
        data-testid="heatmap-gap-cell"
        data-status={gap?.status ?? 'no_data'}
        data-value={gap?.value ?? ''}
        title={`Leaders vs front line · ${valueName} · ${unitName}\n${reason}`}
        tabIndex={0}
      >
        {suppressed ? (
          <LockIcon className="heatmap__icon" />
        ) : (
          <EmptyIcon className="heatmap__icon" />
        )}
        <span className="sr-only">{suppressed ? 'Suppressed' : 'No data'}</span>
      </td>
    );
  }
  const lines = [
    `Leaders vs front line · ${valueName} · ${unitName}`,
    `Leaders ${gap.leaders === null ? '—' : formatPercent(gap.leaders)}${gap.leadersN !== null ? ` (${formatRespondents(gap.leadersN)})` : ''}`,
    `Front line ${gap.frontLine === null ? '—' : formatPercent(gap.frontLine)}${gap.frontLineN !== null ? ` (${formatRespondents(gap.frontLineN)})` : ''}`,
  ];
  if (gap.reason) lines.push(gap.reason);
  return (
    <td
      className="heatmap__gap heatmap__gap--ok"
      data-testid="heatmap-gap-cell"
      data-status="ok"
      data-value={gap.value}
      title={lines.join('\n')}
      tabIndex={0}
    >
      {formatGap(gap)}
    </td>
  );
}

function Row({
  data,
  row,
  name,
  sub,
  kind,
  testId,
  showGap,
  onDrill,
}: {
  data: Heatmap;
  row: AnyRow;
  name: string;
  sub: string;
  kind: 'unit' | 'company' | 'parent';
  testId: string;
  showGap: boolean;
  onDrill: (() => void) | undefined;
}) {
  const byValue = new Map(row.cells.map((c) => [c.value, c]));
  const gaps = new Map((row.leaderGap ?? []).map((g) => [g.value, g]));
  const spread = formatSpread(row.spread);
  return (
    <tr
      className={`heatmap__row heatmap__row--${kind}${onDrill ? ' heatmap__row--drillable' : ''}`}
      data-testid={testId}
      data-status={row.status}
      onClick={onDrill}
    >
      <th scope="row" className="heatmap__unit">
        {onDrill ? (
          <button
            type="button"
            className="heatmap__drill"
            onClick={(e) => {
              e.stopPropagation();
              onDrill();
            }}
            title={`Show the units in ${name}`}
          >
            <span className="heatmap__unit-name">{name}</span>
            <span className="heatmap__chevron" aria-hidden="true">
              ›
            </span>
          </button>
        ) : (
          <span className="heatmap__unit-name">{name}</span>
        )}
        <span className="heatmap__unit-sub">
          {sub}
          {row.n !== null
            ? ` · ${formatRespondents(row.n)}`
            : row.status === 'suppressed'
              ? ' · suppressed'
              : ''}
        </span>
      </th>
      {data.values.map((v) => {
        const cell = byValue.get(v.id);
        return cell ? (
          <Cell
            key={v.id}
            data={data}
            unitId={row.unitId}
            unitName={name}
            valueName={v.name}
            cell={cell}
          />
        ) : (
          <Cell
            key={v.id}
            data={data}
            unitId={row.unitId}
            unitName={name}
            valueName={v.name}
            cell={{
              value: v.id,
              pctFavourable: null,
              delta: null,
              n: null,
              status: 'no_data',
              reason: 'No data',
            }}
          />
        );
      })}
      <td
        className={`heatmap__spread${spread ? '' : ' heatmap__spread--none'}`}
        data-testid="heatmap-spread"
        title={
          spread
            ? `Spread · ${name}: highest minus lowest % favourable across the values, ${spread} points`
            : `Spread · ${name}: needs at least two visible values`
        }
        tabIndex={0}
      >
        {spread || <EmptyIcon className="heatmap__icon" />}
      </td>
      {showGap &&
        data.values.map((v) => (
          <GapCell key={`gap-${v.id}`} gap={gaps.get(v.id)} unitName={name} valueName={v.name} />
        ))}
    </tr>
  );
}

/** The heatmap: reference rows (company, parent) above the units of the current level. */
export function HeatmapTable({
  data,
  companyName,
  showGap,
  canDrill,
  onDrill,
}: {
  data: Heatmap;
  companyName: string;
  showGap: boolean;
  canDrill: (row: HeatmapRow) => boolean;
  onDrill: (row: HeatmapRow) => void;
}) {
  const parentIsCompany = data.parentRow.unitId === data.company.unitId;
  const unitHeader = isDeltaMode(data.mode) ? `Points ${MODE_LABELS[data.mode]}` : '% favourable';
  return (
    <div className="heatmap__scroll">
      <table className={`heatmap heatmap--${data.mode}`} data-testid="heatmap-table">
        <caption className="sr-only">
          Values alignment, {data.period}: {unitHeader}, units of {data.parent.name}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap__corner">
              {unitHeader}
            </th>
            {data.values.map((v) => (
              <th
                scope="col"
                key={v.id}
                className="heatmap__value-head"
                title={`${v.name}\n${v.items.map((i) => `• ${i.text}`).join('\n')}`}
              >
                {v.name}
              </th>
            ))}
            <th
              scope="col"
              className="heatmap__spread-head"
              title="Highest minus lowest % favourable across the values, in points"
            >
              Spread
            </th>
            {showGap &&
              data.values.map((v) => (
                <th
                  scope="col"
                  key={`gap-${v.id}`}
                  className="heatmap__gap-head"
                  title="Leaders minus front line, % favourable points"
                >
                  <span className="heatmap__gap-kicker">Leaders − front line</span>
                  {v.name}
                </th>
              ))}
          </tr>
        </thead>
        <tbody className="heatmap__reference">
          <Row
            data={data}
            row={data.company}
            name={companyName}
            sub="Whole company"
            kind="company"
            testId="heatmap-company"
            showGap={showGap}
            onDrill={undefined}
          />
          {!parentIsCompany && (
            <Row
              data={data}
              row={data.parentRow}
              name={data.parent.name}
              sub={`${data.parent.level} · all of it`}
              kind="parent"
              testId="heatmap-parent"
              showGap={showGap}
              onDrill={undefined}
            />
          )}
        </tbody>
        <tbody>
          {data.rows.map((row) => (
            <Row
              key={row.unitId}
              data={data}
              row={row}
              name={row.name}
              sub={row.level}
              kind="unit"
              testId={`heatmap-row-${row.unitId}`}
              showGap={showGap}
              onDrill={canDrill(row) ? () => onDrill(row) : undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
