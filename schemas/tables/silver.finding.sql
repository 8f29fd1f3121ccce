-- silver.finding: consistency findings raised while reading a document. Key: unit_id, fiscal_year, rule, subject.
-- Statistics for data skipping cover the key only, which is what lookups filter on: min and max of the messages and evidence cost every write and serve no lookup.
CREATE TABLE IF NOT EXISTS ${table} (
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  rule STRING NOT NULL COMMENT 'e.g. sum.basic_split; scale.jump; merge.disagree (two sources of the unit-year state a figure differently), merge.combined (the unit-year combines sources of several kinds)',
  subject STRING NOT NULL COMMENT 'ordinal of the finding within its rule in the document (1, 2, …)',
  severity STRING COMMENT 'info | warning | error',
  message STRING COMMENT 'Chinese',
  message_en STRING COMMENT 'English',
  evidence STRING COMMENT 'the figures and source lines involved',
  source_sha256 STRING,
  run_id STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingStatsColumns' = 'unit_id,fiscal_year,rule,subject')
