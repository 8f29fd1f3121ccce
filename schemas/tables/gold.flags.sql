-- gold.flags: the current flags, one per rule, unit-year and subject; run_id is the run that raised the flag as it stands. Key: rule, unit_id, fiscal_year, subject.
-- Statistics for data skipping cover the key and the severity only, which is what lookups filter on: min and max of the explanations and source texts cost every write and serve no lookup.
CREATE TABLE IF NOT EXISTS ${table} (
  run_id STRING COMMENT 'run that first raised the flag with its current content; unchanged flags keep it',
  rule STRING NOT NULL,
  severity STRING COMMENT 'info | warning | severe',
  family STRING COMMENT 'rule | peer | multivariate',
  unit_id STRING NOT NULL,
  fiscal_year INT NOT NULL,
  level STRING COMMENT 'unit | function | project | category',
  subject STRING NOT NULL COMMENT '''unit'', function code, project name or three-public category',
  value DOUBLE COMMENT 'the judged value (rate in percent, amount in 万元, z-score, anomaly score)',
  threshold DOUBLE COMMENT 'the line or peer statistic it was judged against',
  threshold_text STRING COMMENT 'how the threshold was obtained, e.g. warning line, peer median/MAD',
  explanation_zh STRING,
  explanation_en STRING,
  source_sha256 STRING,
  source_field STRING COMMENT 'silver.provenance field of the figure, when known',
  source_file STRING COMMENT 'the landing file that stated the figure (of a unit-year merged from several files, that one), when known',
  source_page INT COMMENT '1-based page of the figure when that file is a PDF',
  source_line INT,
  source_text STRING
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingStatsColumns' = 'rule,severity,unit_id,fiscal_year,subject')
