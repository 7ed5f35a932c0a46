import { useMemo } from 'react';
import type { MethodOutput } from '../../../shared/contract';

export type OrgUnit = MethodOutput<'hierarchy'>['units'][number];

/** Units in tree order (parent, then its children by name), each with its depth from the root. */
export function treeOrder(units: OrgUnit[]): { unit: OrgUnit; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, OrgUnit[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const out: { unit: OrgUnit; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue; // a cycle in a messy export must not hang the screen
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

const INDENT = '\u2003\u2003'; // two em spaces per level: <option> ignores padding

/**
 * The organisation tree for the selected period as an indented select (type-ahead searches it).
 * The root stands for the whole company and is sent as "no unit".
 */
export function UnitPicker({
  units,
  value,
  onChange,
  disabled,
}: {
  units: OrgUnit[];
  value: string;
  onChange: (unitId: string) => void;
  disabled?: boolean;
}) {
  // The same option elements on every render: React then skips them, and an organisation of
  // thousands of units costs nothing when the view around the picker redraws.
  const options = useMemo(
    () =>
      treeOrder(units).map(({ unit, depth }) => (
        <option key={unit.id} value={unit.id}>
          {INDENT.repeat(depth) +
            (depth === 0 ? `${unit.name} (whole company)` : `${unit.name} · ${unit.level}`)}
        </option>
      )),
    [units],
  );
  return (
    <label className="picker picker--unit">
      <span className="picker__label">Unit</span>
      <select
        className="picker__select picker__select--unit"
        data-testid="unit-picker"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {options}
      </select>
    </label>
  );
}
