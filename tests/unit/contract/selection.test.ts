import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SELECTION,
  formatSelection,
  parseSelection,
  type Selection,
} from '../../../src/shared/selection';

describe('the shared selection in the URL hash', () => {
  it('leaves defaults out, so a plain view link stays short', () => {
    expect(formatSelection({ ...DEFAULT_SELECTION, view: 'linkage' })).toBe('#/linkage');
    expect(parseSelection('#/linkage')).toEqual({ ...DEFAULT_SELECTION, view: 'linkage' });
  });

  it('round-trips every part, including unit ids with dots and percent signs', () => {
    const s: Selection = {
      view: 'values',
      period: '2025-Q3',
      unit: 'R-NORTH',
      units: { ids: ['T.1', 'T%2', 'U0009'], source: 'brush', label: 'Brushed teams' },
      employeeMetric: 'attrition',
      customerMetric: 'transfer_rate',
      lag: -2,
      level: 'area',
      linkPeriod: '2025-Q1',
      heatmapMode: 'absolute',
      grouping: 'tenure_band',
      outcome: 'csat',
      driverKind: 'value',
      scope: 'direct',
      present: { story: 'Off-site', slide: 3 },
    };
    const hash = formatSelection(s);
    expect(parseSelection(hash)).toEqual(s);
    expect(parseSelection(hash.replace('#/', '#'))).toEqual(s);
  });

  it('falls back to defaults for anything a hand-edited or old bookmark gets wrong', () => {
    const s = parseSelection('#/nowhere?period=2025-Q9&lag=7&em=salary&mode=x&scope=all&units=');
    expect(s).toEqual(DEFAULT_SELECTION);
  });

  it('keeps a lag of 0, which is not the default', () => {
    const hash = formatSelection({ ...DEFAULT_SELECTION, lag: 0 });
    expect(hash).toBe('#/overview?lag=0');
    expect(parseSelection(hash).lag).toBe(0);
  });

  it('reads a set once per id and names it when the label is missing', () => {
    const s = parseSelection('#/overview?units=A.B.A');
    expect(s.units).toEqual({ ids: ['A', 'B'], source: 'list', label: '2 units' });
  });
});
