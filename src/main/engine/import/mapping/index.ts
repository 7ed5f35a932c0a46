/**
 * Column-mapping inference: how a vendor export's columns become Upstream's canonical columns.
 * Pure TypeScript; the import pipeline supplies column profiles (names, labels, sample values).
 */
export { inferMapping, emptyMapping } from './infer';
export type {
  CatalogueItem,
  ColumnGuess,
  ColumnProfile,
  InferInput,
  InferredMapping,
} from './inferenceTypes';
export {
  adaptProfile,
  matchProfile,
  mappedSources,
  profileSignature,
  MIN_OVERLAP,
  type AdaptOptions,
  type AdaptedMapping,
  type SavedProfileLike,
} from './profiles';
export {
  columnMappingSchema,
  durationFormatSchema,
  itemMappingSchema,
  longFormatSchema,
} from './schema';
export type { ColumnMapping, DurationFormat, ItemMapping, LongFormat } from './types';
export { dateShape, scanDates } from './dates';
export { guessScale } from './scales';
