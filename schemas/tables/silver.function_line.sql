-- silver.function_line: functional classification lines (类 3 digits, 款 5, 项 7). Key: unit_id, fiscal_year, code. Statistics for data skipping cover the key columns only (the first 3), which is what lookups filter on and keeps writes cheap.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  code STRING NOT NULL COMMENT 'functional classification code; name:<name> when the source gives none',
  name STRING,
  level INT COMMENT '1 类, 2 款, 3 项 (from the code length)',
  class_code STRING COMMENT 'the 3-digit 类 the line belongs to',
  budget_initial DECIMAL(18,4),
  actual DECIMAL(18,4),
  execution_rate_pct DECIMAL(18,4) COMMENT 'as printed',
  share_pct DECIMAL(18,4) COMMENT 'as printed',
  budget_adjusted DECIMAL(18,4) COMMENT '全年预算 / 调整后预算, where stated',
  budget_carryover DECIMAL(18,4) COMMENT '年初结转 funding the line, where stated',
  line_seq INT COMMENT 'position in the document',
  source_sha256 STRING,
  run_id STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingNumIndexedCols' = '3')
