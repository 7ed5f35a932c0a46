export const COMPANY_NAME = 'Brightwater';
/** The purpose statement the sample company shows beside its values. */
export const COMPANY_PURPOSE =
  'Brightwater helps every customer leave a little better off than they arrived: by being easy to deal with, honest about what we sell, and there when it goes wrong.';

export const VALUE_NAMES = [
  'Customer First',
  'Integrity',
  'Teamwork',
  'Ownership',
  'Courage',
] as const;
export type ValueName = (typeof VALUE_NAMES)[number];

/** Latent factors the generator scores respondents on; one per catalogue factor. */
export type FactorKey = 'engagement' | `value:${ValueName}` | 'leadership' | 'enablement' | 'enps';

export const FACTOR_KEYS: readonly FactorKey[] = [
  'engagement',
  ...VALUE_NAMES.map((value): FactorKey => `value:${value}`),
  'leadership',
  'enablement',
  'enps',
];

export interface SurveyItem {
  itemId: string;
  text: string;
  factor: FactorKey;
  scaleMin: number;
  scaleMax: number;
  reverseCoded: boolean;
  /** Shift on the latent scale: positive items are easier to agree with. */
  ease: number;
}

const likert = (
  itemId: string,
  factor: FactorKey,
  text: string,
  ease: number,
  reverseCoded = false,
): SurveyItem => ({
  itemId,
  text,
  factor,
  scaleMin: 1,
  scaleMax: 5,
  reverseCoded,
  ease,
});

export const SURVEY_ITEMS: readonly SurveyItem[] = [
  likert('ENG1', 'engagement', `I am proud to work for ${COMPANY_NAME}.`, 0.35),
  likert('ENG2', 'engagement', `I would recommend ${COMPANY_NAME} as a great place to work.`, 0.1),
  likert('ENG3', 'engagement', 'I rarely think about looking for a job at another company.', -0.35),
  likert(
    'ENG4',
    'engagement',
    `I see myself still working at ${COMPANY_NAME} in two years' time.`,
    0.05,
  ),
  likert(
    'ENG5',
    'engagement',
    `${COMPANY_NAME} motivates me to go beyond what I would in a similar role elsewhere.`,
    -0.15,
  ),

  likert(
    'CF1',
    'value:Customer First',
    'People in my team go out of their way to put things right for customers.',
    0.4,
  ),
  likert(
    'CF2',
    'value:Customer First',
    "We make decisions with the customer's interests in mind, even when it costs us.",
    0,
  ),
  likert(
    'CF3',
    'value:Customer First',
    'I have the freedom to do what is right for a customer without asking permission.',
    -0.2,
  ),
  likert('INT1', 'value:Integrity', 'People here do what they say they will do.', 0.1),
  likert(
    'INT2',
    'value:Integrity',
    'Leaders here are honest with us, even when the news is bad.',
    -0.1,
  ),
  likert(
    'INT3',
    'value:Integrity',
    'Targets are never met here by cutting corners with customers.',
    0.15,
  ),
  likert(
    'TW1',
    'value:Teamwork',
    'People in my team help each other out when workloads are high.',
    0.45,
  ),
  likert('TW2', 'value:Teamwork', 'Other teams I depend on work well with us.', -0.25),
  likert('TW3', 'value:Teamwork', 'We celebrate success together as a team.', 0.15),
  likert(
    'OWN1',
    'value:Ownership',
    'People in my team fix problems rather than passing them on.',
    0.2,
  ),
  likert(
    'OWN2',
    'value:Ownership',
    `I know how my work contributes to ${COMPANY_NAME}'s goals.`,
    0.3,
  ),
  likert(
    'OWN3',
    'value:Ownership',
    'When something goes wrong, we focus on learning rather than blame.',
    -0.15,
  ),
  likert(
    'CRG1',
    'value:Courage',
    'It is safe to speak up and challenge the way things are done here.',
    -0.1,
  ),
  likert('CRG2', 'value:Courage', 'I feel able to raise concerns with senior leaders.', -0.25),
  likert(
    'CRG3',
    'value:Courage',
    'We are encouraged to try new ideas, even if they might not work.',
    0,
  ),

  likert('LDR1', 'leadership', 'My manager keeps me informed about what is happening.', 0.2),
  likert('LDR2', 'leadership', 'My manager recognises me when I do good work.', 0.25),
  likert('LDR3', 'leadership', 'My manager genuinely cares about my wellbeing.', 0.4),
  likert(
    'LDR4',
    'leadership',
    'My manager has had a meaningful conversation with me about my development in the last three months.',
    -0.3,
  ),
  likert(
    'LDR5',
    'leadership',
    'My manager does not give me regular feedback on my work.',
    0.05,
    true,
  ),

  likert('ENB1', 'enablement', 'I have the tools and equipment I need to do my job well.', 0),
  likert('ENB2', 'enablement', 'I get the training I need to do my job well.', 0.1),
  likert('ENB3', 'enablement', 'Our systems and processes help me serve customers quickly.', -0.4),
  likert(
    'ENB4',
    'enablement',
    'Unnecessary rules and paperwork get in the way of me doing my job.',
    -0.2,
    true,
  ),

  {
    itemId: 'ENPS',
    text: `How likely is it that you would recommend ${COMPANY_NAME} as a place to work to a friend or family member?`,
    factor: 'enps',
    scaleMin: 0,
    scaleMax: 10,
    reverseCoded: false,
    ease: 0,
  },
];

export const ITEM_IDS: readonly string[] = SURVEY_ITEMS.map((item) => item.itemId);

export function itemsOfFactor(factor: FactorKey): SurveyItem[] {
  return SURVEY_ITEMS.filter((item) => item.factor === factor);
}

export function valueFactor(value: ValueName): FactorKey {
  return `value:${value}`;
}
