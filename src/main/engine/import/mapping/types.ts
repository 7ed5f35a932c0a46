/**
 * How one source file's columns become Upstream's canonical columns. Made by inference, checked
 * and corrected by the analyst in the mapping screen, saved as a named profile, and applied in SQL
 * by the import pipeline (applyMapping.ts). Everything is data: no SQL comes from here.
 * The shape is declared once, as a zod schema in src/shared/imports.ts, because it also crosses
 * the transports; schema.ts here adds the checks that need the canonical formats.
 */
import type { ColumnMapping } from '../../../../shared/imports';

export type { ColumnMapping, ItemMapping } from '../../../../shared/imports';
export type DurationFormat = NonNullable<ColumnMapping['durations']>[string];
export type LongFormat = NonNullable<ColumnMapping['long']>;
