/**
 * A tiny trend line: no axes, no labels, a handful of SVG nodes (one path, one dot for the
 * period on screen, a dot for any value standing alone between gaps). Suppressed and missing
 * periods are gaps. Only shown values are drawn: a hidden figure leaves no trace, not even a
 * coordinate. Colour comes from the CSS (currentColor), so both themes work.
 */
export interface SparkPoint {
  period: string;
  /** null: suppressed or no data (a gap). */
  value: number | null;
}

export function Sparkline({
  points,
  selected,
  label,
  dashed = false,
  testId = 'tile-sparkline',
}: {
  /** Oldest first. */
  points: SparkPoint[];
  /** The period on screen: its value gets a dot. */
  selected?: string;
  /** What the line shows, for screen readers (no numbers). */
  label: string;
  dashed?: boolean;
  testId?: string;
}) {
  const W = 100;
  const H = 36;
  const PAD = 4;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0 || points.length < 2) return null;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / (points.length - 1);
  const y = (v: number) => PAD + ((hi - v) * (H - 2 * PAD)) / (hi - lo);
  let d = '';
  const alone: number[] = [];
  points.forEach((p, i) => {
    if (p.value === null) return;
    const prev = points[i - 1]?.value ?? null;
    const next = points[i + 1]?.value ?? null;
    d += `${prev === null ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    if (prev === null && next === null) alone.push(i);
  });
  const at = points.findIndex((p) => p.period === selected);
  const current = at >= 0 ? points[at]!.value : null;
  return (
    <svg
      className="sparkline"
      data-testid={testId}
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      {d && (
        <path
          d={d}
          fill="none"
          stroke="currentColor"
          strokeWidth={2.5}
          strokeDasharray={dashed ? '6 3' : undefined}
          vectorEffect="non-scaling-stroke"
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      )}
      {alone
        .filter((i) => i !== at)
        .map((i) => (
          <circle key={i} cx={x(i)} cy={y(points[i]!.value!)} r={2.5} fill="currentColor" />
        ))}
      {current !== null && (
        <circle
          className="sparkline__now"
          cx={x(at)}
          cy={y(current)}
          r={4}
          fill="currentColor"
          stroke="var(--surface)"
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}
