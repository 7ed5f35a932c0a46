import type { ColumnMapping } from '../../../shared/imports';
import { CANONICAL_COLUMNS, type ColumnSpec } from './canonicalFormats';
import type { ColumnProfile } from './mapping';

const DATE_LIKE =
  /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?)?$/i;

const ROW_IDS = new Set(['respondent_id', 'response_id', 'interaction_id', 'event_id']);

const FLAG = /^(y|n|yes|no|true|false|0|1)$/i;

/** Words in a column's name that say it holds a code of this kind: a tie-break between candidates. */
const NAME_HINTS: Record<string, RegExp> = {
  unit_id: /unit|team|dep(artmen)?t|store|branch|site|location|office|division/i,
  cx_code: /store|branch|site|location|market|restaurant|outlet|shop|venue|country|region/i,
  queue_code: /queue|skill|topic|team|group|line|department|campaign|reason/i,
};

const share = (samples: readonly string[], test: (s: string) => boolean) =>
  samples.length === 0 ? 0 : samples.filter(test).length / samples.length;

/** How well a column of the file could hold a canonical column (0 = not at all). */
function fitOf(spec: ColumnSpec, column: ColumnProfile): number {
  const samples = column.samples;
  if (samples.length === 0) return 0;
  switch (spec.type) {
    case 'DATE':
    case 'TIMESTAMP':
      return share(samples, (s) => DATE_LIKE.test(s.trim()));
    case 'INTEGER':
    case 'DOUBLE':
      return share(samples, (s) => s.trim() !== '' && Number.isFinite(Number(s)));
    case 'BOOLEAN':
      return share(samples, (s) => /^(true|false|yes|no|y|n|1|0)$/i.test(s.trim()));
    case 'VARCHAR': {
      const repeats = samples.length < column.nonEmpty;
      // A row's own id never repeats; a unit, queue or market code repeats and is not free text,
      // a yes/no flag or a number.
      if (ROW_IDS.has(spec.name)) return repeats ? 0 : share(samples, (s) => s.length <= 40);
      if (!repeats || samples.length < 2 || share(samples, (s) => FLAG.test(s.trim())) > 0.5)
        return 0;
      const fit = share(samples, (s) => s.length <= 60 && !Number.isFinite(Number(s)));
      return NAME_HINTS[spec.name]?.test(column.name) ? Math.min(1, fit + 0.1) : fit * 0.95;
    }
  }
}

/** The quarter of today: a placeholder the analyst corrects to the quarter a file describes. */
export function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/**
 * The flags that would let a refused file import, for a command the analyst can copy: for each
 * required column nothing matched, the unused column of the file that best fits it (`--map`),
 * or one value for the whole file (`--set`: the current quarter for a period, the company for a
 * unit). A guess for a person to check, so it is offered, never applied.
 */
export function refusalHint(
  mapping: ColumnMapping,
  missing: readonly ColumnSpec[],
  columns: readonly ColumnProfile[],
  options: { kindGiven: boolean; rootUnit?: string | null },
): string[] {
  // A column mapped to an optional role (a topic read as the IVR reason) may be the required one.
  const required = new Set(
    CANONICAL_COLUMNS[mapping.kind].filter((c) => c.required).map((c) => c.name),
  );
  const used = new Set([
    ...Object.entries(mapping.columns)
      .filter(([role]) => required.has(role))
      .map(([, column]) => column),
    ...mapping.items.map((i) => i.column),
  ]);
  const free = columns.filter((c) => !used.has(c.name));
  const flags: string[] = options.kindGiven ? [] : ['--as', mapping.kind];
  for (const spec of missing) {
    if (spec.name === 'period') {
      flags.push('--set', `period=${currentQuarter()}`);
      continue;
    }
    if (spec.name === 'unit_id' && options.rootUnit) {
      flags.push('--set', `unit_id=${options.rootUnit}`);
      continue;
    }
    const best = free
      .map((column) => ({ column, fit: fitOf(spec, column) }))
      .filter((c) => c.fit >= 0.8)
      .sort((a, b) => b.fit - a.fit)[0];
    if (best) {
      flags.push('--map', `${spec.name}=${best.column.name}`);
      free.splice(free.indexOf(best.column), 1);
    } else {
      flags.push('--map', `${spec.name}=COLUMN`);
    }
  }
  return flags;
}
