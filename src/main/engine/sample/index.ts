import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CanonicalKind } from '../import/canonicalFormats';
import { writeContactCentre } from './contactCentre';
import type { SampleCompany } from './context';
import { writeCustomerFeedback } from './customers';
import { planCxCodes, writeUnitMapping } from './cxCodes';
import type { SampleFile } from './files';
import { writeHrMetrics } from './hrMetrics';
import { buildTeamLatents } from './latent';
import { buildOrganisation } from './organisation';
import { writeOrgSnapshot } from './orgSnapshots';
import { Random } from './random';
import { writeRecognition } from './recognition';
import { SCALES, type SampleScale } from './scale';
import { writeSurveyItems, writeSurveyResponses } from './survey';
import { buildTruth, type SampleTruth } from './truth';
import { simulateWorkforce } from './workforce';

export type { SampleScale } from './scale';
export type { SampleFile, SampleFileShape } from './files';
export type { SampleTruth } from './truth';

export interface SampleOptions {
  seed: number;
  scale: SampleScale;
  dir: string;
  onProgress?: (message: string) => void;
}

export interface SampleExports {
  dir: string;
  /** In the order they should be imported. */
  files: SampleFile[];
  truth: SampleTruth;
}

export const TRUTH_FILE_NAME = 'truth.json';

const IMPORT_ORDER: readonly CanonicalKind[] = [
  'org_units',
  'survey_items',
  'survey_responses',
  'unit_mapping',
  'customer_feedback',
  'contact_centre',
  'recognition',
  'hr_metrics',
];

/**
 * Writes a deterministic sample company's exports in the shapes an analyst really receives
 * (HRIS workbooks, Qualtrics / SurveyMonkey / SPSS survey exports, a Windows-1252 CX export,
 * a telephony Parquet extract, JSON lines, and canonical CSV for what the analyst keeps), plus
 * truth.json describing the planted effects and each file's shape. Same seed and scale give
 * byte-identical files. The simulated company and its truth do not depend on the shapes: vendor
 * details (clock times, vendor ids, N/A codes) come from their own random streams.
 */
export async function writeSampleExports(options: SampleOptions): Promise<SampleExports> {
  const { seed, dir } = options;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const scale = SCALES[options.scale];
  if (!scale) throw new Error(`unknown sample scale ${String(options.scale)}`);
  const progress = options.onProgress ?? (() => {});
  const stream = (name: string) => new Random(seed, name);
  await mkdir(dir, { recursive: true });

  progress('Building the organisation');
  const organisation = buildOrganisation(stream('organisation'), scale);
  const latents = buildTeamLatents(stream('latents'), organisation);
  const workforce = simulateWorkforce(stream('workforce'), organisation, latents, scale);
  const codes = planCxCodes(stream('cx-codes'), organisation);

  const company: SampleCompany = { dir, scale, organisation, latents, workforce, progress };

  const files: SampleFile[] = [
    await writeOrgSnapshot(dir, organisation, 'before'),
    await writeOrgSnapshot(dir, organisation, 'after'),
    await writeSurveyItems(dir),
  ];
  const survey = await writeSurveyResponses(company, stream('survey'), stream('survey-vendor'));
  files.push(...survey.files, await writeUnitMapping(dir, organisation, codes));
  const customers = await writeCustomerFeedback(
    company,
    stream('customers'),
    codes,
    stream('customers-vendor'),
  );
  const interactions = await writeContactCentre(company, stream('contact-centre'));
  const recognition = await writeRecognition(company, stream('recognition'));
  const hrMetrics = await writeHrMetrics(company, stream('hr-metrics'));
  files.push(...customers.files, interactions, recognition, hrMetrics);

  const ordered = IMPORT_ORDER.flatMap((kind) => files.filter((file) => file.kind === kind));
  progress('Writing truth.json');
  const truth = buildTruth({
    seed,
    scale: options.scale,
    organisation,
    latents,
    workforce,
    survey: survey.stats,
    customers: customers.stats,
    codes,
    interactions: interactions.rows,
    recognitionEvents: recognition.rows,
    hrMetricRows: hrMetrics.rows,
    files: ordered,
  });
  await writeFile(join(dir, TRUTH_FILE_NAME), `${JSON.stringify(truth, null, 2)}\n`, 'utf8');
  return { dir, files: ordered, truth };
}
