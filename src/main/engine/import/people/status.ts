import { quoteLiteral } from '../../db/query';

/**
 * How HRIS exports say whether a person has left: a flag (Yes/No, 1/0, true/false, as in the IBM
 * attrition data's `Attrition`) or an employment status ("Terminated", "Active"). Compared in
 * lower case with spaces, dashes and underscores as one space.
 */
export const LEFT_WORDS = [
  'yes',
  'y',
  'true',
  't',
  '1',
  'left',
  'leaver',
  'terminated',
  'termed',
  'term',
  'inactive',
  'former',
  'former employee',
  'resigned',
  'retired',
  'dismissed',
  'separated',
  'exited',
  'withdrawn',
  'no longer employed',
  'ended',
];
export const STAYED_WORDS = [
  'no',
  'n',
  'false',
  'f',
  '0',
  'active',
  'current',
  'employed',
  'current employee',
  'on leave',
  'leave of absence',
  'loa',
  'probation',
  'suspended',
  'stayed',
];

function key(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** Share of (non-empty) sample values that read as left or stayed. */
export function statusShare(samples: readonly string[]): number {
  const values = samples.map(key).filter((v) => v !== '');
  if (values.length === 0) return 0;
  const known = new Set([...LEFT_WORDS, ...STAYED_WORDS]);
  return values.filter((v) => known.has(v)).length / values.length;
}

/** SQL: the cell as 'true' (left), 'false' (stayed), NULL (empty) or its own text (quarantined). */
export function hasLeftSql(cell: string): string {
  const k = `regexp_replace(lower(${cell}), '[\\s_-]+', ' ', 'g')`;
  const list = (words: string[]) => words.map(quoteLiteral).join(', ');
  return `CASE WHEN ${cell} IS NULL THEN NULL
    WHEN ${k} IN (${list(LEFT_WORDS)}) THEN 'true'
    WHEN ${k} IN (${list(STAYED_WORDS)}) THEN 'false' ELSE ${cell} END`;
}
