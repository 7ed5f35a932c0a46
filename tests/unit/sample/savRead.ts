/**
 * A minimal SPSS system-file reader written for the tests only, from the PSPP manual's "System
 * File Format": little-endian, uncompressed files. It returns the dictionary as the file states it
 * and the cases with system-missing as null (user-missing values are reported, not applied).
 */
export interface SavReadVariable {
  shortName: string;
  name: string;
  label: string | null;
  /** 0 numeric, else string width. */
  width: number;
  printFormat: { type: number; width: number; decimals: number };
  missing: number[];
  valueLabels: Map<number, string>;
  /** Measurement level from record 7.11: 1 nominal, 2 ordinal, 3 scale. */
  measure: number | null;
}

export interface SavReadFile {
  product: string;
  layoutCode: number;
  nominalCaseSize: number;
  compression: number;
  caseCount: number;
  bias: number;
  created: string;
  fileLabel: string;
  integerInfo: number[];
  floatInfo: number[];
  encoding: string | null;
  variables: SavReadVariable[];
  cases: (number | string | null)[][];
}

export const SYSMIS = -Number.MAX_VALUE;

export function readSav(bytes: Buffer): SavReadFile {
  let pos = 0;
  const int = () => {
    const value = bytes.readInt32LE(pos);
    pos += 4;
    return value;
  };
  const double = () => {
    const value = bytes.readDoubleLE(pos);
    pos += 8;
    return value;
  };
  const take = (n: number) => {
    if (pos + n > bytes.length) throw new Error(`record at ${pos} runs past the end`);
    const slice = bytes.subarray(pos, pos + n);
    pos += n;
    return slice;
  };
  const text = (n: number) => take(n).toString('utf8');

  if (text(4) !== '$FL2') throw new Error('not a $FL2 system file');
  const product = text(60).trimEnd();
  const layoutCode = int();
  const nominalCaseSize = int();
  const compression = int();
  int(); // weight index
  const caseCount = int();
  const bias = double();
  const created = `${text(9)} ${text(8)}`;
  const fileLabel = text(64).trimEnd();
  take(3);

  type Slot = SavReadVariable & { continuation: boolean };
  const slots: Slot[] = [];
  let integerInfo: number[] = [];
  let floatInfo: number[] = [];
  let encoding: string | null = null;
  let display: number[] = [];
  const longNames = new Map<string, string>();

  for (;;) {
    const type = int();
    if (type === 2) {
      const width = int();
      const hasLabel = int();
      const missingCount = int();
      const print = int();
      int(); // write format
      const shortName = text(8).trimEnd();
      let label: string | null = null;
      if (hasLabel === 1) {
        const length = int();
        label = take(Math.ceil(length / 4) * 4)
          .subarray(0, length)
          .toString('utf8');
      }
      const missing: number[] = [];
      for (let i = 0; i < Math.abs(missingCount); i++) missing.push(double());
      slots.push({
        shortName,
        name: shortName,
        label,
        width,
        printFormat: {
          type: (print >> 16) & 0xff,
          width: (print >> 8) & 0xff,
          decimals: print & 0xff,
        },
        missing,
        valueLabels: new Map(),
        measure: null,
        continuation: width === -1,
      });
    } else if (type === 3) {
      const count = int();
      const labels: [number, string][] = [];
      for (let i = 0; i < count; i++) {
        const value = double();
        const length = take(1)[0] as number;
        const padded = Math.ceil((length + 1) / 8) * 8 - 1;
        labels.push([value, take(padded).subarray(0, length).toString('utf8')]);
      }
      if (int() !== 4) throw new Error('a value label record is not followed by record 4');
      const variables = int();
      for (let i = 0; i < variables; i++) {
        const slot = slots[int() - 1];
        if (!slot || slot.continuation || slot.width !== 0)
          throw new Error('value labels on a bad slot');
        for (const [value, label] of labels) slot.valueLabels.set(value, label);
      }
    } else if (type === 7) {
      const subtype = int();
      const size = int();
      const count = int();
      const data = take(size * count);
      if (subtype === 3)
        integerInfo = Array.from({ length: count }, (_, i) => data.readInt32LE(i * 4));
      else if (subtype === 4)
        floatInfo = Array.from({ length: count }, (_, i) => data.readDoubleLE(i * 8));
      else if (subtype === 11)
        display = Array.from({ length: count }, (_, i) => data.readInt32LE(i * 4));
      else if (subtype === 13) {
        for (const pair of data.toString('utf8').split('\t')) {
          const [short, long] = pair.split('=');
          if (short && long) longNames.set(short, long);
        }
      } else if (subtype === 20) encoding = data.toString('latin1');
    } else if (type === 999) {
      int();
      break;
    } else throw new Error(`unknown record type ${type} at ${pos - 4}`);
  }

  const variables = slots.filter((slot) => !slot.continuation);
  if (display.length > 0 && display.length !== variables.length * 3) {
    throw new Error(
      `display record has ${display.length / 3} entries for ${variables.length} variables`,
    );
  }
  variables.forEach((variable, v) => {
    variable.name = longNames.get(variable.shortName) ?? variable.shortName;
    if (display.length > 0) variable.measure = display[v * 3] ?? null;
  });
  const slotCount = slots.length;
  if (slotCount !== nominalCaseSize)
    throw new Error(`${slotCount} slots, header says ${nominalCaseSize}`);

  const cases: (number | string | null)[][] = [];
  const caseBytes = slotCount * 8;
  if ((bytes.length - pos) % caseBytes !== 0)
    throw new Error('data is not a whole number of cases');
  while (pos < bytes.length) {
    const values: (number | string | null)[] = [];
    for (const variable of variables) {
      if (variable.width === 0) {
        const value = double();
        values.push(value === SYSMIS ? null : value);
      } else {
        values.push(text(Math.ceil(variable.width / 8) * 8).replace(/ +$/, ''));
      }
    }
    cases.push(values);
  }
  return {
    product,
    layoutCode,
    nominalCaseSize,
    compression,
    caseCount,
    bias,
    created,
    fileLabel,
    integerInfo,
    floatInfo,
    encoding,
    variables: variables.map(({ continuation: _continuation, ...variable }) => variable),
    cases,
  };
}
