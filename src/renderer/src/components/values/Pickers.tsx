import type { MethodOutput } from '../../../../shared/contract';
import { MODE_LABELS, type HeatmapMode } from './format';

type Period = MethodOutput<'info'>['periods'][number];

const MODES: HeatmapMode[] = ['vs_company', 'vs_parent', 'vs_previous', 'absolute'];

/** Periods with survey responses, newest first (the heatmap is employee data only). */
export function HeatmapPeriodPicker({
  periods,
  value,
  onChange,
}: {
  periods: Period[];
  value: string;
  onChange: (period: string) => void;
}) {
  const newestFirst = periods
    .filter((p) => p.surveyResponses > 0)
    .sort((a, b) => b.id.localeCompare(a.id));
  return (
    <label className="picker">
      <span className="picker__label">Period</span>
      <select
        className="picker__select picker__select--period"
        data-testid="heatmap-period"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {newestFirst.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The mode (`values-mode` is the label, `heatmap-mode` the select inside it). */
export function HeatmapModePicker({
  value,
  onChange,
}: {
  value: HeatmapMode;
  onChange: (mode: HeatmapMode) => void;
}) {
  return (
    <label className="picker" data-testid="values-mode">
      <span className="picker__label">Show</span>
      <select
        className="picker__select heatmap-mode"
        data-testid="heatmap-mode"
        value={value}
        onChange={(e) => onChange(e.target.value as HeatmapMode)}
      >
        {MODES.map((m) => (
          <option key={m} value={m}>
            {MODE_LABELS[m]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Rows by org unit or by a demographic the survey carries (the engine's `groupings`). */
export function GroupingPicker({
  groupings,
  value,
  disabledReason,
  onChange,
}: {
  groupings: { id: string; label: string }[];
  value: string;
  disabledReason: string | null;
  onChange: (grouping: string) => void;
}) {
  const options = groupings.some((g) => g.id === value)
    ? groupings
    : [...groupings, { id: value, label: value }];
  return (
    <label className="picker" title={disabledReason ?? undefined}>
      <span className="picker__label">Rows</span>
      <select
        className="picker__select"
        data-testid="values-grouping"
        value={value}
        disabled={disabledReason !== null}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((g) => (
          <option key={g.id} value={g.id}>
            By {g.label.toLowerCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
