import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import { contract, type MethodName, type MethodOutput } from '../../../src/shared/contract';
import { buildMask, letterFor, type MaskUnit } from '../../../src/shared/masking';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/** A seeded generator (mulberry32), so a failing org can be rebuilt from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['kov', 'rin', 'tal', 'mex', 'dor', 'vu', 'shan', 'pel', 'quo', 'zir', 'bex'];
function madeUpWord(next: () => number): string {
  const n = 2 + Math.floor(next() * 2);
  const word = Array.from({ length: n }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)])
    .join('')
    .replace(/^./, (c) => c.toUpperCase());
  return word;
}

/**
 * A company of `regions` regions, areas under them and teams under those: made-up names (no
 * English word, so a name found in a string is a leak), a name shared by units in different
 * regions, names that are prefixes of others ("Kovrin" and "Kovrin Heights"), and leaders named
 * like units.
 */
function generatedOrg(seed: number, regions: number, areasPer: number, teamsPer: number) {
  const next = random(seed);
  const units: MaskUnit[] = [
    {
      id: 'C',
      name: 'Zirvutal Holdings',
      level: 'company',
      depth: 0,
      parentId: null,
      leader: 'Pel Quo',
    },
  ];
  const shared = `${madeUpWord(next)}ton`;
  for (let r = 0; r < regions; r++) {
    const regionName = `${madeUpWord(next)}${r}`;
    units.push({
      id: `R${r}`,
      name: regionName,
      level: 'region',
      depth: 1,
      parentId: 'C',
      leader: `${madeUpWord(next)} ${madeUpWord(next)}`,
    });
    for (let a = 0; a < areasPer; a++) {
      const areaId = `R${r}A${a}`;
      // The first area of every region has the same name; the second's name is the first
      // area's name plus a word, so one name is a prefix of another.
      const areaName =
        a === 0 ? shared : a === 1 ? `${shared} Heights` : `${madeUpWord(next)}${r}x${a}`;
      units.push({
        id: areaId,
        name: areaName,
        level: 'area',
        depth: 2,
        parentId: `R${r}`,
        leader: null,
      });
      for (let t = 0; t < teamsPer; t++) {
        const name = `${madeUpWord(next)}${r}y${a}z${t}`;
        units.push({
          id: `${areaId}T${t}`,
          name,
          level: 'team',
          depth: 3,
          parentId: areaId,
          // Some leaders share their name with a region (a person named like a place).
          leader: t === 0 ? regionName : `${madeUpWord(next)}${r}${a}${t} ${madeUpWord(next)}`,
        });
      }
    }
  }
  return units;
}

function realNames(units: MaskUnit[]): string[] {
  const names = new Set<string>();
  for (const u of units) {
    names.add(u.name);
    if (u.leader) names.add(u.leader);
  }
  return [...names];
}

/** Every string in a JSON value except the id fields the mask keeps, with the path to it. */
function strings(value: unknown, path = '$'): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'id' || k === 'ids' || /[a-z0-9](Id|Ids)$/.test(k) ? [] : strings(v, `${path}.${k}`),
  );
}

const wordPattern = (name: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'iu',
  );

function leaks(value: unknown, names: string[]): string[] {
  const patterns = names.map((n) => [n, wordPattern(n)] as const);
  const found: string[] = [];
  for (const { path, text } of strings(value))
    for (const [name, re] of patterns)
      if (re.test(text)) found.push(`${path}: "${name}" in "${text}"`);
  return found;
}

function shuffled<T>(list: T[], seed: number): T[] {
  const next = random(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('masking on generated organisations', () => {
  it('letters go A..Z then AA, AB', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letterFor)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('gives the company, letters by name to regions, numbers across each lower level in tree order, and leaders', () => {
    const units: MaskUnit[] = [
      { id: 'c', name: 'Acme', level: 'company', depth: 0, parentId: null, leader: 'Ann' },
      { id: 's', name: 'South', level: 'region', depth: 1, parentId: 'c', leader: 'Sam' },
      { id: 'n', name: 'North', level: 'region', depth: 1, parentId: 'c', leader: null },
      { id: 's2', name: 'Bay', level: 'team', depth: 2, parentId: 's', leader: null },
      { id: 's1', name: 'Alder', level: 'team', depth: 2, parentId: 's', leader: 'Tia' },
      { id: 'n1', name: 'Zeal', level: 'team', depth: 2, parentId: 'n', leader: null },
    ];
    const mask = buildMask(units, { levelWords: { team: 'Store' } });
    expect(units.map((u) => mask.maskedName(u.id))).toEqual([
      'The company',
      'Region B',
      'Region A',
      'Store 3',
      'Store 2',
      'Store 1',
    ]);
    expect(mask.maskedLeader('s1')).toBe('Leader of Store 2');
    expect(mask.maskedLeader('c')).toBe('Leader of the company');
    expect(mask.maskText('Acme leads. Proud to work for Acme. "Acme" · Acme')).toBe(
      'The company leads. Proud to work for the company. "The company" · The company',
    );
    expect(mask.maskText('North is weakest; Tia (Alder) asked Ann.')).toBe(
      'Region A is weakest; Leader of Store 2 (Store 2) asked Leader of the company.',
    );
  });

  it('replaces whole words only, longest name first, in any case', () => {
    const units: MaskUnit[] = [
      { id: 'c', name: 'Acme', level: 'company', depth: 0, parentId: null, leader: null },
      {
        id: 'r',
        name: 'Customer Care Centre',
        level: 'region',
        depth: 1,
        parentId: 'c',
        leader: null,
      },
      { id: 't', name: 'Care', level: 'team', depth: 2, parentId: 'r', leader: null },
    ];
    const mask = buildMask(units, { levelWords: {} });
    expect(mask.maskText('Customer Care Centre and Care, careful of CARE.')).toBe(
      'Region A and Team 1, careful of Team 1.',
    );
    expect(mask.findRealNames('careful Customer Care Centre; care')).toEqual([
      'Customer Care Centre',
      'Care',
    ]);
    expect(mask.findRealNames('Careful customers')).toEqual([]);
  });

  it.each([
    [11, 30, 3, 4],
    [12, 8, 6, 10],
  ])(
    'seed %i: %i regions of %i areas of %i teams: stable, distinct, and no real name survives',
    (seed, regions, areas, teams) => {
      const units = generatedOrg(seed, regions, areas, teams);
      expect(units.length).toBeGreaterThan(200);
      const words = { team: 'Store' };
      const mask = buildMask(units, { levelWords: words });
      const again = buildMask(shuffled(units, seed + 1), { levelWords: words });
      const masked = units.map((u) => mask.maskedName(u.id));
      expect(units.map((u) => again.maskedName(u.id))).toEqual(masked);
      expect(new Set(masked).size).toBe(units.length);
      expect(masked.filter((m) => m.startsWith('Region '))).toHaveLength(regions);
      // Worked out again by hand: regions by name get letters; teams, walking regions, areas and
      // teams each by name, get 1, 2, 3, ...
      const byName = (a: MaskUnit, b: MaskUnit) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1;
      const childrenOf = (id: string) => units.filter((u) => u.parentId === id).sort(byName);
      const expected = new Map<string, string>();
      let store = 0;
      childrenOf('C').forEach((region, r) => {
        expected.set(region.id, `Region ${letterFor(r)}`);
        for (const area of childrenOf(region.id))
          for (const team of childrenOf(area.id)) expected.set(team.id, `Store ${++store}`);
      });
      expect(store).toBe(regions * areas * teams);
      for (const [id, name] of expected) expect(mask.maskedName(id)).toBe(name);
      if (regions >= 30) expect(masked).toContain('Region AD');

      // An answer shaped like the engine's: rows with ids and names, breadcrumbs, sentences.
      const answer = {
        rows: units.map((u) => ({ unitId: u.id, name: u.name, leader: u.leader, level: u.level })),
        breadcrumbs: units.slice(0, 4).map((u) => ({ id: u.id, name: u.name })),
        headline: `${units[1]!.name} is weakest; ${units[3]!.name} and ${units[4]!.name} lead.`,
        notes: units.map((u) => `Ask ${u.leader ?? 'someone'} about ${u.name}.`),
      };
      const out = mask.maskDeep(answer);
      expect(leaks(out, realNames(units))).toEqual([]);
      // Two areas share a name: each keeps its own stand-in by its id.
      const sharedAreas = out.rows.filter((r) => r.unitId.endsWith('A0') && r.level === 'area');
      expect(new Set(sharedAreas.map((r) => r.name)).size).toBe(regions);
      expect(out.rows.map((r) => r.unitId)).toEqual(units.map((u) => u.id));
      // findRealNames sees what maskText would replace.
      expect(mask.findRealNames(answer.headline).length).toBeGreaterThan(0);
      expect(out.notes.every((n) => mask.findRealNames(n).length === 0)).toBe(true);
    },
  );
});

describe('masking real engine answers (tiny workspace)', () => {
  let tiny: TinyWorkspace;
  beforeAll(async () => {
    tiny = await tinyWorkspace();
  });
  afterAll(() => tiny.cleanup());

  async function call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
    const result = await dispatch(method, input, tiny.ctx);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return contract[method].output.parse(result.value) as MethodOutput<M>;
  }

  it('leaves no unit or leader name in overview, linkage, heatmap and drilldown answers', async () => {
    const { units } = await call('hierarchy', {});
    const names = realNames(units);
    expect(names.length).toBeGreaterThanOrEqual(units.length);
    const mask = buildMask(units, { levelWords: { team: 'Store' } });
    const region = units.find((u) => u.depth === 1)!;
    const team = units.find((u) => u.depth === 2)!;
    const answers = {
      overview: await call('overview', { unitId: region.id }),
      overviewSet: await call('overview', {
        unitIds: units.filter((u) => u.depth === 2).map((u) => u.id),
      }),
      linkage: await call('linkage', { lag: 0 }),
      heatmap: await call('heatmap', { mode: 'vs_company' }),
      heatmapTeams: await call('heatmap', { parentId: region.id, mode: 'absolute' }),
      drilldown: await call('drilldown', { unitId: team.id }),
      hierarchy: { units },
    };
    // The answers do name the units before masking (else the test would prove nothing).
    expect(leaks(answers, names).length).toBeGreaterThan(10);
    for (const [method, answer] of Object.entries(answers)) {
      expect(leaks(mask.maskDeep(answer), names), method).toEqual([]);
    }
    // The same tree gives the same stand-ins.
    const again = buildMask([...units].reverse(), { levelWords: { team: 'Store' } });
    expect(again.maskDeep(answers.drilldown)).toEqual(mask.maskDeep(answers.drilldown));
    expect(mask.maskDeep(answers.drilldown)).not.toEqual(answers.drilldown);
  });
});
