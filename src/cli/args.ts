import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UpstreamError } from '../shared/result';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({
      args: argv,
      options,
      allowPositionals: true as const,
      strict: true as const,
    });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const valid = Object.entries(options)
        .map(([name, o]) => `--${name}${o.short ? ` (-${o.short})` : ''}`)
        .join(', ');
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UpstreamError(
        'INVALID_ARGUMENTS',
        `Unknown option '${flag}'. Valid options: ${valid}, --help.`,
      );
    }
    throw new UpstreamError('INVALID_ARGUMENTS', message);
  }
}

export function requireOption(
  value: string | boolean | undefined,
  flag: string,
  example: string,
): string {
  if (typeof value !== 'string' || value === '') {
    throw new UpstreamError('INVALID_ARGUMENTS', `Missing ${flag}. Example: ${example}`);
  }
  return value;
}

export function parseJsonArgs(text: string | undefined): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--args is not valid JSON: ${(error as Error).message}`,
    );
  }
}
