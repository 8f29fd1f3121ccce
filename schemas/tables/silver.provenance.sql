-- silver.provenance: where each figure came from. Key: unit_id, fiscal_year, field. Statistics for data skipping cover the key columns only (the first 3), which is what lookups filter on and keeps writes cheap.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  field STRING NOT NULL COMMENT 'JSON pointer of the figure in the canonical document, e.g. /totals/income_total',
  page INT COMMENT '1-based page of a PDF source; null for text, JSON, tables and datasets',
  line INT COMMENT '1-based line in the source text (for a PDF, in the text read from it); the row number in a CSV dataset file',
  text STRING COMMENT 'the exact source text (a table cell: sheet!cell; a dataset cell: row, column and value as sent)',
  source_file STRING COMMENT 'the file the figure came from (in a unit-year merged from several files, the figure''s own file)',
  source_sha256 STRING COMMENT 'bronze.documents key of that file',
  run_id STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingNumIndexedCols' = '3')
