import type { CanonicalKind } from '../canonicalFormats';

/**
 * Name rules: which canonical column a source column name (in normal form, see normaliseName)
 * suggests, per kind, with how sure the name alone makes us. Values are checked separately.
 */
export interface NameRule {
  role: string;
  re: RegExp;
  score: number;
  kinds?: readonly CanonicalKind[];
  /** Shown in the mapping screen. */
  why?: string;
}

const ID = '(?:id|ids|code|key|no|nr|num|number|ref|reference|identifier|guid|uuid)';
const TEAMISH =
  '(?:dept|department|team|division|cost cent(?:re|er)|costcent(?:re|er)|cc|node|org|organi[sz]ation|organi[sz]ational unit|business unit|bu|group|section|entity|area|region|district|function)';
const STOREISH =
  '(?:store|branch|site|location|shop|outlet|restaurant|hotel|clinic|ward|practice|venue|dealer|dealership|centre|center|depot|pharmacy|office)';
const TS_SUFFIX = '(?: (?:date|time|at|on|timestamp|date time|datetime|dt|ts))?';

const EMPLOYEE_SIDE: CanonicalKind[] = [
  'org_units',
  'survey_responses',
  'recognition',
  'hr_metrics',
  // Pre-aggregated figures are given per org unit (a store, a team), whichever side they tell.
  'preaggregated',
];
const CX_SIDE: CanonicalKind[] = ['customer_feedback', 'unit_mapping'];

const r = (
  role: string,
  re: string,
  score: number,
  kinds?: readonly CanonicalKind[],
  why?: string,
): NameRule => ({ role, re: new RegExp(re), score, kinds, why });

export const NAME_RULES: NameRule[] = [
  // --- units (employee side) ---
  r(
    'unit_id',
    `^(?:hr |org |organi[sz]ation )?(?:org(?:ani[sz]ation(?:al)?)? )?unit ?${ID}$`,
    0.95,
    [...EMPLOYEE_SIDE, 'unit_mapping'],
  ),
  r('unit_id', `^(?:hr |org |organi[sz]ation )?${TEAMISH} ?${ID}$`, 0.9, [
    ...EMPLOYEE_SIDE,
    'unit_mapping',
  ]),
  r('unit_id', `^(?:hr )?cost cent(?:re|er)s?$`, 0.85, [...EMPLOYEE_SIDE, 'unit_mapping']),
  r(
    'unit_id',
    `^(?:hr |org )?(?:org unit|unit|team|business unit|organi[sz]ational unit|hr unit|org node)$`,
    0.8,
    [...EMPLOYEE_SIDE, 'unit_mapping'],
  ),
  r('unit_id', `^(?:department|dept|division|group|section)$`, 0.65, EMPLOYEE_SIDE),
  r('unit_id', `^${STOREISH} ?${ID}$`, 0.8, EMPLOYEE_SIDE),
  r('unit_id', `^${STOREISH}$`, 0.6, EMPLOYEE_SIDE),
  r('unit_id', `^(?:team|department|dept|unit|org unit|store|branch) name$`, 0.45, [
    'survey_responses',
    'recognition',
    'hr_metrics',
    'preaggregated',
  ]),
  r(
    'unit_id',
    '\\b(?:which|what|your) (?:team|department|store|branch|unit|site|location|ward|area|office|group)\\b',
    0.6,
    ['survey_responses'],
  ),
  r(
    'unit_id',
    `^(?:recipient|receiver|nominee|recogni[sz]ed|awardee|recipients)(?: (?:org unit|unit|team|department|dept|store|branch|site))(?: ${ID})?$`,
    0.9,
    ['recognition'],
  ),
  r(
    'unit_id',
    `^(?:giver|sender|nominator)s?(?: (?:unit|team|department|dept))(?: ${ID})?$`,
    0.35,
    ['recognition'],
  ),
  r('unit_id', `^(?:hr unit|org unit|unit|team|dept|department|employee unit)(?: ${ID})?$`, 0.9, [
    'unit_mapping',
  ]),

  // --- org_units ---
  r(
    'unit_name',
    `^(?:org(?:ani[sz]ation(?:al)?)? )?(?:unit|team|department|dept|division|node|store|branch|site|group|entity|org|organi[sz]ation|cost cent(?:re|er)|location|area|region) ?(?:name|title|label|description|desc)$`,
    0.95,
    ['org_units'],
  ),
  r('unit_name', '^(?:name|description|title|label)$', 0.7, ['org_units']),
  r('unit_name', '^(?:team|department|dept|unit|division|store|branch|org unit)$', 0.5, [
    'org_units',
  ]),
  r(
    'parent_id',
    `^parent(?: (?:org(?:ani[sz]ation)? )?(?:unit|team|department|dept|node|position|cost cent(?:re|er)|division|org|organi[sz]ation|group|entity|org unit))? ?${ID}?$`,
    0.95,
    ['org_units'],
  ),
  r(
    'parent_id',
    `^(?:reports? to|reporting to|reporting line|rolls? up to|roll up|superior|upline|higher unit|next level up)(?: (?:unit|team|org unit))?(?: ${ID})?$`,
    0.85,
    ['org_units'],
  ),
  r(
    'parent_id',
    `^(?:line )?(?:manager|supervisor|leader|boss)s? ?(?:id|employee id|emp id|employee number|no|number|code|key|position id|person id)$`,
    0.75,
    ['org_units'],
  ),
  r(
    'level',
    '^(?:org(?:ani[sz]ation(?:al)?)? |hierarchy |org unit |unit |structure |tree )?(?:level|tier|layer|depth|lvl)(?: (?:no|nr|number|code|name|id))?$',
    0.9,
    ['org_units'],
  ),
  r(
    'unit_type',
    '^(?:org(?:ani[sz]ation)? |org unit |unit |node |entity |team |location |site )?(?:type|kind|category|class|classification)(?: (?:code|name))?$',
    0.9,
    ['org_units'],
  ),
  r(
    'leader_name',
    '^(?:unit |team |line |people |department |store |branch |site )?(?:manager|leader|head|supervisor|lead|owner|director|boss)s?(?: full)? ?name$',
    0.95,
    ['org_units'],
  ),
  r(
    'leader_name',
    '^(?:manager|leader|head|unit leader|team leader|supervisor|owner|head of unit)$',
    0.6,
    ['org_units'],
  ),
  r('effective_from', '^effective(?: from| date| from date| start| start date)?$', 0.95, [
    'org_units',
  ]),
  r(
    'effective_from',
    '^(?:as of|as at|snapshot|valid from|date from|from date|extract|extract date|report date|export date|snapshot date|as of date|as at date|structure date)$',
    0.85,
    ['org_units'],
  ),
  r('effective_from', '^(?:start date|start|date)$', 0.4, ['org_units']),

  // --- survey_items ---
  r(
    'item_id',
    `^(?:item|question|q|variable|var|statement|survey item) ?(?:id|code|key|ref|name)$`,
    0.95,
    ['survey_items'],
  ),
  r('item_id', '^(?:item|variable|var|code|qid|import id|id)$', 0.65, ['survey_items']),
  // Codebooks: "name" beside a "question" or "label" column is the variable's name.
  r('item_id', '^(?:name|variable name|var name|item name|column|column name)$', 0.6, [
    'survey_items',
  ]),
  r('item_text', '^(?:item |question |statement )?(?:text|wording|label|description|desc)$', 0.95, [
    'survey_items',
  ]),
  r('item_text', '^(?:question|statement|item)$', 0.7, ['survey_items']),
  r(
    'factor',
    '^(?:factor|dimension|driver|theme|construct|category|topic|section|index|pillar|domain|value|sub ?factor|scale name|outcome|scale|sub ?scale|facet|trait)(?: (?:name|group))?$',
    0.9,
    ['survey_items'],
  ),
  r(
    'scale_min',
    '^(?:scale )?(?:min|minimum|low|lowest|from|start|bottom)(?: (?:value|score|point))?$',
    0.9,
    ['survey_items'],
  ),
  r(
    'scale_max',
    '^(?:scale )?(?:max|maximum|high|highest|to|end|top)(?: (?:value|score|point))?$',
    0.9,
    ['survey_items'],
  ),
  r(
    'reverse_coded',
    '^(?:is )?(?:reverse|reversed|reverse ?coded|reverse ?scored|reverse ?keyed|reverse scoring|negatively (?:worded|keyed)|negative|inverted|recode|reverse flag|keyed|key|keying|direction|polarity|scoring direction|item direction|sign)$',
    0.9,
    ['survey_items'],
  ),

  // --- survey_responses ---
  r(
    'respondent_id',
    '^(?:response|respondent|participant|resp|survey response|survey respondent)s? ?(?:id|identifier|key|no|nr|number)$',
    0.95,
    ['survey_responses'],
  ),
  r(
    'respondent_id',
    '^(?:record|anonymous|anon|survey|submission|anonymous respondent) ?(?:id|key)$',
    0.75,
    ['survey_responses'],
  ),
  r(
    'respondent_id',
    '^(?:employee|emp|person|staff|worker|user|colleague|participant|unique) ?(?:id|no|number|key)$',
    0.55,
    ['survey_responses'],
    'employee id used as respondent id (a pseudonymous id is safer)',
  ),
  r('respondent_id', '^id$', 0.5, ['survey_responses']),
  r(
    'period',
    '^(?:period|quarter|qtr|survey period|reporting period|wave|cycle|survey wave|survey cycle|round|survey round|fiscal quarter|fy quarter|year quarter|quarter year|time period|census|survey name)$',
    0.9,
    ['survey_responses', 'hr_metrics', 'preaggregated'],
  ),
  r(
    'period',
    '^(?:time ?point|occasion|measurement occasion|wave (?:number|no)|time)$',
    0.7,
    ['survey_responses'],
    'a wave or time point: repeated measures',
  ),
  r(
    'submitted_at',
    '^recorded ?date$',
    0.95,
    ['survey_responses'],
    'completion date (RecordedDate)',
  ),
  r(
    'submitted_at',
    `^(?:completed|completion|submitted|submission|finished|finish)${TS_SUFFIX}$`,
    0.9,
    ['survey_responses'],
  ),
  r(
    'submitted_at',
    '^end ?(?:date|time|date time|datetime|timestamp)?$',
    0.85,
    ['survey_responses'],
    'completion date (end date)',
  ),
  r(
    'submitted_at',
    '^(?:response|responded|survey|submit|survey completion|survey completed|survey submitted)(?: (?:date|time|timestamp|date time|datetime|at|on))$',
    0.85,
    ['survey_responses'],
  ),
  r(
    'submitted_at',
    '^date (?:completed|submitted|of response|of survey|of submission|taken)$',
    0.85,
    ['survey_responses'],
  ),
  r('submitted_at', '^(?:date|timestamp|date time|datetime|time stamp|survey date)$', 0.6, [
    'survey_responses',
  ]),
  r(
    'submitted_at',
    '^(?:start ?date|started|start ?time|start|started at)$',
    0.35,
    ['survey_responses'],
    'start date (a completion date is better)',
  ),
  r(
    'tenure_band',
    '^(?:tenure|length of service|years of service|service length|service|time in (?:company|organi[sz]ation|role|post|job|business|position)|los|seniority|time with (?:company|organi[sz]ation|us)|years with (?:company|organi[sz]ation|us)|service years|how long have you worked (?:here|for .*)|time at (?:company|organi[sz]ation))(?: (?:band|bands|group|bracket|range|category|years|banding))?$',
    0.9,
    ['survey_responses'],
  ),
  r(
    'role',
    '^(?:role|job role|role type|job level|grade|band|job grade|job band|pay grade|people leader|people manager|is manager|is people manager|manager status|manager flag|people manager flag|line manager status|employee type|job family|job function|seniority level|management level|role level|staff type|colleague type|manager non manager|leader non leader|role group|position type|employee level|career level|level)$',
    0.8,
    ['survey_responses'],
  ),
  r('role', '^(?:position|job title|title|manager|function)$', 0.5, ['survey_responses']),
  r(
    'comment',
    '^(?:comments?|verbatims?|feedback|free text|open text|open ended(?: response)?|remarks?|notes?|suggestions?|comment text|additional comments?|any other comments?|other comments?|customer comments?|employee comments?|why|reason|reason for score|verbatim comment|text|open comment|open response|general comments?)$',
    0.85,
    ['survey_responses', 'customer_feedback'],
  ),
  r('comment', '\\b(?:comments?|verbatims?|free text|open text)\\b', 0.7, [
    'survey_responses',
    'customer_feedback',
  ]),
  r(
    'comment',
    '\\b(?:anything else|other comments?|please (?:explain|tell us|describe|share)|what (?:one thing|could|would|should) (?:we|you|make)|suggestions?|in your own words|tell us (?:more|why)|why did you)\\b',
    0.7,
    ['survey_responses', 'customer_feedback'],
  ),
  r('comment', '^qid\\d+(?: \\d+)* text$', 0.8, ['survey_responses', 'customer_feedback']),

  // --- customer_feedback ---
  r(
    'response_id',
    `^(?:response|survey response|feedback|survey|record|transaction|interaction|case|ticket|review|comment|submission|respondent)s? ?${ID}$`,
    0.9,
    ['customer_feedback'],
  ),
  r('response_id', '^(?:id|row id|record|uid)$', 0.6, ['customer_feedback']),
  r(
    'responded_at',
    `^(?:survey date|response date|responded${TS_SUFFIX}|created${TS_SUFFIX}|creation date|submitted${TS_SUFFIX}|completed${TS_SUFFIX}|recorded ?date|feedback date|visit date|transaction date|interaction date|experience date|date of visit|date of (?:response|feedback|survey|transaction|experience)|received${TS_SUFFIX}|survey completed|response time|survey time|survey completed date|completion date|invitation date|event date)$`,
    0.9,
    ['customer_feedback'],
  ),
  r('responded_at', '^(?:date|timestamp|date time|datetime|time stamp|time)$', 0.85, [
    'customer_feedback',
  ]),
  r('responded_at', '^end ?date$', 0.75, ['customer_feedback']),
  r('responded_at', '^start ?date$', 0.45, ['customer_feedback']),
  r(
    'cx_code',
    `^(?:cx|nps|customer|external|survey|feedback|touchpoint|cx unit|customer unit|survey unit) ?(?:unit )?${ID}$`,
    0.95,
    CX_SIDE,
  ),
  r(
    'cx_code',
    `^(?:${STOREISH}|queue|point of sale|pos|unit|cx unit|location name) ?${ID}?$`,
    0.9,
    CX_SIDE,
  ),
  r('cx_code', `^(?:${STOREISH}) ?(?:name)$`, 0.5, CX_SIDE),
  // A form's question ("Which restaurant did you visit?") or a market the file is cut by.
  r(
    'cx_code',
    `\\b(?:which|what) (?:${STOREISH}|market|location|site|branch|shop|country|city|area|region)\\b`,
    0.85,
    ['customer_feedback'],
    'the place the customer visited',
  ),
  r(
    'cx_code',
    '^(?:market|country|city|area|region|district|territory|market name|market code)$',
    0.7,
    ['customer_feedback'],
    'a market or area: map it to org units in the unit mapping',
  ),
  r('cx_code', '^code$', 0.6, CX_SIDE),
  r(
    'channel',
    '^(?:channel|touchpoint|touch point|source|survey channel|contact channel|medium|journey|channel name|interaction type|contact type|response channel|survey type|feedback channel|survey source)$',
    0.85,
    ['customer_feedback'],
  ),
  r('nps', '\\b(?:nps|ltr|net promoter)\\b', 0.9, ['customer_feedback']),
  // "Recommend ... as a place to work" is the employee NPS question of a survey, not a customer's.
  r(
    'nps',
    '\\brecommend(?!.*\\b(?:place to work|to work (?:at|for)|employer|work(?:ing)? (?:here|at|for)))',
    0.9,
    ['customer_feedback'],
  ),
  r('nps', '\\b(?:likelihood|likely)\\b', 0.55, ['customer_feedback']),
  r('csat', '\\b(?:csat|osat|satisfaction|satisfied|sat|sat score|overall sat|c sat)\\b', 0.9, [
    'customer_feedback',
  ]),
  r('csat', '^(?:rating|overall rating|star rating|stars|score|overall score)$', 0.45, [
    'customer_feedback',
  ]),
  r('ces', '\\b(?:ces|effort|customer effort|ease|easy)\\b', 0.9, ['customer_feedback']),

  // --- contact_centre ---
  r(
    'interaction_id',
    `^(?:interaction|contact|call|conversation|session|segment|ticket|case|record|communication|chat|master contact|contact record)s? ?${ID}$`,
    0.95,
    ['contact_centre'],
  ),
  r('interaction_id', '^(?:id|row id|uid)$', 0.55, ['contact_centre']),
  r(
    'queue_code',
    `^(?:queue|skill|acd|acd group|split|skill group|queue group|campaign|hunt group|line of business|lob|routing queue|workgroup|work group|acd queue|service queue|skill set|skillset)(?: (?:code|id|name|no|number|key))?$`,
    0.9,
    ['contact_centre'],
  ),
  r('queue_code', '^(?:team|team code|team id|service|department|group)$', 0.55, [
    'contact_centre',
  ]),
  r(
    'agent_id',
    '^(?:agent|user|advisor|adviser|rep|representative|operator|employee|staff|csr|associate|handler|agent user)(?: (?:id|login|login id|code|number|no|key|user ?id|identifier|username|user name|extension|ext))$',
    0.9,
    ['contact_centre'],
  ),
  r('agent_id', '^(?:agent|user ?id|userid|login|login id)$', 0.5, ['contact_centre']),
  r(
    'started_at',
    `^(?:start|started|start time|start date|start timestamp|start date time|start datetime|call start|call start time|interaction start|interaction start time|conversation start|conversation start time|contact start|contact start time|segment start|begin|begin time|call date|call time|call timestamp|call date time|created|created at|created date|initiated|initiated at|arrival time|queue start|offered|offered time|offer time|date time|datetime|timestamp|time stamp|started at|contact date|interaction date)$`,
    0.9,
    ['contact_centre'],
  ),
  r('started_at', '^(?:date|time)$', 0.6, ['contact_centre']),
  r(
    'ivr_reason',
    '^(?:ivr|ivr reason|ivr option|ivr path|ivr selection|ivr menu|ivr choice|menu option|menu selection|call reason|contact reason|reason|reason for call|reason for contact|intent|call type|contact type|topic|ivr intent)$',
    0.85,
    ['contact_centre'],
  ),
  r(
    'ivr_reason',
    '^(?:disposition|wrap ?up code|wrap code|outcome|category|disposition code)$',
    0.5,
    ['contact_centre'],
  ),
  r('talk_seconds', '\\b(?:talk|talking|talktime|connected|speaking)\\b', 0.9, ['contact_centre']),
  r('talk_seconds', '^(?:conversation|conversation duration|conversation time)$', 0.6, [
    'contact_centre',
  ]),
  r('hold_seconds', '\\b(?:hold|held|holdtime|on hold)\\b', 0.9, ['contact_centre']),
  r(
    'wrap_seconds',
    '\\b(?:wrap|wrapup|wrap up|acw|after call work|after call|post call|after contact work|wraptime)\\b',
    0.9,
    ['contact_centre'],
  ),
  r('handle_seconds', '\\b(?:handle|handling|aht|handled time|handle time|handletime)\\b', 0.9, [
    'contact_centre',
  ]),
  r(
    'handle_seconds',
    '^(?:total time|total duration|duration|call duration|interaction duration|contact duration|total call time|call length|length)$',
    0.6,
    ['contact_centre'],
  ),
  r(
    'transferred',
    '\\b(?:transfer|transferred|transfers|xfer|xferred|xfered|is transfer|was transferred|transfer flag)\\b',
    0.9,
    ['contact_centre'],
  ),
  r(
    'repeat_contact',
    '\\b(?:repeat|repeated|recontact|re contact|callback|call back|repeat caller|repeat call|returning caller|repeat contact)\\b',
    0.9,
    ['contact_centre'],
  ),

  r(
    'answered',
    '^(?:answered|is answered|was answered|call answered|answered call|answered flag|abandoned|is abandoned|was abandoned|abandon|abandoned call|abandoned flag|missed|missed call|is missed|unanswered)$',
    0.9,
    ['contact_centre'],
  ),
  r(
    'answered',
    '^(?:status|call status|call result|result|call outcome|outcome|answer status|call state|state|termination|termination reason|disconnect reason|end reason)$',
    0.6,
    ['contact_centre'],
    'whether the call was answered',
  ),
  r(
    'csat',
    '\\b(?:csat|osat|satisfaction|satisfied|post call survey|survey score|customer rating)\\b',
    0.85,
    ['contact_centre'],
    'post-call survey score',
  ),

  // --- recognition ---
  r(
    'event_id',
    `^(?:recognition|award|nomination|event|moment|kudos|record|shout ?out|post|thanks|thank you|badge|recognition event)s? ?${ID}$`,
    0.9,
    ['recognition'],
  ),
  r('event_id', '^(?:id|row id|uid)$', 0.6, ['recognition']),
  r(
    'recognised_at',
    `^(?:date|recogni[sz]ed${TS_SUFFIX}|recognition${TS_SUFFIX}|award(?:ed)?${TS_SUFFIX}|created${TS_SUFFIX}|sent${TS_SUFFIX}|given${TS_SUFFIX}|event date|nomination date|nominated${TS_SUFFIX}|timestamp|date time|datetime|post date|posted${TS_SUFFIX}|moment date|approved${TS_SUFFIX}|issued${TS_SUFFIX})$`,
    0.9,
    ['recognition'],
  ),
  r(
    'programme',
    '^(?:programme|program|programme name|program name|award|award type|award name|recognition type|recognition programme|recognition program|badge|badge name|scheme|kudos type|moment type|recognition category|award category|reward type|recognition name|award programme|award program|type of recognition)$',
    0.9,
    ['recognition'],
  ),
  r('programme', '^(?:category|type|value|company value|reason)$', 0.5, ['recognition']),

  // --- hr_metrics ---
  r(
    'headcount',
    '^(?:headcount|head count|hc|heads|employees|employee count|staff count|number of employees|no of employees|num employees|staff|avg headcount|average headcount|headcount avg|headcount end|closing headcount|opening headcount|end headcount|headcount eop|eop headcount|headcount end of period|total headcount|active headcount)$',
    0.9,
    ['hr_metrics'],
  ),
  r('headcount', '^(?:fte|ftes|full time equivalent|fte count)$', 0.55, ['hr_metrics']),
  r(
    'leavers',
    '^(?:leavers|leaver count|leavers count|number of leavers|no of leavers|num leavers|terminations|terms|exits|separations|attrition|attrition count|turnover|turnover count|voluntary leavers|total leavers|leavers total|total terminations|total exits)$',
    0.9,
    ['hr_metrics'],
  ),
  r(
    'absence_days',
    '^(?:absence|absence days|days absent|days lost|sickness days|sick days|absent days|absence days lost|days of absence|lost days|total absence days|sickness absence days|sickness absence|absence total|absence days total|total days lost|sick leave days)$',
    0.9,
    ['hr_metrics'],
  ),
  r('absence_days', '\\b(?:absence|sickness|sick)\\b', 0.6, ['hr_metrics']),

  // --- people (an HRIS roster: one row per employee; see kinds/people.ts) ---
  r(
    'employee_id',
    `^(?:employee|emp|person|personnel|staff|worker|colleague|associate|payroll|badge|hr|team member)s? ?(?:id|ids|no|nr|num|number|key|code|ref|reference|identifier)$`,
    0.95,
    ['people'],
    'only used to find people listed twice; never stored',
  ),
  r('employee_id', '^(?:employee|emp|id|empid|emp no|eeid|ee id|worker)$', 0.7, ['people']),
  r(
    'unit_id',
    `^(?:department|dept|team|division|unit|org unit|organi[sz]ational unit|business unit|cost cent(?:re|er)|store|branch|site|section|group|function)(?: name| id| code| no| number)?$`,
    0.85,
    ['people'],
    'a unit id or name (names are matched to the hierarchy)',
  ),
  r(
    'hire_date',
    '^(?:(?:original |latest |most recent |last |re )?hire|hired|joining|joined|join|employment start|service start|continuous service|seniority)(?: date| dt| on)?$|^date (?:of )?(?:hire|hired|joining|joined|employment)$',
    0.95,
    ['people'],
  ),
  r('hire_date', '^(?:start|started|start date|employment date|date started)$', 0.7, ['people']),
  r(
    'leave_date',
    '^(?:termination|term|leave|leaving|leaver|exit|separation|resignation|departure|end of employment|employment end|left|last (?:working )?day|last day worked|end)(?: date| dt| on)$|^date (?:of )?(?:termination|leaving|exit|separation|departure|resignation)$',
    0.95,
    ['people'],
  ),
  r('leave_date', '^(?:terminated|termination|separated|date left|left on)$', 0.8, ['people']),
  r(
    'has_left',
    '^(?:attrition|left|has left|leaver|is leaver|terminated|is terminated|termination flag|left company|left flag|churn|churned|turnover|exited|attrition flag)$',
    0.9,
    ['people'],
  ),
  r(
    'has_left',
    '^(?:status|employee status|employment status|emp status|current status|worker status|employment state|hr status)$',
    0.85,
    ['people'],
  ),
  r(
    'absence_days',
    '^(?:absence|absence days|days absent|sick days|sickness days|sick leave days|days lost|absent days|days of absence|sickness absence days|sick days taken|unplanned absence days|absence days taken)$',
    0.9,
    ['people'],
  ),
  r('absence_days', '\\b(?:absence|absent|sickness|sick)\\b', 0.6, ['people']),
  r('period', '^(?:period|quarter|snapshot quarter|reporting period|report quarter)$', 0.9, [
    'people',
  ]),

  // --- preaggregated ---
  r(
    'metric',
    '^(?:metric|metric name|metric id|metric code|measure|measure name|kpi|kpi name|kpi id|indicator|indicator name|statistic|stat|stat name|figure|figure name)$',
    0.9,
    ['preaggregated'],
  ),
  r(
    'value',
    '^(?:value|metric value|kpi value|measure value|stat value|figure|score|result|mean|average|avg|rate|amount|actual)$',
    0.85,
    ['preaggregated'],
  ),
  r(
    'n',
    '^(?:n|n size|count|base|base size|sample|sample size|responses|respondents|number of responses|number of respondents|response count|respondent count|observations|obs|denominator|volume|size|weight)$',
    0.85,
    ['preaggregated'],
  ),
  r(
    'n',
    '^(?:headcount|head count|hc|employees|interactions|calls)$',
    0.6,
    ['preaggregated'],
    'the n behind the figure',
  ),
];

/** The main date of each kind: a column of dates with an unknown name is a candidate for it. */
export const MAIN_DATE: Partial<Record<CanonicalKind, string>> = {
  survey_responses: 'submitted_at',
  customer_feedback: 'responded_at',
  contact_centre: 'started_at',
  recognition: 'recognised_at',
  org_units: 'effective_from',
};

/** Roles a kind can fill: its canonical columns, plus `comment` for survey responses. */
export function extraRoles(kind: CanonicalKind): string[] {
  return kind === 'survey_responses' ? ['comment'] : [];
}

// ---------------------------------------------------------------------------------------------
// Personal data, vendor metadata, demographics

const PERSON =
  '(?:recipient|respondent|employee|emp|participant|agent|customer|client|caller|contact|giver|receiver|nominee|nominator|sender|recogni[sz]er|recogni[sz]ee|person|user|staff|colleague|member|patient|guest|reviewer|author|submitter|reporter|manager|leader|supervisor|line manager|team leader|approver|awardee|winner|candidate|worker|advisor|adviser|rep|csr|consumer|account holder|owner)';

const PERSONAL_RULES: [RegExp, string][] = [
  [
    /\b(?:e ?mail|email address|e mail address|mail address|email id|login email|work email|emails)\b/,
    'e-mail address',
  ],
  [/\b(?:ip|ip address|ipaddress|ip addr|ipv4|ipv6)\b/, 'IP address'],
  [
    /\b(?:latitude|longitude|lat|lng|geo ?location|gps|coordinates|geo ?lat|geo ?long)\b/,
    'location coordinates',
  ],
  [
    /\b(?:(?:first|last|given|family|middle|sur|full|display|preferred|nick|maiden) ?name|forename|surname|firstname|lastname)\b/,
    'name',
  ],
  [new RegExp(`\\b${PERSON}s? (?:full )?name\\b`), 'name'],
  [
    /\b(?:phone|telephone|tel|mobile|cell|ani|caller id|caller number|msisdn|from number|contact number)\b/,
    'phone number',
  ],
  [
    /\b(?:home address|street|address line|postcode|post code|zip|zip code|postal code|street address|mailing address)\b/,
    'postal address',
  ],
  [/\b(?:date of birth|dob|birth date|birthday|birthdate)\b/, 'date of birth'],
  [
    /\b(?:national insurance|ni number|nino|ssn|social security|passport|tax id|national id|sin number)\b/,
    'national id',
  ],
  [/\b(?:signature|photo|picture|linkedin|twitter|social media handle)\b/, 'personal data'],
];

/**
 * Why a column holds personal data that must never be imported, or null. `Manager Name` in an
 * org hierarchy is the exception: it is the unit's leader (masked in presenter mode).
 */
export function personalReason(
  normalised: string,
  kind: CanonicalKind,
  values: { emailShare: number; ipShare: number },
): string | null {
  if (
    kind === 'org_units' &&
    /^(?:unit |team |line |people |department |store |branch |site )?(?:manager|leader|head|supervisor|lead|owner|director|boss)s?(?: full)? ?name$/.test(
      normalised,
    )
  )
    return null;
  if (normalised === 'name' && kind !== 'org_units' && kind !== 'survey_items') return 'name';
  for (const [re, what] of PERSONAL_RULES) if (re.test(normalised)) return what;
  if (values.emailShare >= 0.5) return 'e-mail address';
  if (values.ipShare >= 0.5) return 'IP address';
  return null;
}

/** Qualtrics metadata columns (normal form), and their ImportIds. */
const QUALTRICS_META = new Set([
  'start date',
  'end date',
  'status',
  'ip address',
  'progress',
  'duration in seconds',
  'duration',
  'finished',
  'recorded date',
  'response id',
  'recipient last name',
  'recipient first name',
  'recipient email',
  'external reference',
  'external data reference',
  'location latitude',
  'location longitude',
  'distribution channel',
  'user language',
  'response type',
  'collector id',
  'custom data',
  'panel id',
]);
const QUALTRICS_IMPORT_META =
  /^(?:startdate|enddate|status|ipaddress|progress|duration|finished|recordeddate|_recordid|recipientlastname|recipientfirstname|recipientemail|externaldatareference|locationlatitude|locationlongitude|distributionchannel|userlanguage)$/i;

/** Why a column is survey-platform metadata, or null. */
export function metadataReason(normalised: string, importId: string | undefined): string | null {
  if (importId && QUALTRICS_IMPORT_META.test(importId)) return 'Qualtrics metadata';
  if (QUALTRICS_META.has(normalised)) return 'survey platform metadata';
  if (/^custom data \d+$/.test(normalised) || /^q [a-z]/.test(normalised))
    return 'survey platform metadata';
  return null;
}

const SENSITIVE =
  /^(?:gender|sex|gender identity|age|age band|age group|age range|age bracket|ethnicity|ethnic origin|ethnic group|race|disability|disabled|religion|religion or belief|belief|sexual orientation|sexuality|nationality|marital status|caring responsibilities|carer|pronouns|trans|transgender|veteran|veteran status|pregnancy)$/;
const DEMOGRAPHIC =
  /^(?:location|work location|region|country|city|language|shift|shift pattern|contract|contract type|working pattern|full time part time|ft pt|work pattern|employment type|hybrid|remote|work arrangement|division name|business area|site type|generation|education|hours)$/;

/** Demographic survey columns Upstream does not import (not in the canonical format). */
export function demographicReason(normalised: string): string | null {
  if (SENSITIVE.test(normalised)) return 'sensitive demographic: not imported';
  if (DEMOGRAPHIC.test(normalised)) return 'demographic not in the canonical format: ignored';
  return null;
}
