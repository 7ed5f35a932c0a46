/**
 * SQL for a unit name in the form names are matched in, wherever a file names units instead of
 * giving their ids (a survey's department column, a roster's team): lower case, without spaces,
 * so "Store A", "store a" and "StoreA" are one unit.
 */
export const unitNameKey = (expr: string) => `lower(regexp_replace(${expr}, '\\s+', '', 'g'))`;
