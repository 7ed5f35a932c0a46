import { UpstreamError } from '../shared/result';
import { exitQuietlyWhenStdoutCloses, failWith } from './output';

const USAGE = `upstream: Upstream's engine from the command line (no desktop needed)

  upstream sample --workspace W [--exports DIR] [--seed N] [--scale small|default|large]
      write the sample company's export files and load them into a new workspace W
  upstream import FILE... --workspace W [--as KIND] [--profile NAME] [--save-profile NAME]
                [--sheet NAME] [--set COLUMN=VALUE]... [--json] [--progress]
      import exports (CSV/TSV in any common encoding, XLSX, Parquet, JSON lines, SPSS .sav,
      Qualtrics and SurveyMonkey shapes); the kind is inferred from the columns unless given
      (kinds: org_units, survey_items, survey_responses, customer_feedback, unit_mapping,
      contact_centre, recognition, hr_metrics, preaggregated, people: an HRIS roster, one row
      per employee, turned into HR metrics and never stored). --set gives a column one value
      for the whole file (--set period=2025-Q3). Ctrl+C cancels and leaves the workspace as it was.
  upstream rebuild --workspace OLD --to NEW [--sources DIR] [--json]
      a new workspace from every source OLD recorded, imported again with its mapping by this
      version; files OLD kept no copy of are taken from DIR, checked against their recorded hash
  upstream profiles --workspace W [--json]
      list saved mapping profiles
  upstream quarantine --workspace W [--source N] [--json]
      list rows kept out of imports, with file, row, column and reason
  upstream call METHOD --workspace W [--args JSON]
      call one method; JSON result on stdout, errors as JSON on stderr
  upstream export METHOD --workspace W --out FILE.csv|FILE.json [--args JSON]
      write one method's result to a file (CSV: its main table; cells that a spreadsheet
      would run as formulas are escaped)
  upstream export --workspace W --story NAME --format pptx|pdf|xlsx|png|csv --out FILE
                [--masked] [--slide N] [--size 1920x1080|3840x2160] [--hide-flagged]
      write a story (or one slide of it) to a file; PNG and CSV give one file per slide or
      table (deck.png: deck-01.png, deck-02.png...); --masked hides unit and leader names
  upstream export --workspace W --view '#/linkage?lag=1' --format png|xlsx|csv --out FILE
                [--masked] [--size 1920x1080|3840x2160] [--hide-flagged]
      write one view, by the app's address (after the # in its URL), as a picture or the
      table behind it (CSV: one file per table)
  upstream stories --workspace W [--json]
      list the workspace's stories
  upstream methods
      list the methods
  upstream serve --workspace W [--port N] [--max-upload-mb N]
      serve the app on 127.0.0.1; the first line printed is the URL to open. Uploads (at most
      2048 MB each unless --max-upload-mb says otherwise) are deleted once imported and when it stops
`;

type Command = (argv: string[]) => Promise<void>;
/** Loaded on demand, so `upstream methods` does not pay for DuckDB or vite. */
const COMMANDS: Record<string, () => Promise<Command>> = {
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
  const load = COMMANDS[name];
  if (!load) throw new UpstreamError('INVALID_ARGUMENTS', `Unknown command '${name}'.\n${USAGE}`);
  await (
    await load()
  )(rest);
}

exitQuietlyWhenStdoutCloses();
main(process.argv.slice(2)).catch((error: unknown) =>
  failWith(
    error instanceof UpstreamError
      ? { code: error.code, message: error.message }
      : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
  ),
);
