import { contract, METHOD_NAMES } from '../../shared/contract';

/** Lists the contract's methods; needs no workspace. */
export async function methodsCommand(): Promise<void> {
  const width = Math.max(...METHOD_NAMES.map((m) => m.length));
  for (const name of METHOD_NAMES) {
    process.stdout.write(`${name.padEnd(width)}  ${contract[name].description}\n`);
  }
}
