import { useEffect, useState } from 'react';
import { buildMask } from '../../../../shared/masking';
import type { Masking } from '../../../../shared/workshop';
import { answerTransform, api } from '../../api/client';

export type MaskState = 'ready' | 'waiting' | 'failed';

/**
 * While `masked`, every answer reaches the screen with unit and leader names masked the story's
 * way ("Region A", "Store 12", "Leader of Store 12"); the kept answers stay real. Leaving the
 * presentation (or unmasking) clears it. Until the mask is in force the slide is not drawn, so no
 * real name flashes on the projector; if the tree cannot be read, nothing is drawn ('failed').
 */
export function useMaskedNames(masked: boolean, masking: Masking | undefined): MaskState {
  const words = JSON.stringify(masking?.levelWords ?? {});
  const want = masked ? `masked:${words}` : 'plain';
  const [done, setDone] = useState<{ key: string; ok: boolean } | null>(null);
  useEffect(() => {
    if (!masked) {
      answerTransform.set(null);
      return;
    }
    let live = true;
    // The real tree (a kept answer, never a masked one) is what the stand-ins are built from.
    void api.call('hierarchy', {}).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setDone({ key: want, ok: false });
        return;
      }
      const levelWords = JSON.parse(words) as Record<string, string>;
      const mask = buildMask(result.value.units, { levelWords });
      answerTransform.set((_method, value) => mask.maskDeep(value));
      setDone({ key: want, ok: true });
    });
    return () => {
      live = false;
      answerTransform.set(null);
    };
  }, [masked, words, want]);
  // Unmasking shows masked names one frame longer at most, never real ones too early.
  if (!masked) return 'ready';
  if (done?.key !== want) return 'waiting';
  return done.ok ? 'ready' : 'failed';
}
