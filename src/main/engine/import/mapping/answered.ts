import { normaliseName } from './normalise';

/**
 * Whether a contact-centre call was answered, as logs write it: a yes/no "Answered" column, an
 * "Abandoned" flag (yes means not answered), or a status column of words ("Answered",
 * "Abandoned", "Missed", "Voicemail"). The mapping scores each text 1 (answered) or 0 (not
 * answered) in choiceScores.answered, and applyMapping reads the scores as true/false.
 */
const ANSWERED_WORDS =
  /^(?:answered|answer|handled|connected|completed|complete|accepted|served|taken|talked|agent answered|call answered|resolved|ok)$/;
const UNANSWERED_WORDS =
  /^(?:abandoned|abandon|abandon in queue|abandoned in queue|abandoned in ivr|missed|unanswered|not answered|no answer|dropped|lost|hung up|hang up|caller hung up|caller abandoned|short abandon|short abandoned|voicemail|voice mail|timeout|timed out|overflow|rejected|declined|busy|failed|no agent|ring no answer|rna)$/;
const YES = /^(?:true|t|yes|y|1)$/i;
const NO = /^(?:false|f|no|n|0)$/i;

/** A column named for calls that were not answered: its yes means "not answered". */
export const UNANSWERED_NAME =
  /\b(?:abandoned|abandon|abandons|missed|unanswered|dropped|lost call|short abandon)\b/;

/** Share of samples that say answered or not (words, or yes/no). */
export function answeredShare(samples: string[]): number {
  if (samples.length === 0) return 0;
  return samples.filter((s) => answeredScore(s, false) !== null).length / samples.length;
}

function answeredScore(value: string, inverted: boolean): 0 | 1 | null {
  const t = value.trim();
  if (YES.test(t)) return inverted ? 0 : 1;
  if (NO.test(t)) return inverted ? 1 : 0;
  const norm = normaliseName(t);
  if (ANSWERED_WORDS.test(norm)) return 1;
  if (UNANSWERED_WORDS.test(norm)) return 0;
  return null;
}

/**
 * Scores for a column's texts (1 answered, 0 not), none needed when the values are plain yes/no
 * in the answered sense; and the texts it cannot place.
 */
export function answeredScores(
  samples: string[],
  columnName: string,
): { scores: Record<string, number> | null; unknown: string[]; inverted: boolean } {
  const inverted = UNANSWERED_NAME.test(normaliseName(columnName));
  const scores: Record<string, number> = {};
  const unknown: string[] = [];
  let words = false;
  for (const sample of samples) {
    const t = sample.trim();
    const score = answeredScore(t, inverted);
    if (score === null) {
      unknown.push(t);
      continue;
    }
    if (!YES.test(t) && !NO.test(t)) words = true;
    scores[t] = score;
  }
  return { scores: inverted || words ? scores : null, unknown, inverted };
}
