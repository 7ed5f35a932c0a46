import { join } from 'node:path';
import type { SampleCompany } from './context';
import { QUARTER_COUNT, formatDayFirstMinute, quarterAt, weekday } from './calendar';
import { customerComment } from './comments';
import { CsvWriter, type CsvValue } from './csvWriter';
import { isMapped, type CxCode } from './cxCodes';
import type { SampleFile } from './files';
import { cell } from './latent';
import { CES_CUTPOINTS, CSAT_CUTPOINTS, NPS_CUTPOINTS } from './parameters';
import { WeightedIndex, type Random } from './random';
import { categoryOf } from './stats';

/** NPS answers from mapped codes, per `cell(team, quarter)`. */
export interface CustomerStats {
  npsAnswers: Int32Array;
  promoters: Int32Array;
  detractors: Int32Array;
  totalResponses: number;
}

/** Channels as the CX platform labels them. */
export const CHANNELS = ['In-store', 'Phone', 'Web', 'App'] as const;
const RETAIL_CHANNEL = new WeightedIndex([0.72, 0, 0.12, 0.16]);
const QUEUE_CHANNEL = new WeightedIndex([0, 0.85, 0.1, 0.05]);
/** Customers answer from early morning to late evening, most during the day. */
const RESPONSE_HOUR = new WeightedIndex([
  0.6, 0.3, 0.2, 0.1, 0.1, 0.3, 1, 3, 5, 7, 8, 8, 8, 8, 8, 8, 8, 8, 7, 6, 5, 4, 3, 1.5,
]);
/** Monday first. Shops peak on Saturday, phone lines on Monday. */
const RETAIL_DAY_WEIGHTS = [0.9, 0.9, 0.95, 1, 1.1, 1.35, 0.8];
const QUEUE_DAY_WEIGHTS = [1.25, 1.1, 1.05, 1, 1, 0.5, 0.25];

/** Chance each score is left blank; every response keeps at least one score. */
const MISSING = { nps: 0.02, csat: 0.15, ces: 0.45 };
const COMMENT_SHARE = 0.04;
/** Share of blank CSAT and CES answers the platform writes as "N/A" (question not shown). */
const NOT_APPLICABLE_SHARE = 0.1;

/** The CX platform's export columns, in the canonical customer_feedback order. */
export const CX_HEADER = [
  'Response ID',
  'Response Date',
  'Store Code',
  'Channel',
  'Likelihood to Recommend (0-10)',
  'Overall Satisfaction (1-5)',
  'Customer Effort (1-7)',
  'Verbatim',
] as const;

/**
 * Customer feedback as a CX platform exports it, one file per quarter: Windows-1252 text,
 * semicolon-separated, CRLF, day-first minutes (04/08/2025 09:13), blank or "N/A" scores. The
 * responses themselves come from `random` alone; `vendorRandom` only picks blanks shown as N/A.
 */
export async function writeCustomerFeedback(
  company: SampleCompany,
  random: Random,
  codes: readonly CxCode[],
  vendorRandom: Random,
): Promise<{ files: SampleFile[]; stats: CustomerStats }> {
  const { dir, organisation, latents, progress } = company;
  const totalResponses = company.scale.customerResponses;
  const cells = organisation.teams.length * QUARTER_COUNT;
  const stats: CustomerStats = {
    npsAnswers: new Int32Array(cells),
    promoters: new Int32Array(cells),
    detractors: new Int32Array(cells),
    totalResponses: 0,
  };
  const isQueue = codes.map(
    (code) => organisation.teams[code.team ?? -1]?.type === 'contact_centre_queue',
  );
  const volumeTotal = codes.reduce((sum, code) => sum + code.volume, 0);
  const perQuarter = codes.map(
    (code) => (code.volume / volumeTotal) * (totalResponses / QUARTER_COUNT),
  );
  const outsideHrLatent = codes.map((code) => (code.team === null ? random.normal(0, 0.12) : 0));
  const files: SampleFile[] = [];
  let responseNumber = 0;

  for (let t = 0; t < QUARTER_COUNT; t++) {
    const quarter = quarterAt(t);
    progress(`Writing customer feedback ${quarter.period}`);
    const path = join(dir, `cx_feedback_export_${quarter.period}.csv`);
    const writer = await CsvWriter.create(path, CX_HEADER, {
      delimiter: ';',
      newline: '\r\n',
      encoding: 'windows-1252',
    });
    const retailDayTotal = sumOverDays(quarter.startDay, quarter.endDay, RETAIL_DAY_WEIGHTS);
    const queueDayTotal = sumOverDays(quarter.startDay, quarter.endDay, QUEUE_DAY_WEIGHTS);
    const latentOf = codes.map((code, c) =>
      code.team === null
        ? (outsideHrLatent[c] as number) + random.normal(0, 0.05)
        : (latents.customer[cell(code.team, t)] as number),
    );

    for (let day = quarter.startDay; day < quarter.endDay; day++) {
      const dayOfWeek = weekday(day);
      const arrivals: { second: number; code: number }[] = [];
      codes.forEach((_, c) => {
        const share = isQueue[c]
          ? (QUEUE_DAY_WEIGHTS[dayOfWeek] as number) / queueDayTotal
          : (RETAIL_DAY_WEIGHTS[dayOfWeek] as number) / retailDayTotal;
        const count = random.poisson((perQuarter[c] as number) * share);
        for (let i = 0; i < count; i++)
          arrivals.push({
            second: RESPONSE_HOUR.draw(random) * 3600 + random.int(0, 3599),
            code: c,
          });
      });
      arrivals.sort((a, b) => a.second - b.second);

      for (const { second, code: c } of arrivals) {
        const code = codes[c] as CxCode;
        const latent = (latentOf[c] as number) + random.normal();
        const csat = random.chance(MISSING.csat)
          ? null
          : 1 + categoryOf(0.8 * latent + 0.6 * random.normal(), CSAT_CUTPOINTS);
        const ces = random.chance(MISSING.ces)
          ? null
          : 1 + categoryOf(0.6 * latent + 0.8 * random.normal(), CES_CUTPOINTS);
        const skipsNps = random.chance(MISSING.nps) && (csat !== null || ces !== null);
        const nps = skipsNps ? null : categoryOf(latent, NPS_CUTPOINTS);
        const channel = CHANNELS[(isQueue[c] ? QUEUE_CHANNEL : RETAIL_CHANNEL).draw(random)];
        const comment = random.chance(COMMENT_SHARE) ? customerComment(random, nps) : null;
        responseNumber++;
        const shown = (score: number | null): CsvValue =>
          score === null && vendorRandom.chance(NOT_APPLICABLE_SHARE) ? 'N/A' : score;
        writer.row([
          `CX${String(responseNumber).padStart(8, '0')}`,
          formatDayFirstMinute(day, second),
          code.code,
          channel,
          nps,
          shown(csat),
          shown(ces),
          comment,
        ]);

        if (nps !== null && code.team !== null && isMapped(code)) {
          const index = cell(code.team, t);
          stats.npsAnswers[index] = (stats.npsAnswers[index] as number) + 1;
          if (nps >= 9) stats.promoters[index] = (stats.promoters[index] as number) + 1;
          else if (nps <= 6) stats.detractors[index] = (stats.detractors[index] as number) + 1;
        }
      }
      await writer.drain();
    }
    stats.totalResponses += writer.rows;
    files.push({
      kind: 'customer_feedback',
      path,
      rows: await writer.close(),
      shape: 'cx-csv-1252-semicolon',
    });
  }
  return { files, stats };
}

export function sumOverDays(
  startDay: number,
  endDay: number,
  weekdayWeights: readonly number[],
): number {
  let total = 0;
  for (let day = startDay; day < endDay; day++) total += weekdayWeights[weekday(day)] as number;
  return total;
}
