import { join } from 'node:path';
import type { SampleCompany } from './context';
import { QUARTER_COUNT, formatDate, quarterAt, weekday } from './calendar';
import type { SampleFile } from './files';
import { JsonLinesWriter } from './jsonLinesWriter';
import { cell } from './latent';
import { MODEL } from './parameters';
import { WeightedIndex, type Random } from './random';

export const PROGRAMMES = ['Peer Award', 'Manager Moment', 'Values Star'] as const;
const PROGRAMME = new WeightedIndex([0.5, 0.35, 0.15]);

/**
 * Recognition moments, more per head in teams whose engagement is higher, as the HR tool's API
 * export: JSON lines with the canonical field names.
 */
export async function writeRecognition(
  company: SampleCompany,
  random: Random,
): Promise<SampleFile> {
  const { dir, organisation, latents, workforce, progress } = company;
  progress('Writing recognition events');
  const path = join(dir, 'recognition.jsonl');
  const writer = await JsonLinesWriter.create(path);
  const { eventsPerHeadPerQuarter, perEngagementUnit } = MODEL.recognition;
  let eventNumber = 0;

  for (let t = 0; t < QUARTER_COUNT; t++) {
    const quarter = quarterAt(t);
    const events: { day: number; team: number; programme: number }[] = [];
    for (const team of organisation.teams) {
      const index = cell(team.index, t);
      const mood = (latents.engagement[index] as number) - MODEL.engagement.mean;
      const expected =
        (workforce.headcount[index] as number) *
        eventsPerHeadPerQuarter *
        Math.exp(perEngagementUnit * mood);
      const count = random.poisson(expected);
      for (let i = 0; i < count; i++) {
        let day = random.int(quarter.startDay, quarter.endDay - 1);
        if (weekday(day) === 6) day = Math.max(quarter.startDay, day - 1);
        events.push({ day, team: team.index, programme: PROGRAMME.draw(random) });
      }
    }
    events.sort((a, b) => a.day - b.day || a.team - b.team);
    for (const event of events) {
      eventNumber++;
      const unitId = organisation.teams[event.team]?.unitId;
      writer.record({
        event_id: `EV${String(eventNumber).padStart(7, '0')}`,
        unit_id: unitId ?? null,
        recognised_at: formatDate(event.day),
        programme: PROGRAMMES[event.programme] ?? null,
      });
    }
    await writer.drain();
  }
  return { kind: 'recognition', path, rows: await writer.close(), shape: 'jsonl' };
}
