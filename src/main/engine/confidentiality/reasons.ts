/** The words shown beside a suppressed value: always why, never a number. */
export const suppressionReasons = {
  tooFew: (minSize: number) => `Suppressed: fewer than ${minSize} respondents`,
  neighbour: (minSize: number) =>
    `Suppressed: a smaller neighbouring group (under ${minSize}) could otherwise be worked out by subtraction`,
  metricTooFew: (minSize: number) =>
    `Suppressed: fewer than ${minSize} people answered this question`,
} as const;
