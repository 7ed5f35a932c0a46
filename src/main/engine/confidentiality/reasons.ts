/** The words shown beside a suppressed value: always why, never a number. */
export const suppressionReasons = {
  tooFew: (minSize: number) => `Suppressed: fewer than ${minSize} respondents`,
  neighbour: (minSize: number) =>
    `Suppressed: a smaller neighbouring group (under ${minSize}) could otherwise be worked out by subtraction`,
  metricTooFew: (minSize: number) =>
    `Suppressed: fewer than ${minSize} people answered this question`,
} as const;

/** The leader / front-line gap of a value: both sides must be shown, and neither derivable. */
export const gapReasons = {
  tooFew: (minSize: number) =>
    `Suppressed: fewer than ${minSize} leaders or fewer than ${minSize} front-line staff answered`,
  derivable: (minSize: number) =>
    `Suppressed: a group under ${minSize} (leaders, front line or others) could otherwise be worked out by subtraction`,
  noData: 'No leaders or no front-line staff answered this value here',
} as const;
