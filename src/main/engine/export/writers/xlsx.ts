import * as XLSX from '@e965/xlsx';
import type { SlideTable, StoryContent } from '../content';
import { neutraliseCell } from '../neutralise';
import { COMMITMENT_COLUMNS, commitmentRows } from '../render/describe';
import { uniqueSheetNames } from './sheetNames';

/** Rows of neutralised cells: text that a spreadsheet would run as a formula arrives as text. */
function sheetOf(columns: string[], rows: unknown[][]): XLSX.WorkSheet {
  return XLSX.utils.aoa_to_sheet([columns, ...rows].map((row) => row.map(neutraliseCell)));
}

/** A workbook of named tables: one sheet each, names made safe and unique. */
export function writeTablesXlsx(
  tables: SlideTable[],
  properties: { title: string },
  extra: { name: string; columns: string[]; rows: unknown[][] }[] = [],
): Buffer {
  const book = XLSX.utils.book_new();
  book.Props = { Title: properties.title, Author: 'Upstream', Company: 'Upstream' };
  const all = [...tables, ...extra];
  const names = uniqueSheetNames(all.map((t) => t.name));
  all.forEach((table, i) => {
    XLSX.utils.book_append_sheet(book, sheetOf(table.columns, table.rows), names[i]);
  });
  if (all.length === 0) {
    XLSX.utils.book_append_sheet(book, sheetOf(['Note'], [['No table to export']]), 'Export');
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** The story's tables (one sheet per slide table, named after its slide), commitments, guesses. */
export function writeStoryXlsx(story: StoryContent): Buffer {
  const tables = story.slides.flatMap((slide) =>
    slide.tables.map((table) => ({
      ...table,
      name:
        slide.tables.length > 1
          ? `${slide.index + 1} ${table.name}`
          : `${slide.index + 1} ${slide.title}`,
    })),
  );
  const guesses = story.slides.flatMap((slide) =>
    slide.guesses.map((g) => [
      slide.index + 1,
      slide.title,
      slide.predict?.question ?? '',
      g.person,
      g.guess,
    ]),
  );
  // A sheet of nothing (a view's tables, a story the room has not guessed in) is left out.
  const extras = [
    { name: 'Commitments', columns: COMMITMENT_COLUMNS, rows: commitmentRows(story) },
    { name: 'Guesses', columns: ['Slide', 'Title', 'Question', 'Person', 'Guess'], rows: guesses },
  ].filter((sheet) => sheet.rows.length > 0);
  return writeTablesXlsx(tables, { title: story.title }, extras);
}
