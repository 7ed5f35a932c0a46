import { writeSmallFile, canonicalHeader, type SampleFile } from './files';
import type { Organisation, TeamUnit } from './organisation';
import type { Random } from './random';

/** How a customer-feedback code relates to the HR hierarchy. */
export type CxCodeRole =
  /** The team's main code, mapped. */
  | 'primary'
  /** A second code for the same team (a kiosk or concession), mapped. */
  | 'secondary'
  /** A second code nobody added to the mapping: the analyst has to fix it. */
  | 'secondary_unmapped'
  /** A franchise site with no HR unit at all. */
  | 'no_hr_unit';

export interface CxCode {
  code: string;
  /** The team whose customers answer under this code; null for sites outside HR. */
  team: number | null;
  role: CxCodeRole;
  /** Relative share of customer responses. */
  volume: number;
}

export function isMapped(code: CxCode): boolean {
  return code.role === 'primary' || code.role === 'secondary';
}

/** About 5% of the codes that appear in customer feedback end up without a mapping row. */
export function planCxCodes(random: Random, organisation: Organisation): CxCode[] {
  const teams = organisation.teams;
  const storeNumbers = distinctNumbers(random, teams.length, 4);
  const branchNumbers = distinctNumbers(random, teams.length, 3);
  const codeFor = (type: TeamUnit['type']) =>
    type === 'branch' ? `BR-${branchNumbers.next()}` : `ST-${storeNumbers.next()}`;

  const codes: CxCode[] = teams.map((team) => ({
    code: team.queueSkill ? queueCode(team) : codeFor(team.type),
    team: team.index,
    role: 'primary',
    volume: random.logNormal(1, 0.45) * (team.type === 'contact_centre_queue' ? 1.6 : 1),
  }));

  const retail = random.shuffle(teams.filter((team) => team.type !== 'contact_centre_queue'));
  const mappedSecondaries = Math.round(0.03 * teams.length);
  const unmappedSecondaries = Math.max(1, Math.round(0.02 * teams.length));
  retail.slice(0, mappedSecondaries + unmappedSecondaries).forEach((team, i) => {
    codes.push({
      code: codeFor(team.type),
      team: team.index,
      role: i < mappedSecondaries ? 'secondary' : 'secondary_unmapped',
      volume: 0.3 * (codes[team.index]?.volume ?? 1),
    });
  });
  const sitesOutsideHr = Math.max(1, Math.round(0.033 * teams.length));
  for (let i = 0; i < sitesOutsideHr; i++) {
    codes.push({
      code: `ST-${storeNumbers.next()}`,
      team: null,
      role: 'no_hr_unit',
      volume: random.logNormal(0.4, 0.3),
    });
  }
  return codes;
}

/** Telephony and CX platforms know a queue as "Q-MORT-3". */
export function queueCode(team: TeamUnit): string {
  if (!team.queueSkill) throw new Error(`${team.name} is not a contact-centre queue`);
  return `Q-${team.queueSkill.code}-${team.queueNumber}`;
}

export async function writeUnitMapping(
  dir: string,
  organisation: Organisation,
  codes: readonly CxCode[],
): Promise<SampleFile> {
  const rows = codes
    .filter(isMapped)
    .map((code) => [code.code, organisation.teams[code.team ?? -1]?.unitId ?? ''])
    .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
  return writeSmallFile(
    dir,
    'unit_mapping.csv',
    'unit_mapping',
    canonicalHeader('unit_mapping'),
    rows,
  );
}

/** Store numbers look like real estate numbering: unique, not sequential, zero-padded. */
function distinctNumbers(random: Random, count: number, minimumDigits: number): { next(): string } {
  const low = 100;
  let digits = minimumDigits;
  while (10 ** digits - low < count * 1.5) digits++;
  const high = 10 ** digits - 1;
  const used = new Set<number>();
  return {
    next() {
      let value = random.int(low, high);
      while (used.has(value)) value = random.int(low, high);
      used.add(value);
      return String(value).padStart(digits, '0');
    },
  };
}
