import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, quoteLiteral } from '../../db/query';

/**
 * Codebooks name an item's factor (or scale, dimension, construct) in their own words. Upstream's
 * figures know five: engagement (the engagement index), leadership, enablement, enps (the eNPS
 * question) and value:<Name> (a column of the values heatmap). Common names of those become
 * them ("Employee Engagement", "My manager", "Tools & resources", "eNPS", "Value: Integrity",
 * "Values - Integrity"). Any other name (Wellbeing, Inclusion, Growth) is kept as written: it is
 * not taken for a company value, which would put it on the values heatmap as one; its items
 * count in % favourable and in item figures, and the import report names it so the analyst can
 * rename it (value:<Name>, or one of the four) and import the codebook again.
 */
export const KNOWN_FACTORS = ['engagement', 'leadership', 'enablement', 'enps'] as const;

const SYNONYMS: Record<(typeof KNOWN_FACTORS)[number], string[]> = {
  engagement: [
    'engagement',
    'employee engagement',
    'engagement index',
    'engagement outcome',
    'eng',
    'engaged',
  ],
  leadership: [
    'leadership',
    'leader',
    'leaders',
    'manager',
    'managers',
    'my manager',
    'line manager',
    'direct manager',
    'management',
    'senior leadership',
    'leadership behaviours',
    'leadership behaviors',
    'manager effectiveness',
  ],
  enablement: [
    'enablement',
    'enable',
    'enabled',
    'resources',
    'tools',
    'tools and resources',
    'tools & resources',
    'enablement and resources',
  ],
  enps: [
    'enps',
    'e nps',
    'e-nps',
    'employee nps',
    'employee net promoter score',
    'employee net promoter',
    'net promoter',
    'net promoter score',
    'nps',
  ],
};

/** "Value: Integrity", "Values - Integrity", "Core value | Integrity", "value:Integrity". */
const VALUE_PREFIX = '^\\s*(?:company |our |core )?values?\\s*[-:/|\u2013]\\s*';

/** SQL: a codebook's factor text as Upstream's factor name (see above). */
export function factorSql(expr: string): string {
  const t = `lower(regexp_replace(trim(${expr}), '[\\s_]+', ' ', 'g'))`;
  const whens = Object.entries(SYNONYMS).map(
    ([factor, names]) =>
      `WHEN ${t} IN (${names.map(quoteLiteral).join(', ')}) THEN ${quoteLiteral(factor)}`,
  );
  return `CASE WHEN nullif(trim(${expr}), '') IS NULL THEN ${expr}
    ${whens.join('\n    ')}
    WHEN regexp_matches(${expr}, ${quoteLiteral(VALUE_PREFIX)}, 'i')
      AND trim(regexp_replace(${expr}, ${quoteLiteral(VALUE_PREFIX)}, '', 'i')) <> ''
      THEN 'value:' || trim(regexp_replace(${expr}, ${quoteLiteral(VALUE_PREFIX)}, '', 'i'))
    ELSE trim(${expr}) END`;
}

/** The report's word on factors of this source that Upstream's figures do not know. */
export async function unknownFactorWarnings(
  conn: DuckDBConnection,
  sourceId: number,
): Promise<string[]> {
  const rows = await queryRows<{ factor: string; items: number }>(
    conn,
    `SELECT factor, count(*)::INTEGER AS items FROM survey_items
     WHERE source_id = $s AND factor NOT IN (${KNOWN_FACTORS.map(quoteLiteral).join(', ')}, 'other')
       AND factor NOT LIKE 'value:%'
     GROUP BY factor ORDER BY factor`,
    { s: sourceId },
  );
  if (rows.length === 0) return [];
  const list = rows.map((r) => `${r.factor} (${r.items})`).join(', ');
  return [
    `factors Upstream's figures do not know, kept as written: ${list}. Their items count in % favourable and item figures only; to show one as a company value on the values heatmap write value:<Name>, or use engagement, leadership, enablement or enps, and import the codebook again`,
  ];
}
