import { describe, expect, it } from 'vitest';
import { keyingReader, reverseMarker } from '../../../src/main/engine/import/mapping/keying';

describe('reverse keying', () => {
  it('reads markers at the end of an item text, and takes them out', () => {
    expect(reverseMarker('I often think of leaving (R)')).toEqual({
      reversed: true,
      text: 'I often think of leaving',
    });
    expect(reverseMarker('I rarely feel valued [reverse scored]').text).toBe(
      'I rarely feel valued',
    );
    expect(reverseMarker('Workload is too high (reversed)').reversed).toBe(true);
    expect(reverseMarker('Workload item, reverse coded').reversed).toBe(true);
    // A letter R inside the text, or a scale anchor, is no marker.
    expect(reverseMarker('R&D and Sales work well together').reversed).toBe(false);
    expect(reverseMarker('I am proud (1 = disagree, 5 = agree)').reversed).toBe(false);
  });

  it('reads -1/1 keys, R or blank, words and yes/no', () => {
    const signed = keyingReader(['1', '-1', '1']);
    expect(['1', '-1', ' -1 ', '+1', ''].map(signed)).toEqual([false, true, true, false, false]);
    const letters = keyingReader(['R', '']);
    expect(['R', 'r', '', 'F'].map(letters)).toEqual([true, true, false, false]);
    const words = keyingReader(['reverse', 'forward', 'Reverse scored', 'yes', 'no', 'maybe']);
    expect(['reverse', 'forward', 'Reverse scored', 'yes', 'no', 'maybe'].map(words)).toEqual([
      true,
      false,
      true,
      true,
      false,
      null,
    ]);
    // Without -1 among them, 1/0 is a yes/no flag.
    expect(['1', '0'].map(keyingReader(['1', '0']))).toEqual([true, false]);
  });
});
