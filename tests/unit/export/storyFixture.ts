import type { SlideContent, StoryContent } from '../../../src/main/engine/export/content';

/**
 * A story as the content builder hands it to writers, written by hand so the writers are tested
 * on every chart kind, a predict slide, a broken slide and hostile cell text.
 */
export function handMadeStory(
  names: { unit: string; leader: string } = { unit: 'Region North', leader: 'Dana Whitfield' },
): StoryContent {
  const base = (index: number, over: Partial<SlideContent>): SlideContent => ({
    index,
    id: `s${index}`,
    title: `Slide ${index + 1}`,
    subtitle: `Linkage · ${names.unit} · 2026-Q2`,
    view: 'linkage',
    state: '#/linkage?period=2026-Q2',
    note: `Saved note about ${names.unit}`,
    speakerNote: `Speaker note ${index + 1}: ask ${names.leader} about it`,
    keyFigures: [],
    headline: null,
    chart: null,
    tables: [],
    footnote: `2026-Q2. Engagement index 0-100. Groups under 5 people are not shown.`,
    predict: null,
    guesses: [],
    problem: null,
    published: [],
    ...over,
  });
  return {
    name: 'q2-offsite',
    title: 'Q2 off-site: what moves customers',
    masked: false,
    minGroupSize: 5,
    generatedAt: '2026-07-01T09:00:00.000Z',
    story: { id: 'story1', name: 'q2-offsite' },
    slides: [
      base(0, {
        title: 'Engagement over time',
        headline: `Engagement in ${names.unit} rose by 6 points`,
        keyFigures: [
          { label: 'Engagement index', value: '72.4', raw: 72.4, n: 118, status: 'shown' },
          {
            label: 'eNPS',
            value: '—',
            raw: null,
            n: null,
            status: 'suppressed',
            note: 'fewer than 5 people',
          },
        ],
        chart: {
          kind: 'line',
          xLabel: 'Quarter',
          yLabel: 'Engagement index',
          categories: ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'],
          series: [
            { name: names.unit, values: [61.2, 64.8, null, 72.4] },
            { name: 'Company', values: [66, 66.5, 67.1, 68.3] },
          ],
        },
        tables: [
          {
            name: 'Engagement by quarter',
            columns: ['Quarter', 'Unit', 'Engagement', 'Comment'],
            rows: [
              ['2025-Q3', names.unit, 61.2, '=HYPERLINK("http://x","click")'],
              ['2026-Q2', names.unit, -3.5, '+1 more'],
              ['2026-Q1', names.unit, null, '@SUM(A1)'],
            ],
          },
        ],
      }),
      base(1, {
        title: 'Engaged teams, happier customers',
        headline: 'Teams with higher engagement have higher NPS (r = 0.41)',
        keyFigures: [
          {
            label: 'Correlation r',
            value: '0.41',
            raw: 0.41,
            n: 38,
            status: 'shown',
            note: 'r, 95% interval 0.10 to 0.65',
          },
        ],
        chart: {
          kind: 'scatter',
          xLabel: 'Engagement index',
          yLabel: 'NPS',
          points: Array.from({ length: 38 }, (_, i) => ({
            label: `Store ${i + 1}`,
            x: 50 + ((i * 37) % 40),
            y: -10 + ((i * 53) % 60),
            n: 10 + i,
          })),
          fit: { slope: 0.8, intercept: -40 },
        },
        predict: {
          kind: 'number',
          question: 'How strong is the link between engagement and NPS?',
          unit: 'r',
        },
        guesses: [
          { person: 'Table 3', guess: '0.6' },
          { person: 'Table 5', guess: '0.2' },
        ],
        tables: [
          { name: 'Teams', columns: ['Team', 'Engagement', 'NPS'], rows: [['Store 1', 50, -10]] },
        ],
      }),
      base(2, {
        title: 'Values lived, by region',
        chart: {
          kind: 'heatmap',
          rowLabel: 'Region',
          rows: [names.unit, 'Region South', 'Region East'],
          columns: ['Integrity', 'Care', 'Courage'],
          cells: [
            [5.2, -3.1, null],
            [-8, 0, 2.5],
            [1, 12, -12],
          ],
          scale: 'difference',
        },
        keyFigures: [
          { label: 'Weakest value', value: 'Courage', raw: null, n: 240, status: 'shown' },
        ],
      }),
      base(3, {
        title: 'Headcount by store',
        chart: {
          kind: 'bar',
          xLabel: 'Store',
          yLabel: 'People',
          categories: ['A', 'B', 'C'],
          series: [{ name: 'People', values: [12, 30, 22] }],
        },
      }),
      base(4, {
        title: 'Store 42 deep dive',
        problem: 'Its unit U0042 is no longer in the workspace (re-imported on 2026-06-30).',
      }),
    ],
    commitments: [
      {
        id: 'c1',
        storyId: 'story1',
        slideId: 's1',
        unitId: 'U1',
        action: `Pair ${names.unit} with a bright-spot store`,
        owner: names.leader,
        due: '2026-09-30',
        status: 'open',
        createdAt: '2026-07-01T09:00:00Z',
        updatedAt: '2026-07-01T09:00:00Z',
        slideTitle: 'Engaged teams, happier customers',
        unitName: names.unit,
      },
    ],
  };
}
