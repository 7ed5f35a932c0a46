import type { SampleCompany } from './context';
import { QUARTER_COUNT, quarterAt } from './calendar';
import { MULTI_LINE_EMPLOYEE_COMMENT, employeeComment } from './comments';
import { canonicalHeader, writeSmallFile, type SampleFile } from './files';
import { SURVEY_ITEMS } from './itemCatalogue';
import { cell } from './latent';
import { MODEL } from './parameters';
import { WeightedIndex, type Random } from './random';
import { RespondentAnswers } from './respondentAnswers';
import { SURVEY_SHAPES, writeSurveyQuarter, type SurveyRow } from './surveyShapes';
import { SurveyStats } from './surveyStats';
import { SURVEY_OPENS_AFTER_DAYS, type Person } from './workforce';

/** Share of responses by day of the two-week survey window: most on the first day, a reminder bump later. */
const SURVEY_DAY = new WeightedIndex([26, 14, 10, 8, 7, 6, 5, 4, 4, 3, 3, 4, 3, 3]);

/** The item catalogue, written by the analyst as canonical CSV: every survey export's items are in it. */
export async function writeSurveyItems(dir: string): Promise<SampleFile> {
  return writeSmallFile(
    dir,
    'survey_items.csv',
    'survey_items',
    canonicalHeader('survey_items'),
    SURVEY_ITEMS.map((item) => [
      item.itemId,
      item.text,
      item.factor,
      item.scaleMin,
      item.scaleMax,
      item.reverseCoded,
    ]),
  );
}

/**
 * Simulates each quarter's respondents and answers (from `random`, exactly as the canonical
 * generator always has, so the planted truth does not depend on the file shapes), then writes the
 * quarter in its vendor's shape (SURVEY_SHAPES), drawing vendor details (clock times, ids, "don't
 * know" codes) from `vendorRandom` only.
 */
export async function writeSurveyResponses(
  company: SampleCompany,
  random: Random,
  vendorRandom: Random,
): Promise<{ files: SampleFile[]; stats: SurveyStats }> {
  const { dir, organisation, latents, workforce, progress } = company;
  const stats = new SurveyStats(organisation);
  const [rateLow, rateHigh] = MODEL.survey.teamResponseRate;
  const teamRates = organisation.teams.map(() => random.uniform(rateLow, rateHigh));
  const answerer = new RespondentAnswers(random, organisation);
  const files: SampleFile[] = [];
  let multiLineCommentWritten = false;

  for (let t = 0; t < QUARTER_COUNT; t++) {
    const quarter = quarterAt(t);
    progress(`Writing survey responses ${quarter.period}`);
    const windowStart = quarter.startDay + SURVEY_OPENS_AFTER_DAYS;
    const quarterRates = organisation.teams.map(
      (team) => (teamRates[team.index] as number) + random.normal(0, MODEL.survey.quarterRateSd),
    );
    const respondents: { person: number; day: number; order: number }[] = [];
    for (const personIndex of workforce.rosters[t] as Int32Array) {
      const person = workforce.people[personIndex] as Person;
      const rate =
        (quarterRates[person.team] as number) +
        person.responsiveness +
        (person.leader ? MODEL.survey.leaderRateBonus : 0);
      if (!random.chance(Math.min(0.98, Math.max(0.05, rate)))) continue;
      const dayOffset = SURVEY_DAY.draw(random);
      respondents.push({
        person: personIndex,
        day: windowStart + dayOffset,
        order: random.float(),
      });
    }
    respondents.sort((a, b) => a.day - b.day || a.order - b.order);

    const rows: SurveyRow[] = [];
    const usedIds = new Set<string>();
    for (const { person: personIndex, day } of respondents) {
      const person = workforce.people[personIndex] as Person;
      const team = organisation.teams[person.team];
      if (!team) throw new Error(`person ${personIndex} has no team`);
      let respondentId = `R_${random.token(12)}`;
      while (usedIds.has(respondentId)) respondentId = `R_${random.token(12)}`;
      usedIds.add(respondentId);

      const { answers, mood } = answerer.answer(
        person,
        latents.engagement[cell(person.team, t)] as number,
      );
      const role = random.chance(MODEL.survey.demographicNonResponse)
        ? null
        : person.leader
          ? 'leader'
          : 'front_line';
      const tenure = random.chance(MODEL.survey.demographicNonResponse)
        ? null
        : tenureBand(day - person.hireDay);
      let comment: string | null = null;
      if (random.chance(MODEL.survey.commentShare)) {
        comment = multiLineCommentWritten
          ? employeeComment(random, mood)
          : MULTI_LINE_EMPLOYEE_COMMENT;
        multiLineCommentWritten = true;
      }
      rows.push({ respondentId, unitId: team.unitId, day, tenure, role, answers, comment });
      stats.count(person, role, answers, t);
    }
    files.push(
      await writeSurveyQuarter(SURVEY_SHAPES[t] ?? 'canonical-csv', dir, t, rows, vendorRandom),
    );
  }
  return { files, stats };
}

function tenureBand(daysEmployed: number): string {
  const years = daysEmployed / 365.25;
  if (years < 1) return '<1y';
  if (years < 3) return '1-3y';
  if (years < 5) return '3-5y';
  return '5y+';
}
