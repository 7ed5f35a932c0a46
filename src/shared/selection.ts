import {
  LINKAGE_CUSTOMER_METRICS,
  LINKAGE_EMPLOYEE_METRICS,
  type LinkageCustomerMetric,
  type LinkageEmployeeMetric,
} from './analytics/linkage';
import {
  DRIVER_KINDS,
  DRIVER_OUTCOMES,
  type DriverKind,
  type DriverOutcome,
} from './analytics/drivers';
import { HEATMAP_MODES, type HeatmapMode } from './analytics/heatmap';

/**
 * The one selection every view reads and writes, in the spirit of Mosaic's Selection
 * (uwdata/mosaic): each part is a clause some view set, and every other view follows it. It all
 * lives in the URL hash (#/linkage?period=2025-Q3&unit=U0002&units=U0007.U0009&from=brush&lag=1),
 * so a reload restores it, Back and Forward walk the analysis, and any state can be bookmarked.
 * Values equal to their defaults are left out of the hash.
 */
export const VIEWS = [
  'overview',
  'linkage',
  'values',
  'drivers',
  'teams',
  'import',
  'stories',
] as const;
export type ViewId = (typeof VIEWS)[number];

/** Where a set of units came from: the view that wrote the clause shows it as its own gesture. */
export const UNIT_SET_SOURCES = ['brush', 'quadrant', 'heatmap', 'list'] as const;
export type UnitSetSource = (typeof UNIT_SET_SOURCES)[number];

export interface UnitSet {
  ids: string[];
  source: UnitSetSource;
  /** What the room calls it ("Bright spots", "Brushed teams"). */
  label: string;
}

export interface Selection {
  view: ViewId;
  /** The quarter every view shows; undefined: each view's default (the latest with its data). */
  period: string | undefined;
  /** The unit in focus (picked, drilled into, clicked); undefined: the whole company. */
  unit: string | undefined;
  /** A set of units picked together; while set, views that can show a set show it. */
  units: UnitSet | undefined;
  employeeMetric: LinkageEmployeeMetric;
  customerMetric: LinkageCustomerMetric;
  /** Customer quarter = employee quarter + lag. */
  lag: number;
  /** The org level compared (linkage points, drivers across units); undefined: the engine's default. */
  level: string | undefined;
  /** Linkage: one employee quarter, or undefined for every quarter pair pooled. */
  linkPeriod: string | undefined;
  heatmapMode: HeatmapMode;
  /** Heatmap rows: 'org' (units) or a demographic ('role', 'tenure_band', ...). */
  grouping: string;
  outcome: DriverOutcome;
  driverKind: DriverKind;
  scope: 'rollup' | 'direct';
  /** Presenting a story: its name and the slide on screen (0-based); the view is that slide's. */
  present: { story: string; slide: number } | undefined;
}

export const DEFAULT_SELECTION: Selection = {
  view: 'overview',
  period: undefined,
  unit: undefined,
  units: undefined,
  employeeMetric: 'engagement_index',
  customerMetric: 'nps',
  lag: 1,
  level: undefined,
  linkPeriod: undefined,
  heatmapMode: 'vs_company',
  grouping: 'org',
  outcome: 'enps',
  driverKind: 'item',
  scope: 'rollup',
  present: undefined,
};

const PERIOD = /^\d{4}-Q[1-4]$/;
const oneOf = <T extends string>(list: readonly T[], raw: string | null, fallback: T): T =>
  raw !== null && (list as readonly string[]).includes(raw) ? (raw as T) : fallback;
const text = (raw: string | null, max = 200): string | undefined =>
  raw && raw.length <= max ? raw : undefined;

/** Unit ids are joined with '.', which URLSearchParams leaves readable; ids with dots are escaped. */
const joinIds = (ids: string[]) =>
  ids.map((id) => id.replace(/%/g, '%25').replace(/\./g, '%2E')).join('.');
const splitIds = (raw: string) =>
  raw
    .split('.')
    .filter(Boolean)
    .map((id) => decodeURIComponent(id));

function presentOf(p: URLSearchParams): Selection['present'] {
  const story = text(p.get('present'), 100);
  if (story === undefined) return undefined;
  const slide = Number(p.get('slide') ?? '0');
  return { story, slide: Number.isInteger(slide) && slide >= 0 ? slide : 0 };
}

export function parseSelection(hash: string): Selection {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const p = new URLSearchParams(query);
  const d = DEFAULT_SELECTION;
  const lag = Number(p.get('lag'));
  const unitIds = p.get('units') ? [...new Set(splitIds(p.get('units')!))].slice(0, 5000) : [];
  const period = p.get('period');
  const linkPeriod = p.get('lperiod');
  return {
    view: oneOf(VIEWS, path, d.view),
    period: period && PERIOD.test(period) ? period : undefined,
    unit: text(p.get('unit')),
    units:
      unitIds.length > 0
        ? {
            ids: unitIds,
            source: oneOf(UNIT_SET_SOURCES, p.get('from'), 'list'),
            label: text(p.get('label'), 100) ?? `${unitIds.length} units`,
          }
        : undefined,
    employeeMetric: oneOf(LINKAGE_EMPLOYEE_METRICS, p.get('em'), d.employeeMetric),
    customerMetric: oneOf(LINKAGE_CUSTOMER_METRICS, p.get('cm'), d.customerMetric),
    lag: p.has('lag') && Number.isInteger(lag) && lag >= -2 && lag <= 2 ? lag : d.lag,
    level: text(p.get('level'), 100),
    linkPeriod: linkPeriod && PERIOD.test(linkPeriod) ? linkPeriod : undefined,
    heatmapMode: oneOf(HEATMAP_MODES, p.get('mode'), d.heatmapMode),
    grouping: text(p.get('group'), 100) ?? d.grouping,
    outcome: oneOf(DRIVER_OUTCOMES, p.get('outcome'), d.outcome),
    driverKind: oneOf(DRIVER_KINDS, p.get('by'), d.driverKind),
    scope: oneOf(['rollup', 'direct'] as const, p.get('scope'), d.scope),
    present: presentOf(p),
  };
}

export function formatSelection(s: Selection): string {
  const d = DEFAULT_SELECTION;
  const p = new URLSearchParams();
  const put = (key: string, value: string | number | undefined, fallback?: string | number) => {
    if (value !== undefined && value !== fallback) p.set(key, String(value));
  };
  put('period', s.period);
  put('unit', s.unit);
  if (s.units && s.units.ids.length > 0) {
    p.set('units', joinIds(s.units.ids));
    p.set('from', s.units.source);
    p.set('label', s.units.label);
  }
  put('em', s.employeeMetric, d.employeeMetric);
  put('cm', s.customerMetric, d.customerMetric);
  put('lag', s.lag, d.lag);
  put('level', s.level);
  put('lperiod', s.linkPeriod);
  put('mode', s.heatmapMode, d.heatmapMode);
  put('group', s.grouping, d.grouping);
  put('outcome', s.outcome, d.outcome);
  put('by', s.driverKind, d.driverKind);
  put('scope', s.scope, d.scope);
  if (s.present) {
    p.set('present', s.present.story);
    p.set('slide', String(s.present.slide));
  }
  const q = p.toString();
  return `#/${s.view}${q ? `?${q}` : ''}`;
}
