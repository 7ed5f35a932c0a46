import type { ColumnMapping } from '../../../shared/imports';
import { scaleVocabulary } from './mapping/scales';

function casings(text: string): string[] {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  const title = text.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return [text, sentence, title];
}

/**
 * Answer texts scored for an item (or a rating column) are the answers found in the file: the
 * preview adds the rest of their scale's vocabulary, as written in lower, sentence and title case,
 * so that its mapping shows how the scale is scored, not which answers were given. The scores of
 * the texts found are unchanged; the added ones only score answers the file does not hold.
 */
function padded(scores: Record<string, number>): Record<string, number> {
  const vocabulary = scaleVocabulary(scores);
  if (!vocabulary) return scores;
  const out: Record<string, number> = {};
  for (const [text, score] of Object.entries(vocabulary))
    for (const written of casings(text)) out[written] = score;
  return Object.fromEntries(
    Object.entries({ ...out, ...scores }).sort(([a], [b]) => a.localeCompare(b)),
  );
}

export function withWholeScales(mapping: ColumnMapping): ColumnMapping {
  const items = mapping.items.map((item) =>
    item.choiceScores ? { ...item, choiceScores: padded(item.choiceScores) } : item,
  );
  if (!mapping.choiceScores) return { ...mapping, items };
  const choiceScores = Object.fromEntries(
    Object.entries(mapping.choiceScores).map(([role, scores]) => [role, padded(scores)]),
  );
  return { ...mapping, items, choiceScores };
}
