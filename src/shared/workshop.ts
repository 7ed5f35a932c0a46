import { z } from 'zod';

/**
 * The workshop: saved views, stories made of them, the room's guesses and commitments. All of it
 * lives in the workspace file, so carrying the file carries the story. A saved view keeps the
 * dashboard's whole selection as its URL hash (src/shared/selection.ts), never figures: a slide is
 * always drawn from the workspace as it is now, through the confidentiality rules.
 */

const id = z.string().min(1).max(64);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a real date');
/** The dashboard state of a view: '#/linkage?period=2026-Q2&lag=1'. */
export const viewStateSchema = z
  .string()
  .max(4000)
  .regex(/^#\/[a-z]+(\?.*)?$/, "a dashboard address such as '#/linkage?lag=1'");

export const savedViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  note: z.string(),
  state: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** A question put to the room before the slide's chart is shown. */
export const predictSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('number'),
    question: z.string().min(1).max(300),
    /** Words after the number ("r", "points", "%"). */
    unit: z.string().max(20).default(''),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  z.object({
    kind: z.literal('choice'),
    question: z.string().min(1).max(300),
    options: z.array(z.string().min(1).max(120)).min(2).max(30),
  }),
]);
export type Predict = z.infer<typeof predictSchema>;

export const maskingSchema = z.object({
  /** Present and export with masked names unless told otherwise. */
  enabled: z.boolean().default(false),
  /** The word a level is masked with ({ team: 'Store' } gives "Store 12"); default: the level's name. */
  levelWords: z.record(z.string().max(60), z.string().min(1).max(30)).default({}),
});
export type Masking = z.infer<typeof maskingSchema>;

export const guessSchema = z.object({
  slideId: z.string(),
  person: z.string(),
  guess: z.string(),
  createdAt: z.string(),
});

/** Why a slide cannot be drawn as saved (its unit went away in a re-import, its view is gone). */
export const slideProblemSchema = z.object({ code: z.string(), message: z.string() }).nullable();

export const slideSchema = z.object({
  id: z.string(),
  viewId: z.string(),
  /** The saved view's title, note and state; null when the saved view was deleted. */
  title: z.string(),
  note: z.string(),
  state: z.string(),
  speakerNote: z.string(),
  predict: predictSchema.nullable(),
  problem: slideProblemSchema,
});
export type Slide = z.infer<typeof slideSchema>;

export const storySchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  masking: maskingSchema,
  slides: z.array(slideSchema),
  guesses: z.array(guessSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof storySchema>;

export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;
export const commitmentSchema = z.object({
  id: z.string(),
  storyId: z.string().nullable(),
  slideId: z.string().nullable(),
  unitId: z.string().nullable(),
  action: z.string(),
  owner: z.string(),
  due: z.string().nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

const storyRef = z.object({ story: z.string().min(1).max(100) }).strict();

export const workshopMethods = {
  views: {
    description: 'Saved views: each a dashboard state with a title and a note.',
    input: z.object({}).strict(),
    output: z.object({ views: z.array(savedViewSchema) }),
  },
  viewSave: {
    description:
      'Saves a view (its whole dashboard state, a title and a note); with an id, changes that view.',
    input: z
      .object({
        id: id.optional(),
        title: z.string().trim().min(1).max(200),
        note: z.string().max(4000).default(''),
        state: viewStateSchema,
      })
      .strict(),
    output: savedViewSchema,
  },
  viewDelete: {
    description: 'Deletes a saved view; slides that showed it say so.',
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  stories: {
    description: "The workspace's stories: name, title, number of slides, last change.",
    input: z.object({}).strict(),
    output: z.object({
      stories: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          title: z.string(),
          slides: z.number().int(),
          updatedAt: z.string(),
        }),
      ),
    }),
  },
  story: {
    description:
      'One story (by name or id) with its slides in order, each checked against the workspace as it is now, and the guesses the room made.',
    input: storyRef,
    output: storySchema,
  },
  storySave: {
    description:
      'Creates or replaces a story: its name, title, masking and ordered slides (a saved view, a speaker note, an optional question for the room). Guesses of slides kept are kept.',
    input: z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(100),
        title: z.string().trim().min(1).max(200),
        masking: maskingSchema.default({ enabled: false, levelWords: {} }),
        slides: z
          .array(
            z
              .object({
                id: id.optional(),
                viewId: id,
                speakerNote: z.string().max(4000).default(''),
                predict: predictSchema.nullable().default(null),
              })
              .strict(),
          )
          .max(200),
      })
      .strict(),
    output: storySchema,
  },
  storyDelete: {
    description: 'Deletes a story with its guesses; its commitments stay, no longer tied to it.',
    input: storyRef,
    output: z.object({ deleted: z.boolean() }),
  },
  guessAdd: {
    description: "Records one person's guess for a slide's question, before the answer is shown.",
    input: z
      .object({
        story: z.string().min(1).max(100),
        slideId: id,
        person: z.string().trim().min(1).max(80),
        guess: z.string().trim().min(1).max(200),
      })
      .strict(),
    output: guessSchema,
  },
  guessClear: {
    description: "Forgets a slide's guesses (or every slide's), to ask the room again.",
    input: z.object({ story: z.string().min(1).max(100), slideId: id.optional() }).strict(),
    output: z.object({ cleared: z.number().int() }),
  },
  commitments: {
    description: "The room's commitments (action, owner, date, status), of one story or all.",
    input: z.object({ story: z.string().min(1).max(100).optional() }).strict(),
    output: z.object({ commitments: z.array(commitmentSchema) }),
  },
  commitmentSave: {
    description:
      'Records a commitment against a story slide or a unit (or changes one, with its id).',
    input: z
      .object({
        id: id.optional(),
        story: z.string().min(1).max(100).optional(),
        slideId: id.optional(),
        unitId: z.string().min(1).max(200).optional(),
        action: z.string().trim().min(1).max(1000),
        owner: z.string().trim().min(1).max(200),
        due: isoDay.optional(),
        status: z.enum(COMMITMENT_STATUSES).default('open'),
      })
      .strict(),
    output: commitmentSchema,
  },
  commitmentDelete: {
    description: 'Deletes a commitment.',
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
} as const;
