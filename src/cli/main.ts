import { UpstreamError } from '../shared/result';
import { exitQuietlyWhenStdoutCloses, failWith } from './output';
import { COMMAND_USAGE, USAGE, type CommandName } from './usage';

type Command = (argv: string[]) => Promise<void>;
/** Loaded on demand, so `upstream methods` does not pay for DuckDB or vite. */
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  sample: async () => (await import('./commands/sample')).sampleCommand,
  import: async () => (await import('./commands/import')).importCommand,
  call: async () => (await import('./commands/call')).callCommand,
  profiles: async () => (await import('./commands/profiles')).profilesCommand,
  rebuild: async () => (await import('./commands/rebuild')).rebuildCommand,
  quarantine: async () => (await import('./commands/quarantine')).quarantineCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  stories: async () => (await import('./commands/stories')).storiesCommand,
  methods: async () => (await import('./commands/methods')).methodsCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
};

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return;
  }
  if (!(name in COMMANDS)) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}. Run upstream --help for their usage.`,
    );
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${COMMAND_USAGE[name as CommandName]}\n`);
    return;
  }
  const command = await COMMANDS[name as CommandName]();
  // For `npm run bench`: how long after the process started the command begins its work.
  if (process.env.UPSTREAM_STARTUP_MARK)
    process.stderr.write(`upstream startup: ${performance.now().toFixed(1)} ms\n`);
  await command(rest);
}

exitQuietlyWhenStdoutCloses();
main(process.argv.slice(2)).catch((error: unknown) =>
  failWith(
    error instanceof UpstreamError
      ? { code: error.code, message: error.message }
      : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
  ),
);
