import { CANONICAL_COLUMNS } from '../canonicalFormats';
import type { AnalysedColumn } from './analyse';
import type { CatalogueItem } from './inferenceTypes';
import {
  IDENTIFIER,
  identifierFrom,
  labelReadings,
  normaliseName,
  textSimilarity,
  uniqueIdentifier,
} from './normalise';
import { reverseMarker } from './keying';
import { guessScale, type ScaleGuess } from './scales';
import type { ItemMapping } from './types';

/** Survey answer columns: catalogue matching, factor, scale, reverse-coding and N/A codes. */

export interface ItemGuess {
  item: ItemMapping;
  confidence: number;
  why: string;
}

/** Item ids may not take the name of a canonical survey column. */
export const RESERVED_IDS = [...CANONICAL_COLUMNS.survey_responses.map((c) => c.name), 'comment'];

/** Below this similarity a question wording is not taken for a catalogue item. */
const TEXT_MATCH = 0.75;

const compactCache = new Map<string, string>();

function compact(text: string): string {
  let c = compactCache.get(text);
  if (c === undefined) {
    if (compactCache.size > 20_000) compactCache.clear();
    c = normaliseName(text).replace(/ /g, '');
    compactCache.set(text, c);
  }
  return c;
}

/** The best catalogue item for a column, and how it matched. */
function catalogueCandidates(
  column: AnalysedColumn,
  text: string | undefined,
  catalogue: readonly CatalogueItem[],
): { item: CatalogueItem; score: number; how: string }[] {
  const out: { item: CatalogueItem; score: number; how: string }[] = [];
  const name = compact(column.name);
  const importId = column.importId !== undefined ? compact(column.importId) : null;
  const readings = text ? labelReadings(text) : [];
  for (const item of catalogue) {
    const id = compact(item.itemId);
    if (id.length > 0 && id === name) {
      out.push({ item, score: 0.98, how: 'same id' });
      continue;
    }
    if (importId !== null && id.length > 0 && id === importId) {
      out.push({ item, score: 0.95, how: 'same Qualtrics ImportId' });
      continue;
    }
    let best = 0;
    for (const reading of readings) best = Math.max(best, textSimilarity(reading, item.text));
    if (best >= TEXT_MATCH)
      out.push({ item, score: 0.5 + 0.45 * best, how: `text ${Math.round(best * 100)}% alike` });
  }
  return out;
}

const ENGAGEMENT = [
  /\bproud\b/,
  /\brecommend\b.*\b(?:place|company|organi[sz]ation|employer) to work\b/,
  /\bplace to work\b/,
  /\bmotivat/,
  /\b(?:intend|plan|expect|want) to (?:stay|be working|remain)\b/,
  /\bsee myself\b.*\bworking\b/,
  /\bstill (?:be )?working\b/,
  /\blooking for a (?:new )?job\b/,
  /\bthink(?:ing)? about leaving\b/,
  /\b(?:go|going) (?:beyond|above and beyond|the extra mile)\b/,
  /\bengaged\b/,
  /\boverall\b.*\bsatisfied\b.*\b(?:work|job|company|organi[sz]ation)\b/,
  /\bhappy working\b/,
];
const LEADERSHIP = [
  /\b(?:my|your|our) (?:line |direct )?manager\b/,
  /\bline manager\b/,
  /\bmy (?:team |direct )?leader\b/,
  /\bleadership\b/,
  /\bsenior (?:leaders|management|managers|team)\b/,
  /\bmy supervisor\b/,
  /\bleaders\b/,
  /\bmanagement\b/,
];
const ENABLEMENT = [
  /\btools\b/,
  /\bresources\b/,
  /\bprocess(?:es)?\b/,
  /\bequipment\b/,
  /\bsystems\b/,
  /\btraining\b/,
  /\binformation (?:i|we) need\b/,
  /\bget (?:my|our) (?:work|job) done\b/,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The factor a question belongs to, from its wording. */
export function inferFactor(
  text: string,
  scale: { min: number; max: number },
  catalogue: readonly CatalogueItem[],
): { factor: string; why: string } {
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const values = [...new Set(catalogue.map((c) => c.factor).filter((f) => f.startsWith('value:')))];
  for (const factor of values) {
    const name = factor.slice('value:'.length).trim();
    if (name.length > 0 && new RegExp(`\\b${escapeRegExp(name.toLowerCase())}\\b`).test(lower))
      return { factor, why: `mentions the value "${name}"` };
  }
  const zeroToTen = scale.min === 0 && scale.max === 10;
  if (zeroToTen && /\brecommend/.test(lower))
    return { factor: 'enps', why: '"recommend" on 0-10: eNPS' };
  const hit = (patterns: RegExp[]) => patterns.find((p) => p.test(lower));
  const engagement = hit(ENGAGEMENT);
  if (engagement) return { factor: 'engagement', why: 'engagement wording' };
  const leadership = hit(LEADERSHIP);
  if (leadership) return { factor: 'leadership', why: 'about managers or leaders' };
  const enablement = hit(ENABLEMENT);
  if (enablement) return { factor: 'enablement', why: 'about tools, resources or processes' };
  return { factor: 'other', why: 'factor unknown' };
}

const NEGATIVE_WORDING =
  /\b(rarely|not|never|don't|dont|do not|doesn't|does not|isn't|is not|aren't|can't|cannot|won't|no longer|hardly|seldom|lack|unable)\b/i;

/** A negative-wording hint that the item may be reverse-coded, or null. Scale anchors in brackets do not count. */
export function negativeWording(text: string): string | null {
  const statement = text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/[\u2018\u2019]/g, "'");
  const m = NEGATIVE_WORDING.exec(statement);
  return m ? (m[1] as string).toLowerCase() : null;
}

/**
 * The text an item is known by: the question label (for a Qualtrics matrix "Stem - Statement",
 * the statement), else the column name.
 */
export function itemText(column: AnalysedColumn, label: string | undefined): string {
  const text = (label ?? column.name).trim() || column.name;
  const parts = text.split(/\s+[-\u2013\u2014]\s+/);
  const last = parts[parts.length - 1]?.trim() ?? '';
  if (parts.length > 1 && last.split(/\s+/).length >= 3 && /[?:]\s*$/.test(parts[0] ?? ''))
    return last;
  return text;
}

/** A stable id for a column that is not in the catalogue. */
function newItemId(column: AnalysedColumn, label: string | undefined): string {
  const name = column.name.trim();
  const generic = /^(?:column|col|field|var|unnamed)[ _]?\d+$/i.test(name) || name.length === 0;
  const wordy = name.split(/\s+/).length > 3 || name.length > 24;
  const source = generic ? label : wordy ? (label ?? name) : undefined;
  if (source) {
    const words = normaliseName(source)
      .split(' ')
      .filter((w) => w.length > 2)
      .slice(0, 6)
      .join('_');
    if (words.length > 0) return identifierFrom(words);
  }
  return identifierFrom(name);
}

export interface ItemCandidate {
  column: AnalysedColumn;
  label: string | undefined;
  scale: ScaleGuess | null;
  match: { item: CatalogueItem; score: number; how: string } | null;
}

/** Whether an unassigned column holds answers to a survey item. */
export function itemCandidate(
  column: AnalysedColumn,
  label: string | undefined,
  catalogue: readonly CatalogueItem[],
): ItemCandidate | null {
  const text = label ?? column.name;
  const scale = guessScale(column.profile.samples, column.profile.valueLabels, text);
  const matches = catalogueCandidates(column, label ?? column.name, catalogue);
  const s = column.stats;
  const answerLike =
    scale !== null &&
    (scale.fit >= 0.9 || (scale.source === 'choices' && scale.fit >= 0.75)) &&
    (scale.distinctAnswers >= 2 || scale.source === 'labels') &&
    s.dates.share < 0.5;
  const qualtricsQuestion =
    column.empty && column.importId !== undefined && /^QID\d+(?:_\d+)*$/i.test(column.importId);
  // A catalogue id or ImportId counts even without answers; a text match needs answer-like values.
  const usable = matches.filter((m) => m.how.startsWith('same') || answerLike || column.empty);
  if (usable.length === 0 && !answerLike && !qualtricsQuestion) return null;
  return {
    column,
    label,
    scale,
    match: usable.sort((a, b) => b.score - a.score)[0] ?? null,
  };
}

/**
 * Turns candidate columns into item mappings. Catalogue items go to at most one column each
 * (best match first); scales that disagree with the file's usual scale by one out-of-range code
 * get that code as N/A (to be checked).
 */
export function buildItems(
  candidates: ItemCandidate[],
  catalogue: readonly CatalogueItem[],
  problems: string[],
): Map<number, ItemGuess> {
  // One catalogue item per column, best pairs first.
  const pairs = candidates
    .flatMap((c) =>
      catalogueCandidates(c.column, c.label ?? c.column.name, catalogue)
        .filter((m) => m.how.startsWith('same') || c.scale !== null || c.column.empty)
        .map((m) => ({ c, m })),
    )
    .sort((a, b) => b.m.score - a.m.score || a.c.column.index - b.c.column.index);
  const matched = new Map<number, { item: CatalogueItem; score: number; how: string }>();
  const usedItems = new Set<string>();
  for (const { c, m } of pairs) {
    if (matched.has(c.column.index) || usedItems.has(m.item.itemId)) continue;
    matched.set(c.column.index, m);
    usedItems.add(m.item.itemId);
  }

  // The file's usual scale, for lone out-of-range codes.
  const counts = new Map<string, number>();
  for (const c of candidates) {
    if (!c.scale || matched.has(c.column.index)) continue;
    const key = `${c.scale.min}-${c.scale.max}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const m of matched.values()) {
    const key = `${m.item.scaleMin}-${m.item.scaleMax}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const modal = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const usual =
    modal && modal[1] >= 3 ? (modal[0].split('-').map(Number) as [number, number]) : null;

  const usedIds = new Set<string>([
    ...catalogue.map((c) => c.itemId.toLowerCase()),
    ...RESERVED_IDS,
  ]);
  const out = new Map<number, ItemGuess>();
  for (const c of candidates) {
    const m = matched.get(c.column.index);
    const text = itemText(c.column, c.label);
    const notes: string[] = [];
    let confidence: number;
    let item: ItemMapping;
    const scale = c.scale;
    if (m) {
      const cat = m.item;
      const naCodes = new Set(scale?.naCodes ?? []);
      // Answers outside the catalogue's scale that are conventional N/A codes.
      for (const x of c.column.stats.ints) {
        if (
          (x < cat.scaleMin || x > cat.scaleMax) &&
          (x >= 97 || x < 0 || (x === 9 && cat.scaleMax <= 7))
        )
          naCodes.add(String(x));
      }
      item = {
        column: c.column.name,
        itemId: IDENTIFIER.test(cat.itemId)
          ? cat.itemId
          : uniqueIdentifier(identifierFrom(cat.itemId), usedIds),
        text: cat.text,
        factor: cat.factor.trim().slice(0, 200) || 'other',
        scaleMin: cat.scaleMin,
        scaleMax: cat.scaleMax,
        reverseCoded: cat.reverseCoded,
        naCodes: [...naCodes].sort(),
      };
      if (scale?.choiceScores)
        item.choiceScores = clampScores(scale.choiceScores, cat.scaleMin, cat.scaleMax);
      confidence = m.score;
      notes.push(`catalogue item ${cat.itemId} (${m.how})`);
      const outside = c.column.stats.ints.filter(
        (x) => (x < cat.scaleMin || x > cat.scaleMax) && !naCodes.has(String(x)),
      );
      if (outside.length > 0) {
        problems.push(
          `${c.column.name}: answers ${outside.slice(0, 3).join(', ')} are outside item ${cat.itemId}'s ${cat.scaleMin}-${cat.scaleMax} scale: check the item or the export`,
        );
        confidence *= 0.7;
      }
    } else {
      let min = scale?.min ?? usual?.[0] ?? 1;
      let max = scale?.max ?? usual?.[1] ?? 5;
      const naCodes = new Set(scale?.naCodes ?? []);
      const guessed = new Set(scale?.guessedNa ?? []);
      if (
        usual &&
        scale &&
        scale.source !== 'labels' &&
        (scale.min !== usual[0] || scale.max !== usual[1])
      ) {
        const outside = c.column.stats.ints.filter(
          (x) => (x < usual[0] || x > usual[1]) && !naCodes.has(String(x)),
        );
        const lone = outside.length === 1 ? (outside[0] as number) : null;
        if (lone !== null && (lone === usual[1] + 1 || lone === usual[0] - 1)) {
          min = usual[0];
          max = usual[1];
          naCodes.add(String(lone));
          guessed.add(String(lone));
        } else if (outside.length === 0) {
          // Answers that fit the file's usual scale (a 1-5 item nobody rated 5, a 1-4 item
          // answered 2-4) are on that scale.
          min = usual[0];
          max = usual[1];
        }
      }
      const marked = reverseMarker(text);
      const factor = inferFactor(marked.text, { min, max }, catalogue);
      const negative =
        marked.reversed || (min === 0 && max === 10) ? null : negativeWording(marked.text);
      item = {
        column: c.column.name,
        itemId: uniqueIdentifier(newItemId(c.column, c.label), usedIds),
        text: marked.text.slice(0, 2000),
        factor: factor.factor.slice(0, 200),
        scaleMin: min,
        scaleMax: max,
        reverseCoded: marked.reversed || negative !== null,
        naCodes: [...naCodes].sort(),
      };
      if (marked.reversed) notes.push('reverse-keyed (its label says so)');
      if (scale?.choiceScores) item.choiceScores = clampScores(scale.choiceScores, min, max);
      confidence = c.label ? 0.75 : 0.6;
      if (scale?.source === 'labels' || scale?.source === 'choices') confidence += 0.05;
      if (factor.factor === 'other') confidence -= 0.1;
      notes.push(`new item ${item.itemId}`, factor.why);
      if (negative) {
        confidence -= 0.2;
        notes.push(`reverse-coded? (negative wording: "${negative}")`);
        problems.push(
          `${c.column.name}: marked reverse-coded from its negative wording ("${negative}"): check`,
        );
      }
      if (guessed.size > 0) {
        const codes = [...guessed].sort();
        problems.push(
          `${c.column.name}: ${codes.join(', ')} outside the ${min}-${max} scale treated as N/A: check`,
        );
        confidence -= 0.1;
      }
      if (!scale && c.column.empty) notes.push('no answers in the file: scale assumed');
    }
    notes.push(`${item.scaleMin}-${item.scaleMax}`);
    if (item.naCodes.length > 0) notes.push(`N/A: ${item.naCodes.join(', ')}`);
    if (item.choiceScores) notes.push('answer texts scored');
    out.set(c.column.index, {
      item,
      confidence: Math.max(0.1, Math.min(0.98, confidence)),
      why: notes.join('; '),
    });
  }
  return out;
}

function clampScores(
  scores: Record<string, number>,
  min: number,
  max: number,
): Record<string, number> | undefined {
  const kept = Object.fromEntries(
    Object.entries(scores).filter(([, v]) => Number.isInteger(v) && v >= min && v <= max),
  );
  return Object.keys(kept).length > 0 ? kept : undefined;
}
