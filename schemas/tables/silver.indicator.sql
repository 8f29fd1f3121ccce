-- silver.indicator: performance indicators of the unit evaluation (scope unit, project_name '') and of each project. Statistics for data skipping cover the key columns only (the first 4), which is what lookups filter on and keeps writes cheap.
-- Key: unit_id, fiscal_year, project_name, seq.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  project_name STRING NOT NULL COMMENT 'empty for the unit-level evaluation',
  seq INT NOT NULL COMMENT 'position of the indicator in its table, from 1',
  scope STRING COMMENT 'unit | project',
  level1 STRING COMMENT '一级指标',
  level2 STRING COMMENT '二级指标',
  name STRING COMMENT '三级指标',
  target_text STRING COMMENT '年初目标值 as printed',
  target_operator STRING COMMENT '>= <= = > < or null when qualitative',
  target_value DECIMAL(18,4) COMMENT 'the printed number; null without one, or beyond 14 digits before the point',
  target_unit STRING,
  actual_text STRING COMMENT '实际完成值 as printed',
  actual_operator STRING,
  actual_value DECIMAL(18,4) COMMENT 'as target_value',
  actual_unit STRING,
  is_qualitative BOOLEAN COMMENT 'true when the target has no number (e.g. 优, 良好, 有效提升)',
  weight DECIMAL(18,4),
  score DECIMAL(18,4),
  source_sha256 STRING,
  run_id STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingNumIndexedCols' = '4')
