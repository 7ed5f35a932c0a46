import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { DEFAULT_SELECTION, formatSelection, type Selection } from '../../../shared/selection';
import type { Predict } from '../../../shared/workshop';
import type { Engine } from '../engine';

export const SAMPLE_STORY_NAME = 'Off-site: people and customers';

async function ask<M extends MethodName>(
  engine: Engine,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await engine.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

const stateOf = (patch: Partial<Selection>) => formatSelection({ ...DEFAULT_SELECTION, ...patch });

interface PlannedSlide {
  title: string;
  note: string;
  state: string;
  speakerNote: string;
  predict?: Predict;
}

/**
 * The story the sample company comes with, so a new user can present at once: where we stand,
 * a question for the room about the link, the link itself, which comes first, the weakest value
 * in one region, a bright-spot team, and what drives eNPS. The units are found in the data (the
 * weakest region cell of the heatmap, the bright spot with most people), never named by hand,
 * and no text of the story names one, so it can be presented and exported masked.
 */
export async function addSampleStory(engine: Engine): Promise<void> {
  const link = await ask(engine, 'linkage', { lag: 1 });
  const heat = await ask(engine, 'heatmap', { mode: 'vs_company' });
  let weakest: { unitId: string; name: string; value: string; delta: number } | undefined;
  for (const row of heat.rows) {
    for (const cell of row.cells) {
      if (cell.status !== 'ok' || cell.delta === null) continue;
      if (!weakest || cell.delta < weakest.delta) {
        weakest = { unitId: row.unitId, name: row.name, value: cell.value, delta: cell.delta };
      }
    }
  }
  const brightIds = new Set(
    link.points.filter((p) => p.quadrant === 'bright_spot').map((p) => p.unitId),
  );
  const bright = link.points
    .filter((p) => brightIds.has(p.unitId))
    .sort((a, b) => b.nEmployees - a.nEmployees || a.unitId.localeCompare(b.unitId))[0];
  const valueName = weakest ? weakest.value.replace(/^value:/, '') : undefined;

  const slides: PlannedSlide[] = [
    {
      title: 'Where we stand',
      note: 'Engagement, eNPS and customer advocacy this quarter, with their trends.',
      state: stateOf({ view: 'overview' }),
      speakerNote: 'Start with the company: one figure per tile, each with the people behind it.',
    },
    {
      title: 'Does engagement reach the customer?',
      note: 'Each dot is a team: its engagement, and its NPS a quarter later.',
      state: stateOf({ view: 'linkage', lag: 1 }),
      speakerNote:
        'Ask the room before revealing: how strongly does team engagement predict NPS a quarter later? Then show the line and its band.',
      predict: {
        kind: 'number',
        question:
          'How strongly does team engagement predict NPS a quarter later? (r, from -1 to 1)',
        unit: 'r',
        min: -1,
        max: 1,
      },
    },
    {
      title: 'Which comes first?',
      note: 'The same link with customers a quarter earlier: the lag strip compares every lag.',
      state: stateOf({ view: 'linkage', lag: -1 }),
      speakerNote: 'If the link is stronger with engagement leading, people come first.',
    },
  ];
  if (weakest && valueName) {
    slides.push({
      title: `${valueName}: the weakest region`,
      note: `One region is ${Math.abs(Math.round(weakest.delta))} points below the company on ${valueName}.`,
      state: stateOf({ view: 'values', unit: weakest.unitId }),
      speakerNote: 'Look down the rows: does one team carry the gap, or the whole region?',
    });
  }
  if (bright) {
    slides.push({
      title: 'A bright spot',
      note: 'Engaged people and happy customers: what does this team do that others could borrow?',
      state: stateOf({ view: 'teams', unit: bright.unitId }),
      speakerNote: 'Ask its leader to tell the story in their own words.',
    });
  }
  slides.push({
    title: 'What drives eNPS',
    note: 'Items by their link with eNPS and how teams score on them: fix the top left first.',
    state: stateOf({ view: 'drivers' }),
    speakerNote: 'Close with one or two commitments: an action, an owner and a date.',
  });

  const viewIds: string[] = [];
  for (const slide of slides) {
    const view = await ask(engine, 'viewSave', {
      title: slide.title,
      note: slide.note,
      state: slide.state,
    });
    viewIds.push(view.id);
  }
  await ask(engine, 'storySave', {
    name: SAMPLE_STORY_NAME,
    title: 'People and customers: the Thursday off-site',
    masking: { enabled: false, levelWords: { team: 'Store' } },
    slides: slides.map((slide, i) => ({
      viewId: viewIds[i]!,
      speakerNote: slide.speakerNote,
      predict: slide.predict ?? null,
    })),
  });
}
