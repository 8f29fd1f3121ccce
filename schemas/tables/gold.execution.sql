-- gold.execution: execution rates (percent, 2 decimals, HALF_UP) at unit / function / project level, reported vs recomputed. Key: unit_id, fiscal_year, level, subject. Statistics for data skipping cover the key columns only (the first 4), which is what lookups filter on and keeps writes cheap.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  level STRING NOT NULL COMMENT 'unit | function | project',
  subject STRING NOT NULL COMMENT '''unit'', the functional code, or the project name',
  subject_name STRING COMMENT 'unit name, function name or project name',
  budget DECIMAL(18,4) COMMENT 'unit: budget_initial; function: budget_initial; project: 预算数 A',
  actual DECIMAL(18,4) COMMENT 'unit: actual_final; function: actual; project: 执行数 B',
  rate_reported_pct DECIMAL(18,4) COMMENT 'as printed',
  rate_recomputed_pct DECIMAL(18,2) COMMENT 'actual / budget x 100, HALF_UP; null when the budget is zero or missing',
  rate_difference_pct DECIMAL(18,4) COMMENT 'reported - recomputed',
  execution_weight DECIMAL(18,4) COMMENT 'weight of the execution score: the one the table prints, else the region''s template (metrics.scoring)',
  execution_weight_source STRING COMMENT 'printed | template:<national|wuhan>; null where there is no score',
  execution_score_reported DECIMAL(18,4),
  execution_score_recomputed DECIMAL(18,2) COMMENT 'weight x min(rate, 1)',
  total_score_reported DECIMAL(18,4),
  total_score_recomputed DECIMAL(18,2) COMMENT 'recomputed execution score + recomputed indicator scores; null without indicators',
  indicator_count INT,
  indicator_mismatch_count INT COMMENT 'indicators whose reported score differs from the printed rule beyond the tolerance',
  note STRING COMMENT 'why a recomputed value is missing',
  subject_seq INT COMMENT 'position of the line or project in the document (for the source pointer)',
  source_sha256 STRING,
  run_id STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingNumIndexedCols' = '4')
