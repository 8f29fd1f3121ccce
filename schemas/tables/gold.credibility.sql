-- gold.credibility: budget credibility over the last three fiscal years, PEFA PI-1 / PI-2 style (docs/metrics.md). Key: unit_id, fiscal_year.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  years_of_history INT COMMENT 'how many of fiscal_year-2 .. fiscal_year the unit has data for',
  outturn_pct DECIMAL(18,2) COMMENT 'actual_final / budget_initial x 100 in fiscal_year',
  outturn_pct_prior DECIMAL(18,2) COMMENT 'same, fiscal_year - 1',
  outturn_pct_prior2 DECIMAL(18,2) COMMENT 'same, fiscal_year - 2',
  pi1_grade STRING COMMENT 'A | B | C | D; null with fewer than three years',
  composition_variance_pct DECIMAL(18,2) COMMENT 'sum |actual - scaled budget| / sum scaled budget x 100 across functional classes',
  composition_variance_pct_prior DECIMAL(18,2),
  composition_variance_pct_prior2 DECIMAL(18,2),
  pi2_grade STRING COMMENT 'A | B | C | D; null with fewer than three years',
  outturn_adjusted_pct DECIMAL(18,2) COMMENT 'against the adjusted budget; null until silver carries one',
  pi1_adjusted_grade STRING,
  composition_variance_adjusted_pct DECIMAL(18,2),
  pi2_adjusted_grade STRING,
  note STRING,
  run_id STRING
) USING DELTA
