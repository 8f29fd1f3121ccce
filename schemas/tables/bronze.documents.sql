-- bronze.documents: every accepted input, as received. Key: sha256.
-- A document file (json, text, pdf) or a set of standard tables (xlsx, xls, csv-tables) is one row. A tabular dataset
-- file (kind csv or parquet) holding many unit-years is one row per unit-year it holds: its part of that unit-year's
-- document, keyed by the SHA-256 of the text 'unit-year:<file sha256>:<unit_id>:<fiscal_year>', with the file's path,
-- size and time (so a re-run skips the file unread, and a changed file gives new keys for every unit-year it holds).
-- Silver holds, per unit-year, the merge of its latest row of each slot (document, tables, each dataset table).
-- Statistics for data skipping cover the key, the path and the unit-year only, which is what lookups filter on: min and max of each document's canonical JSON cost every write and serve no lookup.
CREATE TABLE IF NOT EXISTS ${table} (
  sha256 STRING NOT NULL COMMENT 'SHA-256 of the file content (hex); for a dataset file, of unit-year:<file sha256>:<unit_id>:<fiscal_year>',
  path STRING COMMENT 'path of the file relative to the landing folder',
  kind STRING COMMENT 'input kind: json | text | pdf | xlsx | xls | csv-tables | csv | parquet',
  size_bytes BIGINT COMMENT 'file size in bytes',
  modified_at TIMESTAMP COMMENT 'file modification time; with path and size, lets a re-run skip the file unread',
  content BINARY COMMENT 'the raw bytes as received; for a dataset file, the unit-year''s rows as JSON lines ({"row": n, column: text …}, "row_index" for Parquet)',
  unit_id STRING COMMENT 'unit the document is about',
  fiscal_year INT COMMENT 'fiscal year the document is about',
  canonical_json STRING COMMENT 'the canonical final-account document made from the file (for a dataset file, the part its unit-year rows state)',
  ingested_at TIMESTAMP COMMENT 'when the file was accepted',
  run_id STRING COMMENT 'run that accepted it'
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingStatsColumns' = 'sha256,path,unit_id,fiscal_year')
