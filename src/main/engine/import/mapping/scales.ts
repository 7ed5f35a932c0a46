import { normaliseName } from './normalise';
import { isNaText } from './values';

/**
 * The answer scale of a survey column: from SPSS value labels, from answer texts ("Strongly
 * agree", "10 - Extremely likely") or from the integers seen, with the codes that mean N/A.
 */
export interface ScaleGuess {
  min: number;
  max: number;
  naCodes: string[];
  choiceScores?: Record<string, number>;
  /** Share of samples the scale explains (answers in range, N/A codes, scored texts). */
  fit: number;
  source: 'labels' | 'choices' | 'values';
  /** N/A codes guessed without a label saying so: the analyst should check them. */
  guessedNa: string[];
  /** Integers outside the scale that nothing explains. */
  outside: number[];
  /** Distinct answers in range. */
  distinctAnswers: number;
  /** Whether there are more than two categories that read like a rating scale. */
  labelsLookLikeScale: boolean;
}

type Dictionary = { name: string; min: number; max: number; scores: Record<string, number> };

const NEITHER_AGREE = [
  'neither agree nor disagree',
  'neither agree or disagree',
  'neither disagree nor agree',
  'neutral',
  'neither',
];
const NEITHER_SAT = [
  'neither satisfied nor dissatisfied',
  'neither satisfied or dissatisfied',
  'neither dissatisfied nor satisfied',
  'neutral',
  'neither',
];

function dict(name: string, min: number, max: number, groups: [number, string[]][]): Dictionary {
  const scores: Record<string, number> = {};
  for (const [score, texts] of groups) for (const t of texts) scores[t] = score;
  return { name, min, max, scores };
}

const DICTIONARIES: Dictionary[] = [
  dict('agreement (7)', 1, 7, [
    [1, ['strongly disagree', 'completely disagree']],
    [2, ['disagree']],
    [3, ['somewhat disagree', 'slightly disagree']],
    [4, NEITHER_AGREE],
    [5, ['somewhat agree', 'slightly agree']],
    [6, ['agree']],
    [7, ['strongly agree', 'completely agree']],
  ]),
  dict('agreement (5)', 1, 5, [
    [1, ['strongly disagree', 'completely disagree', 'totally disagree']],
    [2, ['disagree', 'tend to disagree', 'somewhat disagree', 'mostly disagree']],
    [3, NEITHER_AGREE],
    [4, ['agree', 'tend to agree', 'somewhat agree', 'mostly agree']],
    [5, ['strongly agree', 'completely agree', 'totally agree']],
  ]),
  dict('satisfaction (7)', 1, 7, [
    [1, ['very dissatisfied', 'extremely dissatisfied', 'completely dissatisfied']],
    [2, ['dissatisfied']],
    [3, ['somewhat dissatisfied', 'slightly dissatisfied']],
    [4, NEITHER_SAT],
    [5, ['somewhat satisfied', 'slightly satisfied']],
    [6, ['satisfied']],
    [7, ['very satisfied', 'extremely satisfied', 'completely satisfied']],
  ]),
  dict('satisfaction (5)', 1, 5, [
    [
      1,
      [
        'very dissatisfied',
        'extremely dissatisfied',
        'completely dissatisfied',
        'very unsatisfied',
      ],
    ],
    [2, ['dissatisfied', 'somewhat dissatisfied', 'fairly dissatisfied', 'unsatisfied']],
    [3, NEITHER_SAT],
    [4, ['satisfied', 'somewhat satisfied', 'fairly satisfied']],
    [5, ['very satisfied', 'extremely satisfied', 'completely satisfied']],
  ]),
  dict('likelihood (5)', 1, 5, [
    [1, ['very unlikely', 'extremely unlikely', 'not at all likely', 'highly unlikely']],
    [2, ['unlikely', 'somewhat unlikely']],
    [3, ['neither likely nor unlikely', 'neutral', 'neither']],
    [4, ['likely', 'somewhat likely']],
    [5, ['very likely', 'extremely likely', 'highly likely']],
  ]),
  dict('frequency (5)', 1, 5, [
    [1, ['never']],
    [2, ['rarely', 'seldom', 'almost never']],
    [3, ['sometimes', 'occasionally']],
    [4, ['often', 'usually', 'frequently', 'most of the time', 'very often']],
    [5, ['always', 'almost always']],
  ]),
  // Levels ("how much ... ?"): four points from Low, five when Very low is among them.
  dict('level (5)', 1, 5, [
    [1, ['very low']],
    [2, ['low']],
    [3, ['medium', 'moderate']],
    [4, ['high']],
    [5, ['very high']],
  ]),
  dict('level (4)', 1, 4, [
    [1, ['low']],
    [2, ['medium', 'moderate']],
    [3, ['high']],
    [4, ['very high']],
  ]),
  dict('quality (5, very poor)', 1, 5, [
    [1, ['very poor', 'terrible']],
    [2, ['poor']],
    [3, ['fair', 'average', 'ok']],
    [4, ['good']],
    [5, ['very good', 'excellent']],
  ]),
  dict('quality (5)', 1, 5, [
    [1, ['poor']],
    [2, ['fair']],
    [3, ['good']],
    [4, ['very good']],
    [5, ['excellent']],
  ]),
  dict('effort (7)', 1, 7, [
    [1, ['very difficult', 'extremely difficult']],
    [2, ['difficult']],
    [3, ['somewhat difficult', 'slightly difficult']],
    [4, ['neither easy nor difficult', 'neither difficult nor easy', 'neutral']],
    [5, ['somewhat easy', 'slightly easy']],
    [6, ['easy']],
    [7, ['very easy', 'extremely easy']],
  ]),
  dict('effort (5)', 1, 5, [
    [1, ['very difficult', 'extremely difficult']],
    [2, ['difficult', 'somewhat difficult']],
    [3, ['neither easy nor difficult', 'neither difficult nor easy', 'neutral']],
    [4, ['easy', 'somewhat easy']],
    [5, ['very easy', 'extremely easy']],
  ]),
];

/** Words that make a set of value labels read like a rating scale rather than categories. */
const SCALE_WORDS =
  /\b(?:agree|disagree|satisf|dissatisf|likely|unlikely|never|always|often|rarely|sometimes|extremely|not at all|poor|excellent|good|fair|strongly|neutral|neither|very|easy|difficult|important)|^\s*(?:very )?(?:low|high)\s*$|^\s*(?:medium|moderate)\s*$/;

/** "10 - Extremely likely", "0 = Not at all likely", "Extremely likely (10)", "5. Strongly agree". */
/**
 * Every answer text (normalised) of the dictionary that scored these texts, or null when no
 * dictionary gives all of them the same scores. The import preview lists the whole vocabulary, so
 * its mapping does not tell which answers were given.
 */
export function scaleVocabulary(scores: Record<string, number>): Record<string, number> | null {
  const given = Object.entries(scores).map(
    ([text, score]) => [normaliseName(text), score] as const,
  );
  if (given.length === 0) return null;
  const dictionary = DICTIONARIES.find((d) => given.every(([t, score]) => d.scores[t] === score));
  return dictionary ? dictionary.scores : null;
}

export function labelledNumber(value: string): number | null {
  const t = value.trim();
  const lead = /^(-?\d{1,2})\s*(?:[-\u2013\u2014=:.)]|\s)\s*[A-Za-z].*$/.exec(t);
  if (lead) return Number(lead[1]);
  const trail = /^[A-Za-z].*?(?:[-\u2013\u2014=:]\s*|\(\s*)(-?\d{1,2})\s*\)?$/.exec(t);
  if (trail) return Number(trail[1]);
  return null;
}

/** Codes conventionally used for "no answer" in survey exports. */
const CONVENTIONAL_NA = new Set([99, 999, 9999, -1, -9, -99, -999, 98, 97, 88, 77]);

const NA_HINT =
  /(?:^|[\s(,;])(-?\d{1,3})\s*(?:=|:|-|is)\s*(?:n\/?a\b|not applicable|don'?t know|do not know|no opinion|prefer not to (?:say|answer)|unable to (?:say|answer)|not sure|no answer)/gi;

/** Codes a question's own text says mean N/A, e.g. "(6 = Not applicable)". */
export function naCodesFromText(text: string | undefined): string[] {
  if (!text) return [];
  return [...text.matchAll(NA_HINT)].map((m) => String(Number(m[1])));
}

function isNaLabel(label: string): boolean {
  return (
    isNaText(label) ||
    /\b(?:don'?t know|do not know|not applicable|n\/a|prefer not|no answer|missing|refused|skipped|unable to|no opinion|not sure)\b/i.test(
      label,
    )
  );
}

/**
 * The usual scale that holds these answers. Shorter scales than 1-5 need both ends seen (0 and 4,
 * or 1 and 4): answers 2-4 alone are more likely a 1-5 item nobody rated 1 or 5. A 6 makes 1-6
 * and a 7 makes 1-7. A column that fits inside the file's usual scale takes that scale instead
 * (items.ts), so one 1-5 item nobody rated 5 in a 1-5 survey stays 1-5.
 */
function standardScale(values: number[]): [number, number] | null {
  if (values.length === 0) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo === 0 && hi === 4) return [0, 4];
  if (lo === 1 && hi === 4 && new Set(values).size >= 3) return [1, 4];
  if (lo >= 1 && hi <= 5) return [1, 5];
  if (lo >= 1 && hi === 6) return [1, 6];
  if (lo >= 1 && hi <= 7) return [1, 7];
  if (lo >= 0 && hi <= 10) return [0, 10];
  return null;
}

/**
 * The scale of a column from its samples, value labels and question text. Returns null when the
 * values are not answers on a small integer or text scale.
 */
export function guessScale(
  samples: readonly string[],
  valueLabels: Record<string, string> | undefined,
  questionText: string | undefined,
): ScaleGuess | null {
  const values = samples.map((s) => s.trim()).filter((s) => s.length > 0);
  const na = new Set<string>();
  const guessedNa = new Set<string>();
  const labelled = new Map<number, string>();
  const labelTexts = new Map<string, number>();
  let labelsLookLikeScale = false;
  if (valueLabels) {
    for (const [code, text] of Object.entries(valueLabels)) {
      const number = Number(code);
      if (isNaLabel(text)) {
        na.add(code.trim());
        continue;
      }
      if (code.trim() !== '' && Number.isInteger(number)) {
        labelled.set(number, text);
        labelTexts.set(normaliseName(text), number);
      }
    }
    const texts = [...labelled.values()].map((t) => t.toLowerCase());
    labelsLookLikeScale =
      texts.some((t) => SCALE_WORDS.test(t)) ||
      (labelled.size >= 2 && [...labelled.values()].every((t) => /^\s*-?\d+\s*$/.test(t)));
  }
  for (const code of naCodesFromText(questionText)) na.add(code);

  const ints: number[] = [];
  const scored: Record<string, number> = {};
  const texts: string[] = [];
  for (const v of values) {
    if (na.has(v)) continue;
    if (isNaText(v)) {
      na.add(v);
      continue;
    }
    if (/^[+-]?\d+$/.test(v)) {
      ints.push(Number(v));
      continue;
    }
    if (/^[+-]?\d+\.0+$/.test(v)) {
      ints.push(Math.round(Number(v)));
      continue;
    }
    const fromLabels = labelTexts.get(normaliseName(v));
    if (fromLabels !== undefined) {
      scored[v] = fromLabels;
      continue;
    }
    const numbered = labelledNumber(v);
    if (numbered !== null) {
      scored[v] = numbered;
      continue;
    }
    texts.push(v);
  }

  // Answer texts from a known dictionary.
  let dictionary: Dictionary | null = null;
  if (texts.length > 0) {
    const normalised = texts.map((t) => normaliseName(t));
    const has = (t: string) => normalised.includes(t);
    const somewhat = (word: string) => has(`somewhat ${word}`) || has(`slightly ${word}`);
    const allowed: Record<string, boolean> = {
      'agreement (7)':
        (somewhat('agree') || somewhat('disagree')) && (has('agree') || has('disagree')),
      'satisfaction (7)':
        (somewhat('satisfied') || somewhat('dissatisfied')) &&
        (has('satisfied') || has('dissatisfied')),
      'effort (7)':
        (somewhat('easy') || somewhat('difficult')) && (has('easy') || has('difficult')),
      'quality (5, very poor)': has('very poor') || has('terrible') || has('average'),
      'quality (5)': !(has('very poor') || has('terrible') || has('average')),
      'level (5)': has('very low'),
      'level (4)': !has('very low'),
    };
    let best = 0;
    for (const d of DICTIONARIES) {
      if (allowed[d.name] === false) continue;
      const hits = normalised.filter((t) => d.scores[t] !== undefined).length;
      if (hits > best) {
        best = hits;
        dictionary = d;
      }
    }
    if (dictionary && best / texts.length >= 0.8) {
      for (const t of texts) {
        const score = dictionary.scores[normaliseName(t)];
        if (score !== undefined) scored[t] = score;
      }
    } else {
      dictionary = null;
    }
  }
  const unexplainedTexts = texts.filter((t) => scored[t] === undefined).length;

  // The scale.
  if (labelled.size >= 2 && !labelsLookLikeScale) return null; // categories (e.g. gender), not a scale
  let source: ScaleGuess['source'];
  let range: [number, number] | null;
  const numbers = [...ints, ...Object.values(scored)];
  if (labelled.size >= 2 && labelsLookLikeScale) {
    source = 'labels';
    const codes = [...labelled.keys()];
    range = [Math.min(...codes), Math.max(...codes)];
    // End-point labels only (0 and 10): the answers in between belong to the scale.
  } else if (dictionary) {
    source = 'choices';
    range = standardScale(numbers) ?? [dictionary.min, dictionary.max];
    if (range[1] < dictionary.max || range[0] > dictionary.min)
      range = [Math.min(range[0], dictionary.min), Math.max(range[1], dictionary.max)];
  } else {
    source = Object.keys(scored).length > 0 ? 'choices' : 'values';
    const candidates = numbers.filter((x) => !CONVENTIONAL_NA.has(x));
    range = standardScale(candidates);
    const distinct = [...new Set(candidates)].sort((a, b) => a - b);
    if ((!range || (range[0] === 0 && !distinct.includes(0))) && distinct.length >= 3) {
      // One isolated high code (9 on a 1-5 item, 8 on 1-5, 9 on 1-7): a "don't know" code.
      const top = distinct[distinct.length - 1] as number;
      const rest = distinct.slice(0, -1);
      const restScale = standardScale(rest);
      const restMax = rest[rest.length - 1] as number;
      if (restScale && restScale[1] <= 7 && top >= restMax + 3 && rest.length >= 2) {
        range = restScale;
        guessedNa.add(String(top));
      }
    }
    if (!range) return null;
  }
  const [min, max] = range;
  for (const x of numbers) {
    if ((x < min || x > max) && CONVENTIONAL_NA.has(x)) na.add(String(x));
  }
  for (const code of guessedNa) na.add(code);
  const inRange = numbers.filter((x) => x >= min && x <= max);
  const outside = [...new Set(numbers.filter((x) => (x < min || x > max) && !na.has(String(x))))];
  const naCount = values.filter((v) => na.has(v)).length;
  const explained = inRange.length + naCount;
  const fit = values.length === 0 ? 0 : Math.min(1, explained / values.length);
  // A few texts a known answer dictionary does not have stay in the mapping's column: the rows
  // that hold them are quarantined with the text, not dropped with the whole column.
  if (
    unexplainedTexts > 0 &&
    unexplainedTexts / Math.max(1, values.length) > 0.1 &&
    source !== 'labels' &&
    !dictionary
  )
    return null;
  const choiceScores = Object.keys(scored).length > 0 ? scored : undefined;
  return {
    min,
    max,
    naCodes: [...na].sort(),
    choiceScores,
    fit,
    source,
    guessedNa: [...guessedNa],
    outside: outside.sort((a, b) => a - b),
    distinctAnswers: new Set(inRange).size,
    labelsLookLikeScale,
  };
}
