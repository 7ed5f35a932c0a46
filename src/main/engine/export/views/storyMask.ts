import type { Commitment, Masking, Story } from '../../../../shared/workshop';
import { buildMask, type Mask } from '../../../../shared/masking';
import { UpstreamError } from '../../../../shared/result';
import type { OrgUnit, ViewContext } from './common';

/**
 * The story's mask: the latest tree's units, with the names (and leaders) the same units had in
 * earlier quarters, so a unit renamed by a reorganisation is masked under either name.
 */
export async function storyMask(
  v: Pick<ViewContext, 'tree' | 'periods'>,
  masking: Pick<Masking, 'levelWords'>,
): Promise<{ mask: Mask; names: Map<string, string> }> {
  const latest = await v.tree();
  const older: OrgUnit[] = [];
  for (const p of v.periods) older.push(...(await v.tree(p.id)));
  const known = new Set(latest.map((u) => u.id));
  // A unit gone from the latest tree still needs a stand-in: it joins under its old parent.
  const gone = new Map<string, OrgUnit>();
  for (const u of older) if (!known.has(u.id) && !gone.has(u.id)) gone.set(u.id, u);
  const units = [...latest, ...gone.values()];
  const mask = buildMask(units, {
    levelWords: masking.levelWords,
    formerNames: older.map((u) => ({ id: u.id, name: u.name, leader: u.leader })),
  });
  const names = new Map<string, string>();
  for (const u of [...units].reverse()) names.set(u.id, u.name);
  return { mask, names };
}

const REFUSAL = 'a masked export cannot contain real names.';

function refuse(where: string, name: string, edit: string): never {
  throw new UpstreamError(
    'INVALID_ARGUMENTS',
    `${where} names "${name}": ${REFUSAL} Edit ${edit} or export unmasked.`,
  );
}

/**
 * A masked export masks the engine's words, never the user's own: a title, note or commitment
 * that names a real unit or leader is refused, saying where, so the user can edit it.
 */
export function refuseRealNames(
  story: Story,
  commitments: (Commitment & { slideTitle: string | null })[],
  mask: Mask,
): void {
  const first = (text: string | null | undefined) =>
    text ? mask.findRealNames(text)[0] : undefined;
  const check = (text: string | null | undefined, where: string, edit: string) => {
    const name = first(text);
    if (name !== undefined) refuse(where, name, edit);
  };
  check(story.name, `The story's name "${story.name}"`, 'the name');
  check(story.title, `The story's title`, 'the title');
  story.slides.forEach((slide, i) => {
    const where = `Slide ${i + 1} "${slide.title}"`;
    check(slide.title, `${where} title`, 'the title');
    check(slide.note, `${where} note`, 'the note');
    check(slide.speakerNote, `${where} speaker note`, 'the note');
    check(slide.predict?.question, `${where} question for the room`, 'the question');
  });
  for (const c of commitments) {
    const on = c.slideTitle !== null ? ` on slide "${c.slideTitle}"` : '';
    check(c.action, `The commitment "${c.action}"${on}`, 'the commitment');
    check(c.owner, `The owner of the commitment "${c.action}"${on}`, 'the commitment');
  }
}
