/** The words shown beside a suppressed value: always why, never a number. */
export const suppressionReasons = {
  tooFew: (minSize: number) => `Suppressed: fewer than ${minSize} respondents`,
  neighbour: (minSize: number) =>
    `Suppressed: a smaller neighbouring group (under ${minSize}) could otherwise be worked out by subtraction`,
  metricTooFew: (minSize: number) =>
    `Suppressed: fewer than ${minSize} people answered this question`,
  alike: (minSize: number) =>
    `Suppressed: the people in a smaller group here (under ${minSize}) all gave the same answer, which this figure would reveal`,
  directAlike: (minSize: number) =>
    `Suppressed: a smaller group (under ${minSize}) below the direct reports all gave the same answer, which the direct-reports view would reveal`,
} as const;

/** The leader / front-line gap of a value: both sides must be shown, and neither derivable. */
export const gapReasons = {
  tooFew: (minSize: number) =>
    `Suppressed: fewer than ${minSize} leaders or fewer than ${minSize} front-line staff answered`,
  derivable: (minSize: number) =>
    `Suppressed: a group under ${minSize} (leaders, front line or others) could otherwise be worked out by subtraction`,
  alike: (minSize: number) =>
    `Suppressed: a group under ${minSize} (leaders or front line) all gave the same answer, which this gap would reveal`,
  noData: 'No leaders or no front-line staff answered this value here',
} as const;

/** HR figures (attrition, absence, recognition per head): the same rules on the HR headcount. */
export const hrReasons = {
  tooFew: (minSize: number) => `Suppressed: fewer than ${minSize} people in the HR headcount`,
  neighbour: (minSize: number) =>
    `Suppressed: a smaller neighbouring group (headcount under ${minSize}) could otherwise be worked out by subtraction`,
  alike: (minSize: number) =>
    `Suppressed: a smaller group here (headcount under ${minSize}) would be known exactly from this figure (for example, that nobody in it left)`,
} as const;
