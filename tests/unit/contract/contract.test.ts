import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../../src/shared/contract';
import { handlers } from '../../../src/main/engine/handlers';
import { dispatch } from '../../../src/main/engine/dispatch';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

describe('contract', () => {
  let t: TinyWorkspace;
  beforeAll(async () => {
    t = await tinyWorkspace();
  });
  afterAll(() => t.cleanup());

  it('has exactly one handler per method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  // Methods that need a file token, a unit or a story are covered by their own tests (the
  // workshop's in tests/unit/workshop/stories.test.ts, which parses every answer with its schema).
  const needsArguments = [
    'importPreview',
    'importRun',
    'drilldown',
    'viewSave',
    'viewDelete',
    'story',
    'storySave',
    'storyDelete',
    'guessAdd',
    'guessClear',
    'commitmentSave',
    'commitmentDelete',
  ];
  const callableBare = METHOD_NAMES.filter((m) => !needsArguments.includes(m));
  it.each(callableBare)('%s answers with output that matches its schema', async (method) => {
    const result = await dispatch(method, {}, t.ctx);
    expect(result.ok).toBe(true);
    if (result.ok) expect(() => contract[method].output.parse(result.value)).not.toThrow();
  });

  it('drilldown answers with output that matches its schema', async () => {
    const result = await dispatch('drilldown', { unitId: 'R1' }, t.ctx);
    if (!result.ok) throw new Error(result.error.message);
    expect(() => contract.drilldown.output.parse(result.value)).not.toThrow();
  });

  it('drivers answers a full analysis with output that matches its schema', async () => {
    const result = await dispatch(
      'drivers',
      { outcome: 'engagement_index', period: '2025-Q2', by: 'value' },
      t.ctx,
    );
    if (!result.ok) throw new Error(result.error.message);
    const out = contract.drivers.output.parse(result.value);
    expect(out.status).toBe('ok');
    expect(out.drivers.map((d) => d.id)).toEqual(['value:Integrity']);
  });

  it('methods lists every method with JSON schemas', async () => {
    const result = await dispatch('methods', {}, t.ctx);
    if (!result.ok) throw new Error(result.error.message);
    const listed = contract.methods.output.parse(result.value).methods;
    expect(listed.map((m) => m.name)).toEqual(METHOD_NAMES);
    expect(listed.find((m) => m.name === 'overview')?.input).toMatchObject({
      type: 'object',
      properties: { period: { type: 'string' }, unitId: { type: 'string' } },
    });
    // Every drivers option has a default, so none is required.
    const drivers = listed.find((m) => m.name === 'drivers')?.input as { required?: string[] };
    expect(drivers.required ?? []).toEqual([]);
  });

  it('rejects an unknown method and arguments that fail the schema, before any handler runs', async () => {
    expect(await dispatch('dropTables', {}, t.ctx)).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_METHOD',
        message: `Unknown method 'dropTables'. Methods: ${METHOD_NAMES.join(', ')}.`,
      },
    });
    expect(await dispatch('overview', { unitId: 7 }, t.ctx)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENTS',
        message:
          'Invalid arguments for overview: unitId: Invalid input: expected string, received number',
      },
    });
    expect(await dispatch('overview', { sql: 'DROP TABLE meta' }, t.ctx)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENTS',
        message: 'Invalid arguments for overview: Unrecognized key: "sql"',
      },
    });
  });

  it('info reports sources, periods and row counts of the workspace', async () => {
    const result = await dispatch('info', {}, t.ctx);
    if (!result.ok) throw new Error(result.error.message);
    const info = contract.info.output.parse(result.value);
    expect(info.sources).toHaveLength(t.files.length);
    expect(info.periods.map((p) => [p.id, p.start, p.end])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31'],
      ['2025-Q2', '2025-04-01', '2025-06-30'],
    ]);
    expect(info.unmappedCustomerCodes).toBe(1);
    expect(info.tables.find((x) => x.name === 'customer_feedback')?.rows).toBe(120);
  });

  it('hierarchy returns the tree in force for the period asked', async () => {
    const q1 = await dispatch('hierarchy', { period: '2025-Q1' }, t.ctx);
    const q2 = await dispatch('hierarchy', { period: '2025-Q2' }, t.ctx);
    if (!q1.ok || !q2.ok) throw new Error('hierarchy failed');
    const parentOfB = (h: unknown) =>
      contract.hierarchy.output.parse(h).units.find((u) => u.id === 'T2')?.parentId;
    expect(parentOfB(q1.value)).toBe('R1');
    expect(parentOfB(q2.value)).toBe('R2');
    const root = contract.hierarchy.output.parse(q2.value).units[0];
    expect(root).toMatchObject({ id: 'C', depth: 0, parentId: null, headcount: 31 });
  });
});
