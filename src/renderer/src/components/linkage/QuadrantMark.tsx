import type { Quadrant } from '../../../../shared/analytics/linkage';
import { QUADRANT_STYLE } from './linkageModel';

/** A quadrant's mark (shape and colour) as on the scatter, for lists, legends and tooltips. */
export function QuadrantMark({ quadrant, size = '1em' }: { quadrant: Quadrant; size?: string }) {
  const style = QUADRANT_STYLE[quadrant];
  const fill = `var(${style.colorVar})`;
  return (
    <svg
      className="quadrant-mark"
      viewBox="0 0 16 16"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      {style.shape === 'circle' && <circle cx="8" cy="8" r="6" fill={fill} />}
      {style.shape === 'square' && <rect x="2.5" y="2.5" width="11" height="11" fill={fill} />}
      {style.shape === 'diamond' && <path d="M8 0.8 15.2 8 8 15.2 0.8 8Z" fill={fill} />}
      {style.shape === 'triangle' && <path d="M8 1.2 15 13.8H1Z" fill={fill} />}
    </svg>
  );
}
