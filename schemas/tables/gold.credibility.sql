-- gold.credibility: budget credibility over the last three fiscal years, PEFA-style at unit level: PI-1, PI-2.1, PI-2.2 and their weakest-link (M1) combination (docs/metrics.md). Key: unit_id, fiscal_year.
-- Statistics for data skipping cover the key only, which is what lookups filter on: min and max of some 30 columns cost every write and serve no lookup.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  years_of_history INT COMMENT 'how many of fiscal_year-2 .. fiscal_year the unit has data for',
  outturn_pct DECIMAL(18,2) COMMENT 'actual_final / budget_initial x 100 in fiscal_year',
  outturn_pct_prior DECIMAL(18,2) COMMENT 'same, fiscal_year - 1',
  outturn_pct_prior2 DECIMAL(18,2) COMMENT 'same, fiscal_year - 2',
  pi1_grade STRING COMMENT 'A | B | C | D; null with fewer than three years',
  composition_variance_pct DECIMAL(18,2) COMMENT 'PI-2.1: sum |actual - scaled budget| / sum scaled budget x 100 across the functional lines the budget is approved at (composition_level)',
  composition_variance_pct_prior DECIMAL(18,2),
  composition_variance_pct_prior2 DECIMAL(18,2),
  pi2_grade STRING COMMENT 'PI-2: pi2_1_grade and pi2_2_grade combined by M1; null with fewer than three years',
  outturn_adjusted_pct DECIMAL(18,2) COMMENT 'against the adjusted budget; null until silver carries one',
  pi1_adjusted_grade STRING,
  composition_variance_adjusted_pct DECIMAL(18,2),
  pi2_adjusted_grade STRING,
  carryover_funded DECIMAL(18,4) COMMENT 'outturn funded by carry-over: carryover_begin - carryover_end, at least 0 and at most actual_final; null unless both are stated',
  outturn_excl_carryover_pct DECIMAL(18,2) COMMENT '(actual_final - carryover_funded) / budget_initial x 100 in fiscal_year',
  outturn_excl_carryover_pct_prior DECIMAL(18,2) COMMENT 'same, fiscal_year - 1',
  outturn_excl_carryover_pct_prior2 DECIMAL(18,2) COMMENT 'same, fiscal_year - 2',
  pi1_excl_carryover_grade STRING COMMENT 'PI-1 on the outturn excluding carry-over: A | B | C | D; null unless stated in all three years',
  composition_level INT COMMENT 'level of the lines composition_variance_pct is measured at in fiscal_year: 1 类, 2 款, 3 项 (the deepest the data lists)',
  pi2_1_grade STRING COMMENT 'PI-2.1 composition by function: A | B | C | D; null with fewer than three years',
  pi2_2_grade STRING COMMENT 'PI-2.2 composition by economic class; null while the data holds no budget by economic class (note)',
  overall_grade STRING COMMENT 'PEFA-style, unit level: M1 (weakest link) over the PI-1, PI-2.1 and PI-2.2 grades rated, e.g. A, C, A -> C+',
  overall_dimensions STRING COMMENT 'the dimensions overall_grade combines (PI-1 excl. carry-over when graded, else PI-1)',
  note STRING,
  run_id STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingStatsColumns' = 'unit_id,fiscal_year')
