/** How every metric value is written: shared with the exports, so the rules live in one place. */
export * from '../../../shared/figureText';
