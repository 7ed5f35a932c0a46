/**
 * `npx tsx scripts/privacyCost.ts --workspace W [--min 5]`: what the confidentiality rules of
 * this version hide on a workspace, against the rules before them (issue 11): survey figures
 * under the count rules alone and with the unanimous-remainder rule; HR figures under the old
 * headcount-only rule and under the tree rules. Figures, not pass/fail: the README quotes them.
 */
import { parseArgs } from 'node:util';
import {
  decideHrSuppression,
  HR_FIGURES,
} from '../src/main/engine/confidentiality/decideHrSuppression';
import {
  decideSuppression,
  type PeriodCounts,
} from '../src/main/engine/confidentiality/decideSuppression';
import { queryRows } from '../src/main/engine/db/query';
import { hrPeriods } from '../src/main/engine/derived/hrSuppressionDecisions';
import { periodCounts } from '../src/main/engine/derived/suppressionDecisions';
import { openWorkspace } from '../src/main/engine/workspace/workspace';

const { values } = parseArgs({
  options: { workspace: { type: 'string' }, min: { type: 'string' } },
});
if (!values.workspace) throw new Error('--workspace W is required');
const ws = await openWorkspace(values.workspace, { readOnly: true });
const minSize = values.min ? Number(values.min) : await ws.minGroupSize();

const family = (figure: string) =>
  figure.startsWith('direct:')
    ? 'direct-reports views'
    : figure.startsWith('gap:')
      ? 'leader / front-line gaps'
      : figure.startsWith('value:')
        ? 'value cells'
        : figure.startsWith('item:')
          ? 'items'
          : figure;
const tally = new Map<string, { shown: number; before: number; after: number }>();
const count = (name: string, shown: number, before: number, after: number) => {
  const t = tally.get(name) ?? { shown: 0, before: 0, after: 0 };
  t.shown += shown;
  t.before += before;
  t.after += after;
  tally.set(name, t);
};

const periods = await queryRows<{ period: string }>(
  ws.conn,
  'SELECT DISTINCT period FROM employee_figure_stats ORDER BY period',
);
for (const { period } of periods) {
  const counts = await periodCounts(ws.conn, period);
  const countsOnly: PeriodCounts = {
    units: counts.units,
    figures: new Map(
      [...counts.figures].map(([f, byRole]) => [
        f,
        new Map([...byRole].map(([r, c]) => [r, { rollup: c.rollup, own: c.own }])),
      ]),
    ),
  };
  const before = decideSuppression(countsOnly, minSize);
  const after = decideSuppression(counts, minSize);
  for (const [figure, byRole] of counts.figures) {
    const all = byRole.get('all');
    const withData = all ? [...all.rollup.values()].filter((n) => n > 0).length : 0;
    count(family(figure), withData, before.get(figure)?.size ?? 0, after.get(figure)?.size ?? 0);
  }
  for (const [figure, hidden] of after) {
    if (!figure.startsWith('gap:') && !figure.startsWith('direct:')) continue;
    count(family(figure), 0, before.get(figure)?.size ?? 0, hidden.size);
  }
}

for (const [, { units, rollups }] of await hrPeriods(ws.conn)) {
  const decided = decideHrSuppression(units, rollups, minSize);
  const withHeads = units.filter((u) => (rollups.get(u.id)?.headcount ?? 0) > 0);
  const oldRule = withHeads.filter((u) => rollups.get(u.id)!.headcount < minSize).length;
  for (const figure of HR_FIGURES) {
    const hidden = [...decided.get(figure)!.keys()].filter(
      (id) => (rollups.get(id)?.headcount ?? 0) > 0,
    ).length;
    count(`HR: ${figure}`, withHeads.length, oldRule, hidden);
  }
}
ws.close();

console.log(
  `Figures hidden at a minimum group size of ${minSize} (unit x period, units with data):`,
);
console.log(
  'figure'.padEnd(30),
  'with data'.padStart(10),
  'before'.padStart(8),
  'now'.padStart(8),
  'more'.padStart(7),
);
for (const [name, t] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
  const more = t.after - t.before;
  console.log(
    name.padEnd(30),
    String(t.shown || '').padStart(10),
    String(t.before).padStart(8),
    String(t.after).padStart(8),
    `${more >= 0 ? '+' : ''}${more}`.padStart(7),
  );
}
