-- Managers' timings benchmark (PostgreSQL): 51,000 pathway cases over the last two years, 20 activity instances each
-- = about 1,000,000 rows in ACT_HI_ACTINST (16 of the main process, 4 of called processes), the newest cases still
-- running (whatever would end after now stays open). Run on a database whose schema Liquibase made; see README.md.
DELETE FROM act_hi_actinst WHERE id_ LIKE 'bench-%';
DELETE FROM act_hi_procinst WHERE id_ LIKE 'bench-%';

CREATE TEMP TABLE bench_case AS
SELECT g,
       localtimestamp - (g - 1) * interval '1 second' * (728 * 86400 / 50000) AS t0,
       2 + g % 30 AS d_triage, 24 + g % 48 AS d_consent, 72 + g % 100 AS d_sharing,
       120 + g % 200 AS d_meeting, 200 + (g * 7) % 300 AS d_actions
FROM generate_series(1, 51000) AS g;

CREATE TEMP TABLE bench_activity AS
SELECT c.g, c.t0, v.n, v.act, v.typ, v.def_key,
       c.t0 + v.s * interval '1 hour' AS started, c.t0 + v.e * interval '1 hour' AS ended
FROM (SELECT *, d_triage AS t1, d_triage + d_consent AS t2, d_triage + d_consent + d_sharing AS t3,
             d_triage + d_consent + d_sharing + 4 AS t4, d_triage + d_consent + d_sharing + 4 + d_meeting AS t5
      FROM bench_case) c
CROSS JOIN LATERAL (VALUES
  (1, 'StartEvent_ConcernRaised', 'startEvent', 'early-intervention-pathway', 0, 0),
  (2, 'BusinessRuleTask_TriageRisk', 'businessRuleTask', 'early-intervention-pathway', 0, 0),
  (3, 'Task_ConfirmTriage', 'userTask', 'early-intervention-pathway', 0, c.t1),
  (4, 'Gateway_ImmediateRisk', 'exclusiveGateway', 'early-intervention-pathway', c.t1, c.t1),
  (5, 'CallActivity_ConsentCheck', 'callActivity', 'early-intervention-pathway', c.t1, c.t2),
  (6, 'Gateway_SharingPermitted', 'exclusiveGateway', 'early-intervention-pathway', c.t2, c.t2),
  (7, 'CallActivity_InformationSharing', 'callActivity', 'early-intervention-pathway', c.t2, c.t3),
  (8, 'Task_ReviewGatheredInformation', 'userTask', 'early-intervention-pathway', c.t3, c.t4),
  (9, 'CallActivity_MultiAgencyMeeting', 'callActivity', 'early-intervention-pathway', c.t4, c.t5),
  (10, 'SubProcess_ActionPlan', 'subProcess', 'early-intervention-pathway', c.t5, c.t5 + c.d_actions + 10),
  (11, 'CallActivity_ActionTracking#multiInstanceBody', 'multiInstanceBody', 'early-intervention-pathway', c.t5,
   c.t5 + c.d_actions),
  (12, 'CallActivity_ActionTracking', 'callActivity', 'early-intervention-pathway', c.t5, c.t5 + c.d_actions),
  (13, 'CallActivity_ActionTracking', 'callActivity', 'early-intervention-pathway', c.t5, c.t5 + c.d_actions / 2),
  (14, 'CallActivity_ActionTracking', 'callActivity', 'early-intervention-pathway', c.t5, c.t5 + c.d_actions / 3),
  (15, 'Task_ReviewCase', 'userTask', 'early-intervention-pathway', c.t5 + c.d_actions + 10,
   c.t5 + c.d_actions + 58),
  (16, 'EndEvent_CaseClosed', 'noneEndEvent', 'early-intervention-pathway', c.t5 + c.d_actions + 58,
   c.t5 + c.d_actions + 58),
  (17, 'Task_CheckConsent', 'userTask', 'consent-check', c.t1, c.t2),
  (18, 'EndEvent_ConsentChecked', 'noneEndEvent', 'consent-check', c.t2, c.t2),
  (19, 'Task_SendRequest', 'serviceTask', 'information-sharing', c.t2, c.t2),
  (20, 'ReceiveTask_PartnerResponse', 'receiveTask', 'information-sharing', c.t2, c.t3)
) AS v(n, act, typ, def_key, s, e);

INSERT INTO act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_, execution_id_,
    act_id_, act_type_, start_time_, end_time_, duration_, act_inst_state_, sequence_counter_)
SELECT 'bench-' || g || '-' || n, def_key, def_key || ':1:bench', 'bench-' || g,
       CASE WHEN def_key = 'early-intervention-pathway' THEN 'bench-' || g ELSE 'bench-' || g || '-' || def_key END,
       'bench-' || g || '-x' || n, act, typ, started,
       CASE WHEN ended <= localtimestamp THEN ended END,
       CASE WHEN ended <= localtimestamp THEN (EXTRACT(EPOCH FROM (ended - started)) * 1000)::bigint END,
       CASE WHEN ended <= localtimestamp THEN 1 ELSE 0 END, n
FROM bench_activity
WHERE started <= localtimestamp;

INSERT INTO act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
    duration_, state_, root_proc_inst_id_)
SELECT 'bench-' || g, 'bench-' || g, 'BENCH-' || g, 'early-intervention-pathway', 'early-intervention-pathway:1:bench',
       t0, CASE WHEN ended <= localtimestamp THEN ended END,
       CASE WHEN ended <= localtimestamp THEN (EXTRACT(EPOCH FROM (ended - t0)) * 1000)::bigint END,
       CASE WHEN ended <= localtimestamp THEN 'COMPLETED' ELSE 'ACTIVE' END, 'bench-' || g
FROM bench_activity WHERE n = 16;

ANALYZE act_hi_actinst;
ANALYZE act_hi_procinst;
SELECT (SELECT count(*) FROM act_hi_actinst) AS activity_instances,
       (SELECT count(*) FROM act_hi_procinst WHERE end_time_ IS NULL) AS running_cases;
