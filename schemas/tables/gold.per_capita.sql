-- gold.per_capita: basic, public and 三公 spending per person of the unit's actual headcount (实有人数), in 万元 per person; a row only where the headcount is stated and above 0. Key: unit_id, fiscal_year.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  staff_actual INT COMMENT '实有人数 as stated, the divisor',
  staff_authorised INT COMMENT '编制人数 as stated, for reference',
  basic_per_capita DECIMAL(18,4) COMMENT 'basic_expenditure / staff_actual, 万元 per person; null when basic expenditure is not stated',
  public_per_capita DECIMAL(18,4) COMMENT 'public_expense / staff_actual',
  three_public_per_capita DECIMAL(18,4) COMMENT 'three_public_actual_total / staff_actual',
  run_id STRING
) USING DELTA
