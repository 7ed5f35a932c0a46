import { readFileSync } from 'node:fs';
import { columnMappingSchema, type ColumnMapping } from '../shared/imports';
import type { ImportHints } from '../shared/importHints';
import { UpstreamError } from '../shared/result';

const invalid = (message: string) => new UpstreamError('INVALID_ARGUMENTS', message);

/**
 * `--map nps=How likely are you to recommend us, 0-10?` and `--set period=2025-Q3`, repeatable.
 * Only the first `=` splits: a source column's name may hold any character, `=` included.
 * The same canonical column named twice with different values is refused, naming both.
 */
function pairs(flag: '--map' | '--set', values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1) {
      throw invalid(
        `${flag} ${value}: write ${flag} COLUMN=${flag === '--map' ? 'SOURCE' : 'VALUE'}, e.g. ${
          flag === '--map' ? '--map nps="Likelihood to recommend"' : '--set period=2025-Q3'
        }.`,
      );
    }
    const name = value.slice(0, at).trim();
    const given = value.slice(at + 1);
    if (out[name] !== undefined && out[name] !== given) {
      throw invalid(
        `${flag} ${name}=${out[name]} and ${flag} ${name}=${given} contradict each other.`,
      );
    }
    out[name] = given;
  }
  return out;
}

export function hintsFromFlags(
  map: string[] | undefined,
  set: string[] | undefined,
): ImportHints | undefined {
  const hints = { map: pairs('--map', map), set: pairs('--set', set) };
  return Object.keys(hints.map).length + Object.keys(hints.set).length > 0 ? hints : undefined;
}

/**
 * A mapping file: what `upstream import FILE --dry-run --json` printed (its `mapping` is used and
 * the explanations beside it are ignored), or a bare mapping.
 */
export function readMappingFile(path: string): ColumnMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw invalid(`--mapping ${path}: cannot read it (${(error as NodeJS.ErrnoException).code}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(`--mapping ${path}: not valid JSON (${(error as Error).message}).`);
  }
  const candidate =
    json !== null && typeof json === 'object' && 'mapping' in json
      ? (json as { mapping: unknown }).mapping
      : json;
  const parsed = columnMappingSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw invalid(`--mapping ${path}: not a mapping${where}: ${issue.message}.`);
  }
  return parsed.data;
}
