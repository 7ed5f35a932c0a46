import { QUARTER_COUNT } from './calendar';
import { SURVEY_ITEMS, valueFactor, type FactorKey } from './itemCatalogue';
import { cell } from './latent';
import type { Organisation } from './organisation';
import { MODEL } from './parameters';
import type { Person } from './workforce';

export interface Tally {
  favourable: number;
  answered: number;
}

export function percentFavourable(tally: Tally): number {
  return tally.answered === 0 ? Number.NaN : (100 * tally.favourable) / tally.answered;
}

const ENGAGEMENT_ITEMS = itemsWhere((factor) => factor === 'engagement');
const WEAK_VALUE_ITEMS = itemsWhere((factor) => factor === valueFactor(MODEL.weakValue.value));
const LEADER_GAP_ITEMS = itemsWhere((factor) => factor === valueFactor(MODEL.leaderGap.value));

/** What the written survey files show, counted as rows are written, for truth.json. */
export class SurveyStats {
  /** Per `cell(team, quarter)`. */
  readonly respondents: Int32Array;
  readonly engagementIndexSum: Float64Array;
  readonly engagementIndexCount: Int32Array;
  /** Per home region (index into organisation.regions). */
  readonly regionEngagementSum: Float64Array;
  readonly regionEngagementCount: Int32Array;
  readonly weakValue: { region: Tally; rest: Tally } = { region: newTally(), rest: newTally() };
  readonly leaderGap: { leader: Tally; frontLine: Tally } = {
    leader: newTally(),
    frontLine: newTally(),
  };
  totalResponses = 0;

  constructor(private readonly organisation: Organisation) {
    const cells = organisation.teams.length * QUARTER_COUNT;
    this.respondents = new Int32Array(cells);
    this.engagementIndexSum = new Float64Array(cells);
    this.engagementIndexCount = new Int32Array(cells);
    this.regionEngagementSum = new Float64Array(organisation.regions.length);
    this.regionEngagementCount = new Int32Array(organisation.regions.length);
  }

  /** `role` as written in the file (null when the respondent left it blank). */
  count(
    person: Person,
    role: string | null,
    answers: readonly (number | null)[],
    quarter: number,
  ): void {
    const teamQuarter = cell(person.team, quarter);
    const homeRegion = this.organisation.teams[person.team]?.homeRegion ?? 0;
    this.totalResponses++;
    this.respondents[teamQuarter] = (this.respondents[teamQuarter] as number) + 1;

    let sum = 0;
    let answered = 0;
    for (const k of ENGAGEMENT_ITEMS) {
      const value = answers[k];
      if (value === null || value === undefined) continue;
      sum += ((value - 1) / 4) * 100;
      answered++;
    }
    if (answered > 0) {
      const index = sum / answered;
      add(this.engagementIndexSum, teamQuarter, index);
      add(this.engagementIndexCount, teamQuarter, 1);
      add(this.regionEngagementSum, homeRegion, index);
      add(this.regionEngagementCount, homeRegion, 1);
    }

    const inWeakRegion = this.organisation.regions[homeRegion]?.name === MODEL.weakValue.regionName;
    countFavourable(
      inWeakRegion ? this.weakValue.region : this.weakValue.rest,
      answers,
      WEAK_VALUE_ITEMS,
    );
    if (role === 'leader') countFavourable(this.leaderGap.leader, answers, LEADER_GAP_ITEMS);
    if (role === 'front_line') countFavourable(this.leaderGap.frontLine, answers, LEADER_GAP_ITEMS);
  }
}

function newTally(): Tally {
  return { favourable: 0, answered: 0 };
}

function add(values: Int32Array | Float64Array, index: number, amount: number): void {
  values[index] = (values[index] as number) + amount;
}

function itemsWhere(predicate: (factor: FactorKey) => boolean): number[] {
  return SURVEY_ITEMS.flatMap((item, k) => (predicate(item.factor) ? [k] : []));
}

function countFavourable(
  tally: Tally,
  answers: readonly (number | null)[],
  items: readonly number[],
): void {
  for (const k of items) {
    const value = answers[k];
    if (value === null || value === undefined) continue;
    tally.answered++;
    if (value >= 4) tally.favourable++;
  }
}
