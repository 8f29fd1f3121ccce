-- Each query compares one gold metric of FiscalScope (${gold}, exported from Delta) with DuckDB's and returns
-- check, spark_rows, duckdb_rows, mismatches. Counts, keys and flags must be equal; amounts and rates are
-- decimals compared exactly after the same rounding; interpolated quantiles and z-scores are doubles computed by the
-- same definition, so they may differ only by floating-point evaluation order (|difference| ≤ 1e-9 · max(1, |value|)),
-- and a robust-z flag whose |z| lies within that tolerance of the threshold may go either way.
CREATE OR REPLACE MACRO close(a, b) AS (a IS NULL AND b IS NULL) OR abs(a - b) <= 1e-9 * greatest(1, abs(a), abs(b));

CREATE OR REPLACE VIEW s_execution AS SELECT * FROM read_parquet('${gold}/execution/*.parquet');
CREATE OR REPLACE VIEW s_trend AS SELECT * FROM read_parquet('${gold}/three_public_trend/*.parquet');
CREATE OR REPLACE VIEW s_distribution AS SELECT * FROM read_parquet('${gold}/score_distribution/*.parquet');
CREATE OR REPLACE VIEW s_flags AS SELECT * FROM read_parquet('${gold}/flags/*.parquet');

SELECT 'execution rate (recomputed, 2 decimals)' AS check_name,
       (SELECT count(*) FROM s_execution) AS spark_rows, (SELECT count(*) FROM d_execution) AS duckdb_rows,
       count(*) FILTER (WHERE s.unit_id IS NULL OR d.unit_id IS NULL
         OR CAST(s.rate_recomputed_pct * 100 AS HUGEINT) IS DISTINCT FROM d.rate_hundredths) AS mismatches
FROM s_execution s FULL JOIN d_execution d USING (unit_id, fiscal_year, level, subject);

SELECT 'low-execution flags (key and severity)',
       (SELECT count(*) FROM s_flags WHERE rule = 'low_execution'), (SELECT count(*) FROM d_low_execution),
       count(*)
FROM ((SELECT unit_id, fiscal_year, level, subject, severity FROM s_flags WHERE rule = 'low_execution'
       EXCEPT ALL SELECT * FROM d_low_execution)
      UNION ALL
      (SELECT * FROM d_low_execution
       EXCEPT ALL SELECT unit_id, fiscal_year, level, subject, severity FROM s_flags WHERE rule = 'low_execution'));

SELECT 'three-public YoY (prior year, change, change %)',
       (SELECT count(*) FROM s_trend), (SELECT count(*) FROM d_trend),
       count(*) FILTER (WHERE s.unit_id IS NULL OR d.unit_id IS NULL
         OR s.prior_year_actual IS DISTINCT FROM d.prior_year_actual
         OR s.yoy_change_amount IS DISTINCT FROM d.yoy_change_amount
         OR CAST(s.yoy_change_pct * 100 AS HUGEINT) IS DISTINCT FROM d.yoy_hundredths
         OR s.breaks_only_decrease_rule IS DISTINCT FROM d.breaks_only_decrease_rule)
FROM s_trend s FULL JOIN d_trend d USING (unit_id, fiscal_year, category);

-- A single category's rise is an info flag; the total's rise has a rule of its own, which also fires when only the
-- total budget rose (a figure the DuckDB reference does not compute): compared here are the total flags whose actual
-- rose (as FiscalScope's trend, checked above, says) and the total actual rises DuckDB finds.
SELECT 'three-public category increase flags',
       (SELECT count(*) FROM s_flags WHERE rule = 'three_public_increase'),
       (SELECT count(*) FROM d_trend WHERE breaks_only_decrease_rule AND category <> 'total'),
       count(*)
FROM ((SELECT unit_id, fiscal_year, subject FROM s_flags WHERE rule = 'three_public_increase'
       EXCEPT ALL SELECT unit_id, fiscal_year, category FROM d_trend WHERE breaks_only_decrease_rule AND category <> 'total')
      UNION ALL
      (SELECT unit_id, fiscal_year, category FROM d_trend WHERE breaks_only_decrease_rule AND category <> 'total'
       EXCEPT ALL SELECT unit_id, fiscal_year, subject FROM s_flags WHERE rule = 'three_public_increase'));

CREATE OR REPLACE VIEW s_total_rises AS
SELECT f.unit_id, f.fiscal_year FROM s_flags f
JOIN s_trend t ON t.unit_id = f.unit_id AND t.fiscal_year = f.fiscal_year AND t.category = 'total'
WHERE f.rule = 'three_public_total_increase' AND t.breaks_only_decrease_rule;

SELECT 'three-public total increase flags (total actual rose)',
       (SELECT count(*) FROM s_total_rises),
       (SELECT count(*) FROM d_trend WHERE breaks_only_decrease_rule AND category = 'total'),
       count(*)
FROM ((SELECT unit_id, fiscal_year FROM s_total_rises
       EXCEPT ALL SELECT unit_id, fiscal_year FROM d_trend WHERE breaks_only_decrease_rule AND category = 'total')
      UNION ALL
      (SELECT unit_id, fiscal_year FROM d_trend WHERE breaks_only_decrease_rule AND category = 'total'
       EXCEPT ALL SELECT unit_id, fiscal_year FROM s_total_rises));

SELECT 'score distribution (n, min, max, bins exact; mean, stddev, quantiles ±1e-9)',
       (SELECT count(*) FROM s_distribution), (SELECT count(*) FROM d_score_distribution),
       count(*) FILTER (WHERE s.fiscal_year IS NULL OR d.fiscal_year IS NULL
         OR s.n <> d.n OR s.min IS DISTINCT FROM d.min OR s.max IS DISTINCT FROM d.max
         OR s.bin_below_60 <> d.bin_below_60 OR s.bin_60_70 <> d.bin_60_70 OR s.bin_70_80 <> d.bin_70_80
         OR s.bin_80_90 <> d.bin_80_90 OR s.bin_90_95 <> d.bin_90_95 OR s.bin_95_100 <> d.bin_95_100
         OR s.bin_100 <> d.bin_100
         OR NOT close(s.mean, d.mean) OR NOT close(s.stddev, d.stddev)
         OR NOT close(s.p10, d.q[1]) OR NOT close(s.p25, d.q[2]) OR NOT close(s.median, d.q[3])
         OR NOT close(s.p75, d.q[4]) OR NOT close(s.p90, d.q[5]))
FROM s_distribution s FULL JOIN d_score_distribution d USING (fiscal_year, peer_group, scope);

SELECT 'robust z flags (median/MAD, abs z > 3.5, ≥ 10 peers)',
       (SELECT count(*) FROM s_flags WHERE rule LIKE 'robust_z_%'),
       (SELECT count(*) FROM d_robust_z WHERE peers >= 10 AND abs(z) > 3.5),
       count(*) FILTER (WHERE s.unit_id IS NULL OR d.unit_id IS NULL OR NOT close(s.value, d.z)
         OR NOT close(s.threshold, d.peer_median))
FROM (SELECT * FROM s_flags WHERE rule LIKE 'robust_z_%') s
FULL JOIN (SELECT *, 'robust_z_' || metric AS rule FROM d_robust_z
           WHERE peers >= 10 AND abs(z) > 3.5 AND abs(abs(z) - 3.5) > 1e-9 * abs(z)) d
  USING (rule, unit_id, fiscal_year)
WHERE s.unit_id IS NULL OR abs(abs(s.value) - 3.5) > 1e-9 * abs(s.value) OR d.unit_id IS NOT NULL;
