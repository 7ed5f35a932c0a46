import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { EmptyIcon, LockIcon } from '../Icons';
import { cellColours, fadedColours, type ColourScale } from './colourScale';
import { DETAIL_ID, DetailCard } from './DetailCard';
import { isDeltaMode, MODE_LABELS, type Heatmap } from './format';
import type { CellModel, Detail, RowModel, TableModel } from './model';

interface Focusable {
  key: string;
  detail: Detail;
}

/** Every focusable cell of a row, in column order: the values, the spread, the gaps. */
function rowCells(row: RowModel): Focusable[] {
  return [
    ...row.cells.map((c) => ({ key: c.key, detail: c.detail })),
    { key: `${row.key}:spread`, detail: row.spread.detail },
    ...(row.gaps ?? []).map((g) => ({ key: `${row.key}:gap:${g.valueId}`, detail: g.detail })),
  ];
}

interface CellEvents {
  active: string;
  described: string | null;
  onShow: (key: string, el: HTMLElement, how: 'hover' | 'focus') => void;
  onHide: (key: string, how: 'hover' | 'focus') => void;
}

function cellHandlers(key: string, ev: CellEvents) {
  return {
    tabIndex: key === ev.active ? 0 : -1,
    'data-grid-cell': key,
    'aria-describedby': ev.described === key ? DETAIL_ID : undefined,
    onMouseEnter: (e: React.MouseEvent<HTMLElement>) => ev.onShow(key, e.currentTarget, 'hover'),
    onMouseLeave: () => ev.onHide(key, 'hover'),
    onFocus: (e: React.FocusEvent<HTMLElement>) => ev.onShow(key, e.currentTarget, 'focus'),
    onBlur: () => ev.onHide(key, 'focus'),
  };
}

function ValueCell({
  cell,
  row,
  scale,
  ev,
}: {
  cell: CellModel;
  row: RowModel;
  scale: ColourScale;
  ev: CellEvents;
}) {
  const common = {
    ...cellHandlers(cell.key, ev),
    'data-testid': 'heatmap-cell',
    'data-status': cell.status,
    'data-value': cell.valueId,
    'data-unit': row.unitId ?? row.key,
  };
  if (cell.look === 'suppressed') {
    return (
      <td {...common} className="heatmap__cell heatmap__cell--suppressed">
        <LockIcon className="heatmap__icon" />
        <span className="sr-only">Suppressed</span>
      </td>
    );
  }
  if (cell.look === 'no_data') {
    return (
      <td {...common} className="heatmap__cell heatmap__cell--no_data">
        <EmptyIcon className="heatmap__icon" />
        <span className="sr-only">No data</span>
      </td>
    );
  }
  const noisy = cell.noise?.noisy === true;
  const colours =
    cell.look === 'colour' && cell.colourBy !== null
      ? noisy
        ? fadedColours(scale, cell.colourBy)
        : cellColours(scale, cell.colourBy)
      : undefined;
  return (
    <td
      {...common}
      data-noise={noisy ? 'true' : undefined}
      className={`heatmap__cell heatmap__cell--${cell.look}${noisy ? ' heatmap__cell--noise' : ''}`}
      style={colours ? { background: colours.background, color: colours.color } : undefined}
    >
      {cell.main ? (
        <span className="heatmap__number" data-testid="heatmap-cell-value">
          {cell.main}
        </span>
      ) : (
        <span className="heatmap__none" aria-label="no comparison">
          —
        </span>
      )}
      {cell.side && (
        <span className="heatmap__pct" data-testid="heatmap-cell-pct">
          {cell.side}
        </span>
      )}
      {noisy && (
        <span className="heatmap__noise-mark" aria-hidden="true">
          ≈
        </span>
      )}
    </td>
  );
}

/** Rows ticked to become a set of units for every view ("select these rows"). */
export interface RowPicking {
  picked: ReadonlySet<string>;
  onToggle: (unitId: string) => void;
}

function Row({
  row,
  scale,
  ev,
  focusUnit,
  canDrill,
  onPick,
  picking,
}: {
  row: RowModel;
  scale: ColourScale;
  ev: CellEvents;
  focusUnit: string | undefined;
  canDrill: (unitId: string) => boolean;
  onPick: ((unitId: string) => void) | undefined;
  picking?: RowPicking | undefined;
}) {
  const focused = row.unitId !== null && row.unitId === focusUnit;
  const pickable = onPick !== undefined && row.unitId !== null && !focused;
  const drill = row.unitId !== null && canDrill(row.unitId);
  const classes = [
    'heatmap__row',
    `heatmap__row--${row.kind}`,
    row.isReference ? 'heatmap__row--reference' : '',
    focused ? 'heatmap__row--focus' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      className={classes}
      data-testid={row.testId}
      data-unit={row.kind === 'unit' || row.kind === 'group' ? (row.unitId ?? row.name) : undefined}
      data-status={row.status}
      data-focus={focused ? 'true' : undefined}
      data-grid-row={row.key}
    >
      <th scope="row" className="heatmap__unit">
        <span className="heatmap__unit-row">
          {picking && row.unitId !== null && (
            <input
              type="checkbox"
              className="heatmap__check"
              data-testid="values-pick"
              aria-label={`Pick ${row.name} for a set of units`}
              checked={picking.picked.has(row.unitId)}
              onChange={() => picking.onToggle(row.unitId!)}
            />
          )}
          <span className="heatmap__unit-text">
            {pickable ? (
              <button
                type="button"
                className="heatmap__pick"
                onClick={() => onPick(row.unitId!)}
                title={drill ? `Focus on ${row.name} and show its units` : `Focus on ${row.name}`}
              >
                <span className="heatmap__unit-name">{row.name}</span>
                {drill && (
                  <span className="heatmap__chevron" aria-hidden="true">
                    ›
                  </span>
                )}
              </button>
            ) : (
              <span className="heatmap__unit-name">
                {row.name}
                {focused && <span className="heatmap__focus-tag">In focus</span>}
              </span>
            )}
            <span className="heatmap__unit-sub" title={row.sub}>
              {row.sub}
            </span>
          </span>
        </span>
      </th>
      {row.cells.map((cell) => (
        <ValueCell key={cell.key} cell={cell} row={row} scale={scale} ev={ev} />
      ))}
      <td
        {...cellHandlers(`${row.key}:spread`, ev)}
        className={`heatmap__spread${row.spread.text ? '' : ' heatmap__spread--none'}`}
        data-testid="heatmap-spread"
      >
        {row.spread.text || <EmptyIcon className="heatmap__icon" />}
      </td>
      {row.gaps?.map((g) => (
        <td
          key={g.valueId}
          {...cellHandlers(`${row.key}:gap:${g.valueId}`, ev)}
          className={`heatmap__gap heatmap__gap--${g.status}`}
          data-testid="heatmap-gap-cell"
          data-status={g.status}
          data-value={g.valueId}
        >
          {g.text ||
            (g.status === 'suppressed' ? (
              <LockIcon className="heatmap__icon" />
            ) : (
              <EmptyIcon className="heatmap__icon" />
            ))}
        </td>
      ))}
    </tr>
  );
}

/**
 * The heatmap: summary rows (company, parent, the reference, a combined selection) above the
 * rows of the level or set shown. Cells are one grid for the keyboard (roving tabindex: Tab
 * enters at one cell, arrows, Home and End move); hover and focus open the same detail card.
 */
export function HeatmapTable({
  data,
  model,
  showGap,
  focusUnit,
  canDrill,
  onPick,
  picking,
}: {
  data: Heatmap;
  model: TableModel;
  showGap: boolean;
  focusUnit: string | undefined;
  canDrill: (unitId: string) => boolean;
  onPick: ((unitId: string) => void) | undefined;
  /** Tick boxes on the unit rows; undefined: none. */
  picking?: RowPicking | undefined;
}) {
  const tableRef = useRef<HTMLTableElement>(null);
  const allRows = useMemo(() => [...model.summary, ...model.body], [model]);
  const details = useMemo(() => {
    const map = new Map<string, Detail>();
    for (const r of allRows) for (const c of rowCells(r)) map.set(c.key, c.detail);
    return map;
  }, [allRows]);

  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [hovered, setHovered] = useState<{ key: string; rect: DOMRect } | null>(null);
  const [focused, setFocused] = useState<{ key: string; rect: DOMRect } | null>(null);

  const firstKey = model.body[0]?.cells[0]?.key ?? allRows[0]?.cells[0]?.key ?? '';
  const active = activeKey !== null && details.has(activeKey) ? activeKey : firstKey;
  const shown = [hovered, focused].find((s) => s !== null && details.has(s.key)) ?? null;

  const onShow = useCallback((key: string, el: HTMLElement, how: 'hover' | 'focus') => {
    const entry = { key, rect: el.getBoundingClientRect() };
    if (how === 'hover') setHovered(entry);
    else {
      setFocused(entry);
      setActiveKey(key);
    }
  }, []);
  const onHide = useCallback((key: string, how: 'hover' | 'focus') => {
    const clear = <T extends { key: string }>(s: T | null) => (s?.key === key ? null : s);
    if (how === 'hover') setHovered(clear);
    else setFocused(clear);
  }, []);
  const ev: CellEvents = { active, described: shown?.key ?? null, onShow, onHide };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    const key = target.getAttribute('data-grid-cell');
    if (!key || !tableRef.current) return;
    const rows = [...tableRef.current.querySelectorAll<HTMLElement>('tr[data-grid-row]')];
    const cellsOf = (tr: HTMLElement) => [...tr.querySelectorAll<HTMLElement>('[data-grid-cell]')];
    const r = rows.findIndex((tr) => tr.contains(target));
    if (r < 0) return;
    const c = cellsOf(rows[r]!).indexOf(target);
    let next: HTMLElement | undefined;
    switch (e.key) {
      case 'ArrowRight':
        next = cellsOf(rows[r]!)[c + 1];
        break;
      case 'ArrowLeft':
        next = cellsOf(rows[r]!)[c - 1];
        break;
      case 'ArrowDown':
        next = rows[r + 1] ? cellsOf(rows[r + 1]!)[c] : undefined;
        break;
      case 'ArrowUp':
        next = rows[r - 1] ? cellsOf(rows[r - 1]!)[c] : undefined;
        break;
      case 'Home':
        next = cellsOf(rows[e.ctrlKey ? 0 : r]!)[0];
        break;
      case 'End':
        next = cellsOf(rows[e.ctrlKey ? rows.length - 1 : r]!).at(-1);
        break;
      case 'Escape':
        setHovered(null);
        setFocused(null);
        return;
      default:
        return;
    }
    e.preventDefault();
    if (next) {
      setActiveKey(next.getAttribute('data-grid-cell'));
      next.focus();
    }
  };

  const unitHeader = isDeltaMode(data.mode) ? `Points ${MODE_LABELS[data.mode]}` : '% favourable';
  const shownDetail = shown ? details.get(shown.key) : undefined;
  return (
    <div className="heatmap__scroll">
      <table
        ref={tableRef}
        className={`heatmap heatmap--${data.mode}`}
        data-testid="heatmap-table"
        onKeyDown={onKeyDown}
      >
        <caption className="sr-only">
          Values alignment, {data.period}: {unitHeader}. Arrow keys move between cells; each cell
          describes its figures.
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
            <th scope="col" className="heatmap__spread-head">
              Spread
            </th>
            {showGap &&
              data.values.map((v) => (
                <th scope="col" key={`gap-${v.id}`} className="heatmap__gap-head">
                  <span className="heatmap__gap-kicker">Leaders − front line</span>
                  {v.name}
                </th>
              ))}
          </tr>
        </thead>
        <tbody className="heatmap__summary">
          {model.summary.map((row) => (
            <Row
              key={row.key}
              row={row}
              scale={model.scale}
              ev={ev}
              focusUnit={focusUnit}
              canDrill={canDrill}
              onPick={row.kind === 'company' || row.kind === 'parent' ? onPick : undefined}
            />
          ))}
        </tbody>
        <tbody>
          {model.body.map((row) => (
            <Row
              key={row.key}
              row={row}
              scale={model.scale}
              ev={ev}
              focusUnit={focusUnit}
              canDrill={canDrill}
              onPick={onPick}
              picking={row.kind === 'unit' ? picking : undefined}
            />
          ))}
        </tbody>
      </table>
      {shown && shownDetail && <DetailCard detail={shownDetail} anchor={shown.rect} />}
    </div>
  );
}
