import { expect } from 'vitest';
import type { PersonalSurvey } from '../fixtures/qualtricsPersonal';

interface PreviewLike {
  columns: { name: string; samples: string[]; hidden: string | null }[];
}

/** Every string in a JSON value, object keys included. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      out.push(key);
      stringsIn(v, out);
    }
  return out;
}

/**
 * No respondent id, employee id, name, e-mail, IP address, comment or answer of the survey is
 * anywhere in the preview (keys included), and its unit codes and dates are shown.
 */
export function expectNoPersonalValues(preview: PreviewLike, survey: PersonalSurvey): void {
  const json = JSON.stringify(preview);
  const secrets = [
    ...survey.respondentIds,
    ...survey.employeeIds,
    ...survey.emails,
    ...survey.ips,
    ...survey.names,
    ...survey.comments,
    ...survey.comments.map((c) => c.slice(0, 30)),
  ];
  const leaked = secrets.filter((s) => json.includes(s));
  expect(leaked).toEqual([]);

  // Answers are short numbers, so they are looked for as whole strings, not inside other text.
  const strings = stringsIn(preview);
  expect(strings.filter((s) => survey.answers.includes(s.trim()))).toEqual([]);
  for (const name of survey.answerColumns) {
    const column = preview.columns.find((c) => c.name === name);
    expect(column, name).toBeDefined();
    expect(column!.samples, name).toEqual([]);
    expect(column!.hidden, name).toMatch(/^personal/);
  }

  const units = preview.columns.find((c) => c.name === 'UnitCode');
  expect(units?.hidden).toBeNull();
  expect([...(units?.samples ?? [])].sort()).toEqual(survey.unitCodes);
  const dated = preview.columns.filter((c) => c.samples.some((s) => /^2025-03-\d\d/.test(s)));
  expect(dated.map((c) => c.name)).toContain('RecordedDate');
}
