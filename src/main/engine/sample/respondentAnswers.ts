import {
  FACTOR_KEYS,
  SURVEY_ITEMS,
  valueFactor,
  type FactorKey,
  type SurveyItem,
} from './itemCatalogue';
import type { Organisation } from './organisation';
import { ENPS_CUTPOINTS, LIKERT_CUTPOINTS, MODEL } from './parameters';
import type { Random } from './random';
import { categoryOf } from './stats';
import type { Person } from './workforce';

const WEAK_VALUE_FACTOR = FACTOR_KEYS.indexOf(valueFactor(MODEL.weakValue.value));
const LEADER_GAP_FACTOR = FACTOR_KEYS.indexOf(valueFactor(MODEL.leaderGap.value));

/** Turns a person's latent state in one quarter into item answers, one per catalogue item. */
export class RespondentAnswers {
  private readonly factorOfItem = SURVEY_ITEMS.map((item) => FACTOR_KEYS.indexOf(item.factor));
  private readonly factorShift = new Float64Array(FACTOR_KEYS.length);

  constructor(
    private readonly random: Random,
    private readonly organisation: Organisation,
  ) {}

  /** `mood` is the person's overall lean this quarter, standardised, to pick a comment's tone. */
  answer(person: Person, teamEngagement: number): { answers: (number | null)[]; mood: number } {
    const { engagement: e, survey } = MODEL;
    const general = teamEngagement + person.general + this.random.normal(0, e.personQuarterSd);
    const team = this.organisation.teams[person.team];
    const homeRegionName = this.organisation.regions[team?.homeRegion ?? -1]?.name;
    this.factorShift.fill(0);
    if (homeRegionName === MODEL.weakValue.regionName) {
      this.factorShift[WEAK_VALUE_FACTOR] = MODEL.weakValue.latentShift;
    }
    if (person.leader) this.factorShift[LEADER_GAP_FACTOR] = MODEL.leaderGap.latentShift;

    const latentOf = (k: number): number => {
      const item = SURVEY_ITEMS[k] as SurveyItem;
      const factor = this.factorOfItem[k] as number;
      return (
        loading(item.factor) * general +
        (person.traits[factor] as number) +
        (this.factorShift[factor] as number)
      );
    };
    const answers = SURVEY_ITEMS.map((item, k): number | null => {
      const skipped = this.random.chance(
        item.factor === 'enps' ? survey.enpsNonResponse : survey.itemNonResponse,
      );
      return skipped ? null : this.score(item, latentOf(k));
    });
    // A response with no item answered is no response at all: such a person answers the first item.
    if (!answers.some((answer) => answer !== null)) {
      answers[0] = this.score(SURVEY_ITEMS[0] as SurveyItem, latentOf(0));
    }
    return { answers, mood: (general - e.mean) / 0.65 };
  }

  private score(item: SurveyItem, factorLatent: number): number {
    if (item.factor === 'enps') {
      return categoryOf(factorLatent + this.random.normal(0, MODEL.enps.noiseSd), ENPS_CUTPOINTS);
    }
    const noise = this.random.normal(0, MODEL.engagement.itemNoiseSd);
    const agreement = 1 + categoryOf(factorLatent + item.ease + noise, LIKERT_CUTPOINTS);
    return item.reverseCoded ? item.scaleMax + item.scaleMin - agreement : agreement;
  }
}

function loading(factor: FactorKey): number {
  const loadings = MODEL.factorLoadings;
  if (factor.startsWith('value:')) return loadings.value;
  return loadings[factor as Exclude<FactorKey, `value:${string}`>];
}
