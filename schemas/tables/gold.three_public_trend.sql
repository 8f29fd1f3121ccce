-- gold.three_public_trend: three public costs per unit, category and year with the prior year and the multi-year trend. Key: unit_id, fiscal_year, category. Statistics for data skipping cover the key columns only (the first 3), which is what lookups filter on and keeps writes cheap.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  category STRING NOT NULL COMMENT 'outbound_travel | vehicle_purchase | vehicle_operation | reception | total',
  actual DECIMAL(18,4),
  budget DECIMAL(18,4),
  prior_year_actual DECIMAL(18,4) COMMENT 'actual of fiscal_year - 1 of the same unit; null when that year is missing',
  yoy_change_amount DECIMAL(18,4),
  yoy_change_pct DECIMAL(18,2) COMMENT 'null when the prior year is missing or zero',
  first_year INT COMMENT 'first fiscal year of the series up to this year',
  years_in_series INT,
  cagr_pct DECIMAL(18,2) COMMENT 'compound annual growth from first_year; null with fewer than 3 years or a zero/missing start',
  breaks_only_decrease_rule BOOLEAN COMMENT 'actual > prior-year actual (只减不增)',
  is_over_budget BOOLEAN COMMENT 'actual > budget',
  prior_year_budget DECIMAL(18,4) COMMENT 'budget of fiscal_year - 1 of the same unit; null when that year is missing',
  zero_base BOOLEAN COMMENT 'prior-year actual is 0: the change is not a rate (基数为0，不可比) and yoy_change_pct is null',
  budget_rises BOOLEAN COMMENT 'budget > prior-year budget (只减不增 applies to the 三公 budget too)',
  base_year INT COMMENT 'the configured base year (metrics.three-public.base-year) for years after it; null otherwise',
  base_year_actual DECIMAL(18,4) COMMENT 'actual of the base year of the same unit and category; null when the lake lacks that year',
  base_year_budget DECIMAL(18,4) COMMENT 'budget of the base year of the same unit and category; null when the lake lacks that year',
  base_year_change_pct DECIMAL(18,2) COMMENT 'actual vs base-year actual, percent; null when that is missing or zero',
  source_sha256 STRING,
  run_id STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingNumIndexedCols' = '3')
