/** A word as a POSIX shell reads it back unchanged: bare when safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command to run again for one refused file: the analyst's own flags for it, with the
 * engine's hint flags added (a hint's --as replaces the one given).
 */
export function retryCommand(
  file: string,
  flags: readonly string[],
  hint: readonly string[],
): string {
  const kept: string[] = [];
  const hintGivesKind = hint.includes('--as');
  for (let i = 0; i < flags.length; i++) {
    if (hintGivesKind && flags[i] === '--as') {
      i++;
      continue;
    }
    kept.push(flags[i]!);
  }
  return ['upstream', 'import', file, ...kept, ...hint].map(shellWord).join(' ');
}
