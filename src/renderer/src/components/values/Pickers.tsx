import type { MethodOutput } from '../../../../shared/contract';
import { MODE_LABELS, type HeatmapMode } from './format';

type Period = MethodOutput<'info'>['periods'][number];

const MODES: HeatmapMode[] = ['absolute', 'vs_company', 'vs_parent', 'vs_previous'];

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

export function HeatmapModePicker({
  value,
  onChange,
}: {
  value: HeatmapMode;
  onChange: (mode: HeatmapMode) => void;
}) {
  return (
    <label className="picker">
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
