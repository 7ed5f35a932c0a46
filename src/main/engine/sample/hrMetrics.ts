import { PERIODS, QUARTER_COUNT } from './calendar';
import type { SampleCompany } from './context';
import type { CsvValue } from './csvWriter';
import { canonicalHeader, writeSmallFile, type SampleFile } from './files';
import { cell } from './latent';
import { MODEL } from './parameters';
import type { Random } from './random';

/** Headcount at survey time and leavers come from the simulated workforce; absence is drawn in half days. */
export async function writeHrMetrics(company: SampleCompany, random: Random): Promise<SampleFile> {
  const { dir, organisation, latents, workforce, progress } = company;
  progress('Writing HR metrics');
  const rows: CsvValue[][] = [];
  for (let t = 0; t < QUARTER_COUNT; t++) {
    for (const team of organisation.teams) {
      const index = cell(team.index, t);
      const headcount = workforce.headcount[index] as number;
      const mood = (latents.engagement[index] as number) - MODEL.engagement.mean;
      const expectedDays =
        headcount *
        MODEL.absence.daysPerHeadPerQuarter *
        Math.exp(MODEL.absence.perEngagementUnit * mood);
      const absenceDays = random.poisson(expectedDays * 2) / 2;
      rows.push([team.unitId, PERIODS[t], headcount, workforce.leavers[index], absenceDays]);
    }
  }
  return writeSmallFile(dir, 'hr_metrics.csv', 'hr_metrics', canonicalHeader('hr_metrics'), rows);
}
