/**
 * The workspace schema, as an ordered list of migrations. A workspace records the version it is
 * at in meta.schema_version; opening one runs the missing migrations in one transaction, and a
 * workspace from a newer version of Upstream is refused untouched.
 */
export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

CREATE TABLE sources (
  source_id INTEGER PRIMARY KEY,
  kind VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_imported INTEGER NOT NULL,
  rows_quarantined INTEGER NOT NULL,
  columns_json VARCHAR NOT NULL,
  -- What the reader detected, and the mapping that turned the file into canonical columns.
  format VARCHAR NOT NULL,
  details_json VARCHAR NOT NULL,
  mapping_json VARCHAR NOT NULL,
  profile_name VARCHAR,
  imported_at TIMESTAMP NOT NULL,
  app_version VARCHAR NOT NULL
);
-- A confirmed mapping, saved by name, that next quarter's file with the same columns reuses.
CREATE TABLE mapping_profiles (
  name VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  signature VARCHAR NOT NULL,
  column_names_json VARCHAR NOT NULL,
  mapping_json VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
-- A faithful, compressed copy of every imported file, so a workspace can be rebuilt from itself.
CREATE TABLE source_files (source_id INTEGER NOT NULL, gzip BLOB NOT NULL);

CREATE TABLE quarantine (
  source_id INTEGER NOT NULL,
  file_name VARCHAR NOT NULL,
  row_number BIGINT NOT NULL,
  column_name VARCHAR,
  rule VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  raw_json VARCHAR NOT NULL
);

CREATE TABLE org_units (
  effective_from DATE NOT NULL,
  unit_id VARCHAR NOT NULL,
  unit_name VARCHAR NOT NULL,
  parent_id VARCHAR,
  level VARCHAR NOT NULL,
  unit_type VARCHAR NOT NULL,
  leader_name VARCHAR,
  source_id INTEGER NOT NULL
);
-- Every (ancestor, descendant) pair of each hierarchy snapshot, depth 0 included.
CREATE TABLE org_closure (
  effective_from DATE NOT NULL,
  ancestor_id VARCHAR NOT NULL,
  descendant_id VARCHAR NOT NULL,
  depth INTEGER NOT NULL
);

CREATE TABLE survey_items (
  item_id VARCHAR NOT NULL,
  item_text VARCHAR NOT NULL,
  factor VARCHAR NOT NULL,
  scale_min INTEGER NOT NULL,
  scale_max INTEGER NOT NULL,
  reverse_coded BOOLEAN NOT NULL,
  source_id INTEGER NOT NULL
);
CREATE TABLE survey_respondents (
  period VARCHAR NOT NULL,
  respondent_id VARCHAR NOT NULL,
  unit_id VARCHAR NOT NULL,
  submitted_at DATE NOT NULL,
  tenure_band VARCHAR,
  role VARCHAR,
  source_id INTEGER NOT NULL
);
-- score is as answered; scored is reverse-coded items flipped so that higher is always better.
CREATE TABLE survey_answers (
  period VARCHAR NOT NULL,
  respondent_id VARCHAR NOT NULL,
  item_id VARCHAR NOT NULL,
  score INTEGER NOT NULL,
  scored INTEGER NOT NULL
);
CREATE TABLE survey_comments (period VARCHAR NOT NULL, respondent_id VARCHAR NOT NULL, comment VARCHAR NOT NULL);
-- One row per respondent: the per-person figures every employee metric starts from.
CREATE TABLE respondent_scores (
  period VARCHAR NOT NULL,
  respondent_id VARCHAR NOT NULL,
  unit_id VARCHAR NOT NULL,
  role VARCHAR,
  engagement_0_100 DOUBLE,
  likert_answered INTEGER NOT NULL,
  likert_favourable INTEGER NOT NULL,
  enps_score INTEGER
);

CREATE TABLE customer_feedback (
  response_id VARCHAR NOT NULL,
  responded_at TIMESTAMP NOT NULL,
  period VARCHAR NOT NULL,
  cx_code VARCHAR NOT NULL,
  channel VARCHAR,
  nps INTEGER,
  csat INTEGER,
  ces INTEGER,
  comment VARCHAR,
  source_id INTEGER NOT NULL
);
-- Customer feedback summed per code and period (sufficient statistics), rebuilt by imports, so
-- every customer metric is answered from a table of codes x periods rather than every response.
CREATE TABLE customer_code_stats (
  cx_code VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  responses BIGINT NOT NULL,
  nps_n BIGINT NOT NULL,
  promoters BIGINT NOT NULL,
  detractors BIGINT NOT NULL,
  csat_n BIGINT NOT NULL,
  csat_favourable BIGINT NOT NULL,
  ces_n BIGINT NOT NULL,
  ces_sum BIGINT NOT NULL,
  ces_agree BIGINT NOT NULL
);
CREATE TABLE unit_mapping (cx_code VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, source_id INTEGER NOT NULL);
CREATE TABLE contact_interactions (
  interaction_id VARCHAR NOT NULL,
  queue_code VARCHAR NOT NULL,
  agent_id VARCHAR,
  started_at TIMESTAMP NOT NULL,
  period VARCHAR NOT NULL,
  ivr_reason VARCHAR,
  talk_seconds INTEGER NOT NULL,
  hold_seconds INTEGER NOT NULL,
  wrap_seconds INTEGER NOT NULL,
  handle_seconds INTEGER NOT NULL,
  transferred BOOLEAN NOT NULL,
  repeat_contact BOOLEAN NOT NULL,
  source_id INTEGER NOT NULL
);
CREATE TABLE recognition_events (
  event_id VARCHAR NOT NULL,
  unit_id VARCHAR NOT NULL,
  recognised_at DATE NOT NULL,
  period VARCHAR NOT NULL,
  programme VARCHAR NOT NULL,
  source_id INTEGER NOT NULL
);
CREATE TABLE hr_metrics (
  unit_id VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  headcount INTEGER NOT NULL,
  leavers INTEGER NOT NULL,
  absence_days DOUBLE NOT NULL,
  source_id INTEGER NOT NULL
);

-- Calendar quarters: '2025-Q3' starts 2025-07-01.
CREATE MACRO period_start(p) AS make_date(CAST(p[1:4] AS INTEGER), CAST(p[7:7] AS INTEGER) * 3 - 2, 1);
CREATE MACRO period_of(d) AS CAST(year(d) AS VARCHAR) || '-Q' || CAST(quarter(d) AS VARCHAR);
-- The hierarchy snapshot in force for a period: the latest one that starts on or before it.
CREATE MACRO hierarchy_for(p) AS (
  SELECT coalesce(max(effective_from) FILTER (WHERE effective_from <= period_start(p)), min(effective_from))
  FROM (SELECT DISTINCT effective_from FROM org_units)
);
`,
  },
];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
