import { join } from 'node:path';
import type { SampleCompany } from './context';
import { QUARTER_COUNT, quarterAt, weekday } from './calendar';
import { sumOverDays } from './customers';
import { queueCode } from './cxCodes';
import type { SampleFile } from './files';
import { cell } from './latent';
import type { TeamUnit } from './organisation';
import { MODEL } from './parameters';
import { WeightedIndex, type Random } from './random';
import type { Person, Workforce } from './workforce';
import { ParquetTableWriter, type ParquetColumn } from './parquetWriter';

/** The telephony platform's interaction extract, in the canonical contact_centre column order. */
export const CONTACT_CENTRE_COLUMNS: readonly ParquetColumn[] = [
  { name: 'Interaction ID', type: 'VARCHAR' },
  { name: 'Queue', type: 'VARCHAR' },
  { name: 'Agent ID', type: 'VARCHAR' },
  { name: 'Start Time', type: 'TIMESTAMP' },
  { name: 'IVR Reason', type: 'VARCHAR' },
  { name: 'Talk Time (s)', type: 'INTEGER' },
  { name: 'Hold Time (s)', type: 'INTEGER' },
  { name: 'ACW (s)', type: 'INTEGER' },
  { name: 'Handle Time (s)', type: 'INTEGER' },
  { name: 'Transferred', type: 'BOOLEAN' },
  { name: 'Repeat Contact within 7d', type: 'BOOLEAN' },
];

/** Monday first; the lines are closed on Sunday. */
const DAY_WEIGHTS = [1.25, 1.1, 1.05, 1, 1, 0.5, 0];
/** Calls by hour from 08:00 (weekdays to 20:00, Saturday 09:00 to 17:00): a morning peak. */
const WEEKDAY_HOUR = new WeightedIndex([6, 10, 10, 9, 8, 8, 7, 7, 6, 5, 4, 3]);
const SATURDAY_HOUR = new WeightedIndex([0, 8, 9, 8, 7, 6, 5, 4, 0, 0, 0, 0]);

/** Interactions as one Parquet file from the telephony platform (TIMESTAMP, INTEGER, BOOLEAN columns). */
export async function writeContactCentre(
  company: SampleCompany,
  random: Random,
): Promise<SampleFile> {
  const { dir, organisation, latents, workforce, progress } = company;
  const totalInteractions = company.scale.interactions;
  progress('Writing contact-centre interactions');
  const queues = organisation.teams.filter((team) => team.queueSkill !== null);
  const path = join(dir, 'telephony_interactions.parquet');
  const writer = await ParquetTableWriter.create(CONTACT_CENTRE_COLUMNS);
  try {
    const cc = MODEL.contactCentre;
    let interactionNumber = 0;

    for (let t = 0; t < QUARTER_COUNT; t++) {
      const quarter = quarterAt(t);
      const agents = agentsByQueue(queues, workforce, t);
      const queueHeadcount = queues.map(
        (team) => workforce.headcount[cell(team.index, t)] as number,
      );
      const totalHeadcount = queueHeadcount.reduce((sum, n) => sum + n, 0);
      const dayTotal = sumOverDays(quarter.startDay, quarter.endDay, DAY_WEIGHTS);
      const repeatChance = queues.map((team) => {
        const standardised =
          (latents.deviation[cell(team.index, t)] as number) / MODEL.engagement.deviationSd;
        return Math.min(
          0.3,
          Math.max(0.03, cc.baseRepeatContact + cc.repeatContactPerDeviationSd * standardised),
        );
      });

      for (let day = quarter.startDay; day < quarter.endDay; day++) {
        const dayOfWeek = weekday(day);
        if (DAY_WEIGHTS[dayOfWeek] === 0) continue;
        const hours = dayOfWeek === 5 ? SATURDAY_HOUR : WEEKDAY_HOUR;
        const calls: { second: number; queue: number }[] = [];
        queues.forEach((_, q) => {
          const expected =
            (totalInteractions / QUARTER_COUNT) *
            ((queueHeadcount[q] as number) / totalHeadcount) *
            ((DAY_WEIGHTS[dayOfWeek] as number) / dayTotal);
          const count = random.poisson(expected);
          for (let i = 0; i < count; i++)
            calls.push({ second: (8 + hours.draw(random)) * 3600 + random.int(0, 3599), queue: q });
        });
        calls.sort((a, b) => a.second - b.second);

        for (const { second, queue: q } of calls) {
          const team = queues[q] as TeamUnit;
          const skill = team.queueSkill;
          if (!skill) throw new Error(`${team.name} has no queue skill`);
          const abandoned = random.chance(cc.abandonedShare);
          const onShift = agents[q] as string[];
          const agent = abandoned || onShift.length === 0 ? null : random.pick(onShift);
          const talk = abandoned
            ? 0
            : Math.min(7200, Math.round(random.logNormal(skill.medianTalkSeconds, 0.6)));
          const hold =
            abandoned || random.chance(0.6)
              ? 0
              : Math.min(3600, Math.round(random.logNormal(45, 0.8)));
          const wrap = abandoned ? 0 : Math.min(1800, Math.round(random.logNormal(45, 0.5)));
          const reason = random.chance(0.03) ? null : random.pick(skill.ivrReasons);
          const transferred =
            !abandoned &&
            random.chance(skill.code === 'COMP' ? cc.transferRate * 2 : cc.transferRate);
          const repeat = random.chance(repeatChance[q] as number);
          interactionNumber++;
          writer.row([
            `CC${String(interactionNumber).padStart(8, '0')}`,
            queueCode(team),
            agent,
            { day, second },
            reason,
            talk,
            hold,
            wrap,
            talk + hold + wrap,
            transferred,
            repeat,
          ]);
        }
      }
    }
    return { kind: 'contact_centre', path, rows: await writer.finish(path), shape: 'parquet' };
  } finally {
    writer.close();
  }
}

function agentsByQueue(
  queues: readonly TeamUnit[],
  workforce: Workforce,
  quarter: number,
): string[][] {
  const position = new Map(queues.map((team, q) => [team.index, q]));
  const agents: string[][] = queues.map(() => []);
  for (const personIndex of workforce.rosters[quarter] as Int32Array) {
    const person = workforce.people[personIndex] as Person;
    const q = position.get(person.team);
    if (q !== undefined && person.agentId) agents[q]?.push(person.agentId);
  }
  return agents;
}
