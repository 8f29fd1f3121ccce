-- bronze.documents: every accepted input file, as received. Key: sha256.
CREATE TABLE IF NOT EXISTS ${table} (
  sha256 STRING NOT NULL COMMENT 'SHA-256 of the file content (hex)',
  path STRING COMMENT 'path of the file relative to the landing folder',
  kind STRING COMMENT 'input kind: json | text | pdf',
  size_bytes BIGINT COMMENT 'file size in bytes',
  modified_at TIMESTAMP COMMENT 'file modification time; with path and size, lets a re-run skip the file unread',
  content BINARY COMMENT 'the raw bytes as received',
  unit_id STRING COMMENT 'unit the document is about',
  fiscal_year INT COMMENT 'fiscal year the document is about',
  canonical_json STRING COMMENT 'the canonical final-account document made from the file',
  ingested_at TIMESTAMP COMMENT 'when the file was accepted',
  run_id STRING COMMENT 'run that accepted it'
) USING DELTA
