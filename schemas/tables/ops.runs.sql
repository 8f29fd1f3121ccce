-- ops.runs: one row per run of a verb that writes the lake. Key: run_id.
CREATE TABLE IF NOT EXISTS ${table} (
  run_id STRING NOT NULL COMMENT 'e.g. 20261129T170102Z-3fa1',
  verb STRING COMMENT 'nightly, ingest, metrics, flags',
  started_at TIMESTAMP,
  finished_at TIMESTAMP,
  status STRING COMMENT 'succeeded | succeeded_with_rejects | failed',
  error STRING COMMENT 'the one-line error of a failed run',
  error_code STRING COMMENT 'stable code of that error, e.g. LAKE_CHANGED_OUTSIDE (docs/errors.md lists every code)',
  landing STRING,
  config_hash STRING COMMENT 'SHA-256 prefix of the resolved configuration',
  new_documents BIGINT,
  skipped_documents BIGINT,
  rejected_documents BIGINT,
  stages STRING COMMENT 'JSON array: name, seconds, counts of each stage',
  table_versions MAP<STRING, BIGINT> COMMENT 'Delta version of every lake table after the run',
  table_rows MAP<STRING, BIGINT> COMMENT 'row count of every lake table after the run',
  outside_changes ARRAY<STRUCT<table_name: STRING, recorded_version: BIGINT, current_version: BIGINT, has_changed_rows: BOOLEAN, description: STRING>> COMMENT 'tables found changed outside a FiscalScope run since the last successful run, as the run found them (null: none)'
) USING DELTA
