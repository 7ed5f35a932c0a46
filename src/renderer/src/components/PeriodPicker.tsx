import type { MethodOutput } from '../../../shared/contract';

type Period = MethodOutput<'info'>['periods'][number];

function periodLabel(p: Period): string {
  if (p.surveyResponses === 0 && p.customerResponses === 0) return `${p.id} · no data`;
  if (p.surveyResponses === 0) return `${p.id} · customers only`;
  if (p.customerResponses === 0) return `${p.id} · employees only`;
  return p.id;
}

/** The periods the workspace holds, newest first. */
export function PeriodPicker({
  periods,
  value,
  onChange,
}: {
  periods: Period[];
  value: string;
  onChange: (period: string) => void;
}) {
  const newestFirst = [...periods].sort((a, b) => b.id.localeCompare(a.id));
  return (
    <label className="picker">
      <span className="picker__label">Period</span>
      <select
        className="picker__select picker__select--period"
        data-testid="period-picker"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {newestFirst.map((p) => (
          <option key={p.id} value={p.id}>
            {periodLabel(p)}
          </option>
        ))}
      </select>
    </label>
  );
}
