import { CANONICAL_KINDS } from '../shared/imports';

/** Each command's usage, as `upstream COMMAND --help` and `upstream --help` print it. */
export const COMMAND_USAGE = {
  sample: `  upstream sample --workspace W [--exports DIR] [--seed N] [--scale small|default|large] [--json]
      write the sample company's export files and load them into a new workspace W`,
  import: `  upstream import FILE... --workspace W [--as KIND] [--map COLUMN=SOURCE]... [--set COLUMN=VALUE]...
                [--mapping FILE.json] [--profile NAME] [--save-profile NAME] [--sheet NAME]
                [--dry-run] [--json] [--progress]
      import exports (CSV/TSV in any common encoding, XLSX, Parquet, JSON lines, SPSS .sav,
      Qualtrics and SurveyMonkey shapes); the kind is inferred from the columns unless given
      (kinds: ${CANONICAL_KINDS.join(', ')}; people is an HRIS roster, one row per
      employee, turned into headcount, leavers and absence per unit: no person is stored).
      Hints, when the file does not say it itself:
        --map COLUMN=SOURCE   the file's column SOURCE holds Upstream's COLUMN
                              (--map nps="How likely are you to recommend us?")
        --set COLUMN=VALUE    every row's COLUMN is VALUE (--set period=2025-Q3)
        --set wave:W=PERIOD   the quarter of wave W, in a file with a row per person and wave
        --mapping FILE.json   a whole mapping, as --dry-run --json prints it
      --dry-run shows the mapping an import would use (each column's role, confidence and why)
      and imports nothing; with --json, in the form --mapping takes. Ctrl+C cancels and leaves
      the workspace as it was.`,
  rebuild: `  upstream rebuild --workspace OLD --to NEW [--sources DIR] [--json]
      a new workspace from every source OLD recorded, imported again with its mapping by this
      version; files OLD kept no copy of are taken from DIR, checked against their recorded hash`,
  profiles: `  upstream profiles --workspace W [--json]
      list saved mapping profiles`,
  quarantine: `  upstream quarantine --workspace W [--source N] [--limit N] [--json]
      list rows kept out of imports, with file, row, column and reason`,
  call: `  upstream call METHOD --workspace W [--args JSON]
      call one method; JSON result on stdout, errors as JSON on stderr`,
  export: `  upstream export METHOD --workspace W --out FILE.csv|FILE.json [--args JSON]
      write one method's result to a file (CSV: its main table; cells that a spreadsheet
      would run as formulas are escaped)
  upstream export --workspace W --story NAME --format pptx|pdf|xlsx|png|csv --out FILE
                [--masked] [--slide N] [--size 1920x1080|3840x2160] [--hide-flagged]
      write a story (or one slide of it) to a file; PNG and CSV give one file per slide or
      table (deck.png: deck-01.png, deck-02.png...); --masked hides unit and leader names
  upstream export --workspace W --view '#/linkage?lag=1' --format png|xlsx|csv --out FILE
                [--masked] [--size 1920x1080|3840x2160] [--hide-flagged]
      write one view, by the app's address (after the # in its URL), as a picture or the
      table behind it (CSV: one file per table)`,
  stories: `  upstream stories --workspace W [--json]
      list the workspace's stories`,
  methods: `  upstream methods
      list the methods`,
  serve: `  upstream serve --workspace W [--port N] [--max-upload-mb N]
      serve the app on 127.0.0.1; the first line printed is the URL to open. Uploads (at most
      2048 MB each unless --max-upload-mb says otherwise) are deleted once imported and when it stops`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

export const USAGE = `upstream: Upstream's engine from the command line (no desktop needed)

${Object.values(COMMAND_USAGE).join('\n')}

  upstream COMMAND --help   one command's usage
`;
