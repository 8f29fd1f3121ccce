-- The gold metrics FiscalScope computes, restated in DuckDB SQL over the silver Parquet export (${silver}).
-- Rates are integer hundredths of a percent rounded half away from zero, as Spark's round() on decimals;
-- quantiles and medians interpolate linearly between closest ranks, as Spark's percentile().
CREATE OR REPLACE MACRO half_up(n, d) AS sign(n) * sign(d) * ((2 * abs(n) + abs(d)) // (2 * abs(d)));
CREATE OR REPLACE MACRO units(x) AS CAST(x * 10000 AS HUGEINT);

CREATE OR REPLACE VIEW unit_year AS SELECT * FROM read_parquet('${silver}/unit_year/*.parquet');
CREATE OR REPLACE VIEW function_line AS SELECT * FROM read_parquet('${silver}/function_line/*.parquet');
CREATE OR REPLACE VIEW project AS SELECT * FROM read_parquet('${silver}/project/*.parquet');

CREATE OR REPLACE TABLE d_execution AS
WITH lines AS (
  SELECT unit_id, fiscal_year, 'unit' AS level, 'unit' AS subject, budget_initial AS budget, actual_final AS actual,
         execution_rate_pct AS rate_reported_pct FROM unit_year
  UNION ALL
  SELECT unit_id, fiscal_year, 'function', code, budget_initial, actual, execution_rate_pct FROM function_line
  UNION ALL
  SELECT unit_id, fiscal_year, 'project', project_name, budget, actual, execution_rate_pct FROM project
), rated AS (
  SELECT *, CASE WHEN budget <> 0 AND actual IS NOT NULL
                 THEN half_up(units(actual) * 10000, units(budget)) END AS rate_hundredths
  FROM lines
)
SELECT *, coalesce(CAST(rate_hundredths AS DECIMAL(20, 0)) * CAST(0.01 AS DECIMAL(3, 2)), rate_reported_pct) AS rate_judged
FROM rated;

CREATE OR REPLACE TABLE d_low_execution AS
SELECT unit_id, fiscal_year, level, subject, CASE WHEN rate_judged < 80 THEN 'severe' ELSE 'warning' END AS severity
FROM d_execution WHERE rate_judged < 90;

CREATE OR REPLACE TABLE d_trend AS
WITH rows AS (
  SELECT unit_id, fiscal_year, 'outbound_travel' AS category, three_public_actual_outbound_travel AS actual,
         three_public_budget_outbound_travel AS budget FROM unit_year
  UNION ALL SELECT unit_id, fiscal_year, 'vehicle_purchase', three_public_actual_vehicle_purchase,
         three_public_budget_vehicle_purchase FROM unit_year
  UNION ALL SELECT unit_id, fiscal_year, 'vehicle_operation', three_public_actual_vehicle_operation,
         three_public_budget_vehicle_operation FROM unit_year
  UNION ALL SELECT unit_id, fiscal_year, 'reception', three_public_actual_reception, three_public_budget_reception
         FROM unit_year
  UNION ALL SELECT unit_id, fiscal_year, 'total', three_public_actual_total, three_public_budget_total FROM unit_year
), present AS (SELECT * FROM rows WHERE actual IS NOT NULL OR budget IS NOT NULL)
SELECT c.unit_id, c.fiscal_year, c.category, c.actual, p.actual AS prior_year_actual,
       c.actual - p.actual AS yoy_change_amount,
       CASE WHEN p.actual <> 0 THEN half_up(units(c.actual - p.actual) * 10000, units(p.actual)) END AS yoy_hundredths,
       c.actual > p.actual AS breaks_only_decrease_rule
FROM present c
LEFT JOIN present p ON p.unit_id = c.unit_id AND p.category = c.category AND p.fiscal_year = c.fiscal_year - 1;

CREATE OR REPLACE TABLE d_largest_class AS
WITH lines AS (
  SELECT unit_id, fiscal_year, coalesce(level, length(code)) AS line_level,
         coalesce(class_code, substr(code, 1, 3)) AS line_class, actual FROM function_line
), top AS (
  SELECT unit_id, fiscal_year, min(line_level) AS top_level FROM lines GROUP BY ALL
), classes AS (
  SELECT l.unit_id, l.fiscal_year, l.line_class AS class_code, sum(l.actual) AS actual
  FROM lines l JOIN top t USING (unit_id, fiscal_year) WHERE l.line_level = t.top_level GROUP BY ALL
)
SELECT unit_id, fiscal_year, class_code FROM classes WHERE actual IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY unit_id, fiscal_year ORDER BY actual DESC, class_code ASC) = 1;

CREATE OR REPLACE TABLE d_score_distribution AS
WITH scores AS (
  SELECT unit_id, fiscal_year, 'project' AS scope, total_score AS score FROM project WHERE total_score IS NOT NULL
  UNION ALL
  SELECT unit_id, fiscal_year, 'unit', unit_eval_total_score FROM unit_year WHERE unit_eval_total_score IS NOT NULL
), peers AS (
  SELECT u.unit_id, u.fiscal_year, unnest(list_filter(['all', 'kind:' || u.unit_kind, 'region:' || u.region,
         'class:' || c.class_code,
         CASE WHEN u.staff_actual IS NULL OR u.staff_actual <= 0 THEN NULL WHEN u.staff_actual <= 20 THEN 'size:1-20'
              WHEN u.staff_actual <= 50 THEN 'size:21-50' WHEN u.staff_actual <= 100 THEN 'size:51-100'
              ELSE 'size:>100' END,
         'parent:' || u.parent_name], g -> g IS NOT NULL)) AS peer_group
  FROM unit_year u LEFT JOIN d_largest_class c USING (unit_id, fiscal_year)
)
SELECT fiscal_year, peer_group, scope, count(score) AS n, avg(CAST(score AS DOUBLE)) AS mean,
       stddev_samp(CAST(score AS DOUBLE)) AS stddev, min(score) AS min,
       quantile_cont(CAST(score AS DOUBLE), [0.1, 0.25, 0.5, 0.75, 0.9]) AS q, max(score) AS max,
       count(*) FILTER (WHERE score < 60) AS bin_below_60,
       count(*) FILTER (WHERE score >= 60 AND score < 70) AS bin_60_70,
       count(*) FILTER (WHERE score >= 70 AND score < 80) AS bin_70_80,
       count(*) FILTER (WHERE score >= 80 AND score < 90) AS bin_80_90,
       count(*) FILTER (WHERE score >= 90 AND score < 95) AS bin_90_95,
       count(*) FILTER (WHERE score >= 95 AND score < 100) AS bin_95_100,
       count(*) FILTER (WHERE score >= 100) AS bin_100
FROM scores JOIN peers USING (unit_id, fiscal_year)
GROUP BY ALL;

CREATE OR REPLACE TABLE d_robust_z AS
WITH ratios AS (
  SELECT unit_id, fiscal_year, 'kind:' || unit_kind AS peer_group,
         CASE WHEN budget_initial > 0 THEN CAST(actual_final AS DOUBLE) / CAST(budget_initial AS DOUBLE) END * 100
           AS execution_rate,
         CASE WHEN basic_expenditure > 0 THEN CAST(public_expense AS DOUBLE) / CAST(basic_expenditure AS DOUBLE) END * 100
           AS public_expense_ratio,
         CASE WHEN expenditure_this_year > 0
              THEN CAST(three_public_actual_total AS DOUBLE) / CAST(expenditure_this_year AS DOUBLE) END * 100
           AS three_public_ratio
  FROM unit_year
), long AS (
  UNPIVOT ratios ON execution_rate, public_expense_ratio, three_public_ratio INTO NAME metric VALUE x
), judged AS (
  SELECT * FROM long WHERE x IS NOT NULL AND peer_group IS NOT NULL
), medians AS (
  SELECT fiscal_year, peer_group, metric, quantile_cont(x, 0.5) AS peer_median, count(*) AS peers FROM judged GROUP BY ALL
), mads AS (
  SELECT j.fiscal_year, j.peer_group, j.metric, quantile_cont(abs(j.x - m.peer_median), 0.5) AS peer_mad
  FROM judged j JOIN medians m USING (fiscal_year, peer_group, metric) GROUP BY ALL
)
SELECT j.unit_id, j.fiscal_year, j.peer_group, j.metric, j.x, m.peer_median, d.peer_mad, m.peers,
       CASE WHEN d.peer_mad > 0 THEN 0.6745 * (j.x - m.peer_median) / d.peer_mad END AS z
FROM judged j JOIN medians m USING (fiscal_year, peer_group, metric) JOIN mads d USING (fiscal_year, peer_group, metric);
