-- silver.provenance: where each figure came from. Key: unit_id, fiscal_year, field. Statistics for data skipping cover the key columns only (the first 3), which is what lookups filter on and keeps writes cheap.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  field STRING NOT NULL COMMENT 'JSON pointer of the figure in the canonical document, e.g. /totals/income_total',
  page INT COMMENT '1-based page of a PDF source; null for text and JSON sources',
  line INT COMMENT '1-based line in the source text (for a PDF, in the text read from it)',
  text STRING COMMENT 'the exact source text',
  source_file STRING,
  source_sha256 STRING,
  run_id STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingNumIndexedCols' = '3')
