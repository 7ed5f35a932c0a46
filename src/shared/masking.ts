import type { Masking } from './workshop';

/**
 * Presenter masking: every unit and leader name replaced by a stand-in that stays the same for
 * the same tree ("The company", "Region A", "Store 12", "Leader of Store 12"), so a story reads
 * the same on every slide and in every export. Pure: no Node, no DOM.
 *
 * Letters go to depth-1 units by name order; deeper units are numbered across their whole level
 * in tree order (children by name), so "Store 12" is the same store on every slide.
 */

export interface MaskUnit {
  id: string;
  name: string;
  level: string;
  depth: number;
  parentId: string | null;
  leader: string | null;
}

export interface Mask {
  /** The unit's stand-in; the id itself when the unit is not in the tree. */
  maskedName(id: string): string;
  /** The stand-in for the unit's leader ("Leader of Store 12"). */
  maskedLeader(id: string): string;
  /** The text with every real unit and leader name replaced (longest first, whole words only). */
  maskText(text: string): string;
  /** The real names the text contains, each once, in the order they first appear. */
  findRealNames(text: string): string[];
  /**
   * A copy of any JSON value with every real name replaced. An object with a known unit id
   * (`id` or `unitId`) gets that unit's own stand-in for its `name` and `leader`, so two units
   * sharing a name stay apart. Id fields (`id`, `ids`, `*Id`, `*Ids`) are kept as they are:
   * exports never print ids. Object keys are kept.
   */
  maskDeep<T>(value: T): T;
}

const COMPANY = 'The company';
const COMPANY_LEADER = 'Leader of the company';

/** 0 -> A, 25 -> Z, 26 -> AA, 27 -> AB: spreadsheet column letters. */
export function letterFor(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function levelWord(level: string, words: Record<string, string>): string {
  const chosen = words[level];
  if (chosen !== undefined && chosen.trim() !== '') return chosen.trim();
  const spaced = level.replace(/[_-]+/g, ' ').trim() || 'Unit';
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const byName = (a: MaskUnit, b: MaskUnit) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The units in tree order: each root, then its children by name, depth first. */
function treeOrder(units: MaskUnit[]): MaskUnit[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, MaskUnit[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(byName);
  const out: MaskUnit[] = [];
  const seen = new Set<string>();
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (seen.has(u.id)) continue;
    seen.add(u.id);
    out.push(u);
    const kids = children.get(u.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  // A cycle leaves units unreached; they still need a stand-in.
  for (const u of [...units].sort(byName)) if (!seen.has(u.id)) out.push(u);
  return out;
}

function stableNames(units: MaskUnit[], words: Record<string, string>): Map<string, string> {
  const ordered = treeOrder(units);
  const masked = new Map<string, string>();
  const counters = new Map<string, number>();
  const next = (key: string) => {
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    return n;
  };
  const roots = ordered.filter((u) => u.depth <= 0);
  roots.forEach((u, i) => {
    masked.set(u.id, i === 0 ? COMPANY : `${levelWord(u.level, words)} ${letterFor(i)}`);
  });
  // Letters by name across the whole first level (not per root), numbers in tree order below it.
  for (const u of ordered.filter((x) => x.depth === 1).sort(byName)) {
    const word = levelWord(u.level, words);
    masked.set(u.id, `${word} ${letterFor(next(`letter:${word}`))}`);
  }
  for (const u of ordered) {
    if (masked.has(u.id)) continue;
    const word = levelWord(u.level, words);
    masked.set(u.id, `${word} ${next(`number:${word}`) + 1}`);
  }
  return masked;
}

/** Whether text at offset begins a sentence (or the text, a quote, a bracket, a list item). */
function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(0, offset).trimEnd();
  return before === '' || /[.!?:;"“‘'([\-–—•|·]$/.test(before);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isIdKey = (key: string) => key === 'id' || key === 'ids' || /[a-z0-9](Id|Ids)$/.test(key);

export interface MaskOptions extends Pick<Masking, 'levelWords'> {
  /**
   * Other names and leaders the same units had (an earlier period's tree): replaced with that
   * unit's stand-in too, so a renamed unit's old name cannot slip through.
   */
  formerNames?: { id: string; name: string; leader: string | null }[];
}

export function buildMask(units: MaskUnit[], options: MaskOptions): Mask {
  const masked = stableNames(units, options.levelWords ?? {});
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const maskedName = (id: string) => masked.get(id) ?? id;
  const maskedLeader = (id: string) => {
    const name = masked.get(id);
    if (name === undefined) return id;
    return name === COMPANY ? COMPANY_LEADER : `Leader of ${name}`;
  };

  // One stand-in per real name (case-insensitive): the first unit in tree order wins a name two
  // units share, and a unit's name wins over a leader's.
  const replacement = new Map<string, { real: string; masked: string }>();
  const ordered = treeOrder(units);
  for (const u of ordered) {
    const name = u.name.trim();
    if (name && !replacement.has(name.toLowerCase()))
      replacement.set(name.toLowerCase(), { real: name, masked: maskedName(u.id) });
  }
  for (const u of ordered) {
    const leader = u.leader?.trim();
    if (leader && !replacement.has(leader.toLowerCase()))
      replacement.set(leader.toLowerCase(), { real: leader, masked: maskedLeader(u.id) });
  }
  for (const former of options.formerNames ?? []) {
    if (!masked.has(former.id)) continue;
    const name = former.name.trim();
    if (name && !replacement.has(name.toLowerCase()))
      replacement.set(name.toLowerCase(), { real: name, masked: maskedName(former.id) });
    const leader = former.leader?.trim();
    if (leader && !replacement.has(leader.toLowerCase()))
      replacement.set(leader.toLowerCase(), { real: leader, masked: maskedLeader(former.id) });
  }
  const alternatives = [...replacement.values()]
    .map((r) => r.real)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escapeRegExp);
  // Whole words only: a unit called "Care" is not replaced inside "Careful", but is inside
  // "Customer Care Centre" unless that longer name is a unit too (longest first wins).
  const pattern =
    alternatives.length > 0
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : null;

  const maskText = (text: string) =>
    pattern === null
      ? text
      : text.replace(pattern, (hit: string, offset: number) => {
          const masked = replacement.get(hit.toLowerCase())?.masked ?? hit;
          // "proud to work for the company", but "The company leads" at a sentence's start.
          return masked === COMPANY && !startsSentence(text, offset) ? 'the company' : masked;
        });

  const findRealNames = (text: string) => {
    if (pattern === null) return [];
    const found: string[] = [];
    for (const hit of text.matchAll(pattern)) {
      const real = replacement.get(hit[0].toLowerCase())?.real ?? hit[0];
      if (!found.includes(real)) found.push(real);
    }
    return found;
  };

  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return maskText(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const ownId =
      typeof record.id === 'string' && unitsById.has(record.id)
        ? record.id
        : typeof record.unitId === 'string' && unitsById.has(record.unitId)
          ? record.unitId
          : null;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(record)) {
      if (isIdKey(key)) out[key] = field;
      else if (ownId !== null && key === 'name' && typeof field === 'string')
        out[key] =
          field.trim() === unitsById.get(ownId)!.name.trim() ? maskedName(ownId) : maskText(field);
      else if (ownId !== null && key === 'leader' && typeof field === 'string')
        out[key] = maskedLeader(ownId);
      else out[key] = walk(field);
    }
    return out;
  };

  return {
    maskedName,
    maskedLeader,
    maskText,
    findRealNames,
    maskDeep: <T>(value: T) => walk(value) as T,
  };
}
