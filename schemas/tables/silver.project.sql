-- silver.project: one row per project self-evaluation table. Key: unit_id, fiscal_year, project_name. Statistics for data skipping cover the key columns only (the first 3), which is what lookups filter on and keeps writes cheap.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  project_name STRING NOT NULL,
  category STRING,
  budget DECIMAL(18,4) COMMENT '预算数 A: the full-year (adjusted) budget',
  actual DECIMAL(18,4) COMMENT '执行数 B',
  execution_rate_pct DECIMAL(18,4) COMMENT '执行率 as printed',
  execution_score DECIMAL(18,4) COMMENT 'as printed',
  total_score DECIMAL(18,4) COMMENT '总分 as printed',
  execution_weight DECIMAL(18,4) COMMENT '执行率分值 as printed (（20分）, a 分值 column); null when the table prints none',
  budget_initial DECIMAL(18,4) COMMENT '年初预算数, where stated (budget is the full-year 预算数)',
  budget_carryover DECIMAL(18,4) COMMENT '上年结转资金, where stated',
  indicator_count INT,
  project_seq INT COMMENT 'position in the document',
  source_sha256 STRING,
  run_id STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingNumIndexedCols' = '3')
