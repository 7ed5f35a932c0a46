import { useLayoutEffect, useRef, useState } from 'react';
import { NoData } from '../NoData';
import { Suppressed } from '../Suppressed';
import type { Detail } from './model';

export const DETAIL_ID = 'values-cell-detail';

/**
 * The one detail card of the heatmap, for the cell under the pointer or, without one, the cell
 * with keyboard focus: the same words either way. Fixed to the viewport next to the cell,
 * below it when there is room, else above; never off screen.
 */
export function DetailCard({ detail, anchor }: { detail: Detail; anchor: DOMRect }) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const gap = 6;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const left = Math.max(gap, Math.min(anchor.left, window.innerWidth - w - gap));
    const below = anchor.bottom + gap;
    const top = below + h <= window.innerHeight - gap ? below : Math.max(gap, anchor.top - h - gap);
    setPos({ left, top });
  }, [anchor, detail]);

  return (
    <div
      ref={ref}
      id={DETAIL_ID}
      role="tooltip"
      className={`heatmap-detail heatmap-detail--${detail.status}`}
      data-testid="heatmap-detail"
      style={pos ? { left: pos.left, top: pos.top } : { left: anchor.left, top: anchor.bottom }}
    >
      <p className="heatmap-detail__title">{detail.title}</p>
      {detail.status === 'suppressed' ? (
        <Suppressed reason={detail.reason} size="block" testId="heatmap-detail-suppressed" />
      ) : detail.status === 'no_data' && detail.reason ? (
        <NoData reason={detail.reason} size="block" testId="heatmap-detail-no-data" />
      ) : (
        <ul className="heatmap-detail__lines">
          {detail.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {detail.noiseNote && (
        <p className="heatmap-detail__noise" data-testid="heatmap-detail-noise">
          {detail.noiseNote}
        </p>
      )}
    </div>
  );
}
