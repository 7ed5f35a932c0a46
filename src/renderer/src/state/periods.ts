import type { MethodOutput } from '../../../shared/contract';

type Period = MethodOutput<'info'>['periods'][number];

/**
 * The period a view opens on when none is chosen: the latest with the data the view is about
 * (survey answers, or any data), else the latest listed.
 */
export function defaultPeriod(
  periods: Period[],
  needs: 'survey' | 'any' = 'any',
): string | undefined {
  const sorted = [...periods].sort((a, b) => a.id.localeCompare(b.id));
  const has = (p: Period) =>
    needs === 'survey' ? p.surveyResponses > 0 : p.surveyResponses > 0 || p.customerResponses > 0;
  return (sorted.filter(has).at(-1) ?? sorted.at(-1))?.id;
}
