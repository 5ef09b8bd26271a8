-- The timings queries as the application sends them (TimingsQueries, PostgreSQL dialect), for the last 12 weeks,
-- with EXPLAIN ANALYZE. Run after generate-history.sql; see README.md.
\timing on
\echo '== stage passes completed in the period, one activity (meeting)'
EXPLAIN (ANALYZE, COSTS OFF)
SELECT COUNT(*) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY d.ms) AS median_ms,
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY d.ms) AS p90_ms
FROM (SELECT e.DURATION_ AS ms FROM ACT_HI_ACTINST e
      WHERE e.PROC_DEF_KEY_ IN ('early-intervention-pathway') AND e.ACT_ID_ = 'CallActivity_MultiAgencyMeeting'
        AND e.END_TIME_ >= localtimestamp - interval '84 days' AND e.END_TIME_ < localtimestamp
        AND (e.ACT_INST_STATE_ IS NULL OR e.ACT_INST_STATE_ <> 2) OFFSET 0 ROWS) d;

\echo '== stage completed in the period, from one activity to another (information sharing)'
EXPLAIN (ANALYZE, COSTS OFF)
SELECT COUNT(*) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY d.ms) AS median_ms,
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY d.ms) AS p90_ms
FROM (SELECT (EXTRACT(EPOCH FROM (e.END_TIME_ - (SELECT MIN(s.START_TIME_) FROM ACT_HI_ACTINST s
              WHERE s.PROC_INST_ID_ = e.PROC_INST_ID_ AND s.ACT_ID_ = 'CallActivity_InformationSharing'))) * 1000) AS ms
      FROM ACT_HI_ACTINST e
      WHERE e.PROC_DEF_KEY_ IN ('early-intervention-pathway') AND e.ACT_ID_ = 'Task_ReviewGatheredInformation'
        AND e.END_TIME_ >= localtimestamp - interval '84 days' AND e.END_TIME_ < localtimestamp
        AND (e.ACT_INST_STATE_ IS NULL OR e.ACT_INST_STATE_ <> 2)
        AND NOT EXISTS (SELECT 1 FROM ACT_HI_ACTINST x WHERE x.PROC_INST_ID_ = e.PROC_INST_ID_
          AND x.ACT_ID_ = 'Task_ReviewGatheredInformation' AND x.END_TIME_ < e.END_TIME_
          AND (x.ACT_INST_STATE_ IS NULL OR x.ACT_INST_STATE_ <> 2)) OFFSET 0 ROWS) d;

\echo '== triage completed in the period (from the start of the case)'
EXPLAIN (ANALYZE, COSTS OFF)
SELECT COUNT(*) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY d.ms) AS median_ms
FROM (SELECT (EXTRACT(EPOCH FROM (e.END_TIME_ - p.START_TIME_)) * 1000) AS ms
      FROM ACT_HI_ACTINST e JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = e.PROC_INST_ID_
      WHERE e.PROC_DEF_KEY_ IN ('early-intervention-pathway') AND e.ACT_ID_ = 'Task_ConfirmTriage'
        AND e.END_TIME_ >= localtimestamp - interval '84 days' AND e.END_TIME_ < localtimestamp
        AND (e.ACT_INST_STATE_ IS NULL OR e.ACT_INST_STATE_ <> 2)
        AND NOT EXISTS (SELECT 1 FROM ACT_HI_ACTINST x WHERE x.PROC_INST_ID_ = e.PROC_INST_ID_
          AND x.ACT_ID_ = 'Task_ConfirmTriage' AND x.END_TIME_ < e.END_TIME_
          AND (x.ACT_INST_STATE_ IS NULL OR x.ACT_INST_STATE_ <> 2)) OFFSET 0 ROWS) d;

\echo '== cases in a one-activity stage now (actions)'
EXPLAIN (ANALYZE, COSTS OFF)
SELECT a.PROC_INST_ID_ AS pid, MIN(a.START_TIME_) AS started_at FROM ACT_HI_ACTINST a
WHERE a.PROC_DEF_KEY_ IN ('early-intervention-pathway') AND a.ACT_ID_ = 'CallActivity_ActionTracking'
  AND a.END_TIME_ IS NULL GROUP BY a.PROC_INST_ID_;

\echo '== cases in a two-activity stage now (information sharing)'
EXPLAIN (ANALYZE, COSTS OFF)
SELECT o.pid, o.started_at FROM (
  SELECT p.PROC_INST_ID_ AS pid, (SELECT MIN(s.START_TIME_) FROM ACT_HI_ACTINST s
      WHERE s.PROC_INST_ID_ = p.PROC_INST_ID_ AND s.ACT_ID_ = 'CallActivity_InformationSharing') AS started_at
  FROM ACT_HI_PROCINST p
  WHERE p.PROC_DEF_KEY_ IN ('early-intervention-pathway') AND p.END_TIME_ IS NULL
    AND NOT EXISTS (SELECT 1 FROM ACT_HI_ACTINST e WHERE e.PROC_INST_ID_ = p.PROC_INST_ID_
      AND e.ACT_ID_ = 'Task_ReviewGatheredInformation' AND e.END_TIME_ IS NOT NULL
      AND (e.ACT_INST_STATE_ IS NULL OR e.ACT_INST_STATE_ <> 2))) o WHERE o.started_at IS NOT NULL;

\echo '== cases closed per week and their median duration'
EXPLAIN (ANALYZE, COSTS OFF)
SELECT w.wk, COUNT(*) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY w.ms) AS median_ms
FROM (SELECT FLOOR((CAST(p.END_TIME_ AS DATE) - DATE '2001-01-01') / 7.0) AS wk, p.DURATION_ AS ms
      FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ IN ('early-intervention-pathway')
        AND p.END_TIME_ >= localtimestamp - interval '84 days' AND p.END_TIME_ < localtimestamp
        AND (p.STATE_ IS NULL OR p.STATE_ <> 'EXTERNALLY_TERMINATED')) w GROUP BY w.wk;
