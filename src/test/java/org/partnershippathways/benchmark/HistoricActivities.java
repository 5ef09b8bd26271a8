package org.partnershippathways.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * (d) History of many past cases, written straight into the engine's history tables with
 * {@code insert ... select generate_series} (starting that many real cases would take hours): cases started over
 * the last 26 weeks, each passing through the pathway's stages (docs/architecture.md) with the activity ids of
 * the models, the consent check and information sharing as called instances of their own, and two actions in
 * {@code pathway_action}. Recent cases are still open: an activity not finished by now has no end time, and
 * nothing after it has started. Durations vary per case (x 0.5 to 1.5).
 *
 * <p>The cases belong to partnerships in turn (case n to the n-th, modulo their number): every history row carries
 * its case's partnership as {@code TENANT_ID_}, as the engine writes it for an instance of a tenant, and each case
 * has its row in {@code pathway_case} with that {@code partnership_id}, so that the timings count a manager's
 * partnerships' actions as in production.
 */
final class HistoricActivities {

  static final String PATHWAY = "early-intervention-pathway";
  static final String CONSENT = "consent-check";
  static final String SHARING = "information-sharing";
  static final int WEEKS = 26;

  /** One activity instance of a case: when it starts and how long it takes, in hours from the case's start. */
  private record Step(String processKey, String activityId, String type, double startHours, double hours) {
  }

  private static final List<Step> CASE = List.of(
      new Step(PATHWAY, "StartEvent_ConcernRaised", "startEvent", 0, 0),
      new Step(PATHWAY, "ServiceTask_RegisterConcern", "serviceTask", 0, 0),
      new Step(PATHWAY, "Gateway_JoinedExistingCase", "exclusiveGateway", 0, 0),
      new Step(PATHWAY, "BusinessRuleTask_TriageRisk", "businessRuleTask", 0, 0),
      new Step(PATHWAY, "Task_ConfirmTriage", "userTask", 0, 20),
      new Step(PATHWAY, "Gateway_ImmediateRisk", "exclusiveGateway", 20, 0),
      new Step(PATHWAY, "Gateway_ConsentCheckJoin", "exclusiveGateway", 20, 0),
      new Step(PATHWAY, "CallActivity_ConsentCheck", "callActivity", 20, 40),
      new Step(CONSENT, "StartEvent_ConsentToCheck", "startEvent", 20, 0),
      new Step(CONSENT, "Task_RecordConsent", "userTask", 20, 40),
      new Step(CONSENT, "Gateway_ConsentGiven", "exclusiveGateway", 60, 0),
      new Step(CONSENT, "EndEvent_SharingWithConsent", "noneEndEvent", 60, 0),
      new Step(PATHWAY, "Gateway_SharingPermitted", "exclusiveGateway", 60, 0),
      new Step(PATHWAY, "CallActivity_InformationSharing", "callActivity", 60, 100),
      new Step(SHARING, "StartEvent_InformationNeeded", "startEvent", 60, 0),
      new Step(SHARING, "BusinessRuleTask_ChooseAgencies", "businessRuleTask", 60, 0),
      new Step(SHARING, "SubProcess_AskPartner#multiInstanceBody", "multiInstanceBody", 60, 100),
      new Step(SHARING, "SubProcess_AskPartner", "subProcess", 60, 100),
      new Step(SHARING, "StartEvent_AskAgency", "startEvent", 60, 0),
      new Step(SHARING, "ServiceTask_SendInformationRequest", "serviceTask", 60, 0.01),
      new Step(SHARING, "Gateway_AwaitResponse", "eventBasedGateway", 60, 0),
      new Step(SHARING, "IntermediateCatchEvent_ResponseReceived", "intermediateMessageCatch", 60, 100),
      new Step(SHARING, "EndEvent_AgencyAnswered", "noneEndEvent", 160, 0),
      new Step(SHARING, "SubProcess_AskPartner", "subProcess", 60, 70),
      new Step(SHARING, "StartEvent_AskAgency", "startEvent", 60, 0),
      new Step(SHARING, "ServiceTask_SendInformationRequest", "serviceTask", 60, 0.01),
      new Step(SHARING, "Gateway_AwaitResponse", "eventBasedGateway", 60, 0),
      new Step(SHARING, "IntermediateCatchEvent_ResponseReceived", "intermediateMessageCatch", 60, 70),
      new Step(SHARING, "EndEvent_AgencyAnswered", "noneEndEvent", 130, 0),
      new Step(SHARING, "ServiceTask_SummariseResponses", "serviceTask", 160, 0),
      new Step(SHARING, "EndEvent_InformationGathered", "noneEndEvent", 160, 0),
      new Step(PATHWAY, "Task_ReviewGatheredInformation", "userTask", 160, 24),
      new Step(PATHWAY, "Gateway_MeetingRoundJoin", "exclusiveGateway", 184, 0),
      new Step(PATHWAY, "CallActivity_MultiAgencyMeeting", "callActivity", 184, 200),
      new Step(PATHWAY, "BusinessRuleTask_DecideReviewInterval", "businessRuleTask", 384, 0),
      new Step(PATHWAY, "Gateway_ActionPlanJoin", "exclusiveGateway", 384, 0),
      new Step(PATHWAY, "SubProcess_ActionPlan", "subProcess", 384, 480),
      new Step(PATHWAY, "StartEvent_ActionPlanStarted", "startEvent", 384, 0),
      new Step(PATHWAY, "CallActivity_ActionTracking#multiInstanceBody", "multiInstanceBody", 384, 480),
      new Step(PATHWAY, "CallActivity_ActionTracking", "callActivity", 384, 300),
      new Step(PATHWAY, "CallActivity_ActionTracking", "callActivity", 384, 480),
      new Step(PATHWAY, "EndEvent_ActionsCompleted", "noneEndEvent", 864, 0),
      new Step(PATHWAY, "Gateway_ReviewJoin", "exclusiveGateway", 864, 0),
      new Step(PATHWAY, "Task_ReviewCase", "userTask", 864, 30),
      new Step(PATHWAY, "Gateway_ReviewOutcome", "exclusiveGateway", 894, 0),
      new Step(PATHWAY, "ServiceTask_RecordClosure", "serviceTask", 894, 0),
      new Step(PATHWAY, "Gateway_ReferrerIsPartner", "exclusiveGateway", 894, 0),
      new Step(PATHWAY, "ServiceTask_NotifyReferrer", "serviceTask", 894, 0.01),
      new Step(PATHWAY, "Gateway_ClosureNotified", "exclusiveGateway", 894, 0),
      new Step(PATHWAY, "EndEvent_CaseClosed", "noneEndEvent", 894, 0));

  private static final double ACTIONS_AGREED_HOURS = 384;
  private static final double ACTIONS_DONE_HOURS = 864;

  record Generated(long activityInstances, long processInstances, long cases, long openCases, long actions,
      long activityInstancesOfTheFirstPartnership) {
  }

  private final DataSource dataSource;

  HistoricActivities(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Inserts {@code activityInstances} historic activity instances (and their process instances, cases and actions),
   * spread over {@code partnerships}.
   */
  Generated generate(int activityInstances, List<String> partnerships) throws SQLException {
    // a tenth more cases than a full case would need: the open ones have fewer activity instances
    int cases = (int) Math.ceil(activityInstances * 1.15 / CASE.size());
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      connection.setAutoCommit(false);
      sql.execute("create temporary table benchmark_case on commit drop as select n,"
          + " localtimestamp - random() * interval '" + WEEKS * 7 + " days' as started, 0.5 + random() as f,"
          + " (" + arrayOf(partnerships) + ")[1 + n % " + partnerships.size() + "] as partnership"
          + " from generate_series(1, " + cases + ") n");
      sql.execute("create temporary table benchmark_step (ord int, proc_key varchar(64), proc_def_id varchar(64),"
          + " act_id varchar(255), act_type varchar(64), start_h double precision, dur_h double precision)"
          + " on commit drop");
      sql.execute("insert into benchmark_step values " + stepValues(connection));
      sql.executeUpdate("insert into act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_,"
          + " proc_inst_id_, execution_id_, act_id_, act_name_, act_type_, start_time_, end_time_, duration_,"
          + " act_inst_state_, sequence_counter_, tenant_id_)"
          + " select 'bm-' || c.n || '-' || s.ord, s.proc_key, s.proc_def_id, 'bmpi-' || c.n,"
          + "   " + instanceId("s", "c") + ", " + instanceId("s", "c") + ", s.act_id, s.act_id, s.act_type,"
          + "   c.started + s.start_h * c.f * interval '1 hour',"
          + "   case when c.started + (s.start_h + s.dur_h) * c.f * interval '1 hour' <= localtimestamp"
          + "     then c.started + (s.start_h + s.dur_h) * c.f * interval '1 hour' end,"
          + "   case when c.started + (s.start_h + s.dur_h) * c.f * interval '1 hour' <= localtimestamp"
          + "     then round(s.dur_h * c.f * 3600000)::bigint end,"
          + "   case when c.started + (s.start_h + s.dur_h) * c.f * interval '1 hour' <= localtimestamp"
          + "     then 1 else 0 end, s.ord, c.partnership"
          + " from benchmark_case c cross join benchmark_step s"
          + " where c.started + s.start_h * c.f * interval '1 hour' <= localtimestamp"
          + " order by c.n, s.ord limit " + activityInstances);
      sql.executeUpdate("insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_,"
          + " proc_def_id_, start_time_, end_time_, duration_, start_act_id_, end_act_id_,"
          + " super_process_instance_id_, root_proc_inst_id_, state_, tenant_id_)"
          + " select a.proc_inst_id_, a.proc_inst_id_, 'BM-H-' || substr(a.root_proc_inst_id_, 6),"
          + "   a.proc_def_key_, min(a.proc_def_id_), min(a.start_time_),"
          + "   case when count(a.end_time_) = count(*) then max(a.end_time_) end,"
          + "   case when count(a.end_time_) = count(*) then"
          + "     (extract(epoch from max(a.end_time_) - min(a.start_time_)) * 1000)::bigint end,"
          + "   " + byKey("StartEvent_ConcernRaised", "StartEvent_ConsentToCheck", "StartEvent_InformationNeeded") + ","
          + "   case when count(a.end_time_) = count(*) then "
          + byKey("EndEvent_CaseClosed", "EndEvent_SharingWithConsent", "EndEvent_InformationGathered") + " end,"
          + "   case when a.proc_inst_id_ <> a.root_proc_inst_id_ then a.root_proc_inst_id_ end,"
          + "   a.root_proc_inst_id_,"
          + "   case when count(a.end_time_) = count(*) then 'COMPLETED' else 'ACTIVE' end, a.tenant_id_"
          + " from act_hi_actinst a where a.id_ like 'bm-%'"
          + " group by a.proc_inst_id_, a.root_proc_inst_id_, a.proc_def_key_, a.tenant_id_");
      // the case rows the actions belong to, with what intake writes (not null) and the case's partnership
      sql.executeUpdate("insert into pathway_case (id, reference, process_instance_id, status, person_given_name,"
          + " person_family_name, person_date_of_birth, person_child, risk_rating, referrer_name, referrer_agency,"
          + " referrer_contact, created_at, closed_at, partnership_id)"
          + " select 'bm-case-' || c.n, 'BM-H-' || c.n, p.id_,"
          + "   case when p.end_time_ is null then 'OPEN' else 'CLOSED' end, 'Benchmark', 'History-' || c.n,"
          + "   date '1980-01-01' + c.n % 15000, c.n % 4 = 0, (array['GREEN','AMBER','RED'])[1 + c.n % 3],"
          + "   'Benchmark referrer', 'police', 'referrer@pathways.invalid', p.start_time_, p.end_time_,"
          + "   c.partnership"
          + " from benchmark_case c join act_hi_procinst p on p.id_ = 'bmpi-' || c.n");
      sql.executeUpdate("insert into pathway_action (id, case_id, description, owning_agency, priority, due_date,"
          + " status, outcome_reason, escalation_level, process_instance_id, created_at, created_by, closed_at,"
          + " closed_by)"
          + " select 'bm-act-' || c.n || '-' || k, 'bm-case-' || c.n, 'Benchmark action ' || k,"
          + "   (array['police','health','social-care','voluntary'])[1 + (c.n + k) % 4],"
          + "   case when k = 1 then 'HIGH' else 'MEDIUM' end,"
          + "   (c.started + (" + ACTIONS_AGREED_HOURS + " + 24 * 10 * k) * c.f * interval '1 hour')::date,"
          + "   " + actionsDone() + " then 'DONE' else 'OPEN' end,"
          + "   " + actionsDone() + " then 'Done as agreed.' end,"
          + "   case when not (" + actionsDoneCondition() + ")"
          + "     and (c.started + (" + ACTIONS_AGREED_HOURS + " + 24 * 10 * k) * c.f * interval '1 hour')::date"
          + "       < current_date then c.n % 3 else 0 end,"
          + "   'bmpi-' || c.n || '-action-' || k,"
          + "   c.started + " + ACTIONS_AGREED_HOURS + " * c.f * interval '1 hour', 'benchmark.coordinators',"
          + "   " + actionsDone() + " then c.started + " + ACTIONS_DONE_HOURS + " * c.f * interval '1 hour' end,"
          + "   " + actionsDone() + " then 'benchmark.police' end"
          + " from benchmark_case c cross join generate_series(1, 2) k"
          + " where c.started + " + ACTIONS_AGREED_HOURS + " * c.f * interval '1 hour' <= localtimestamp"
          + " and exists (select 1 from act_hi_procinst p where p.id_ = 'bmpi-' || c.n)");
      connection.commit();
      // as autovacuum would have done over the weeks: statistics, and the visibility map index-only scans need
      connection.setAutoCommit(true);
      sql.execute("vacuum analyze act_hi_actinst");
      sql.execute("vacuum analyze act_hi_procinst");
      sql.execute("vacuum analyze pathway_action");
      sql.execute("vacuum analyze pathway_case");
      return counts(sql, partnerships.get(0));
    }
  }

  private static String instanceId(String step, String aCase) {
    return "case when " + step + ".proc_key = '" + PATHWAY + "' then 'bmpi-' || " + aCase + ".n"
        + " else 'bmpi-' || " + aCase + ".n || '-' || " + step + ".proc_key end";
  }

  /** An activity id per process key of the history row {@code a}: the pathway, consent check, sharing. */
  private static String byKey(String pathway, String consent, String sharing) {
    return "case a.proc_def_key_ when '" + PATHWAY + "' then '" + pathway + "' when '" + CONSENT + "' then '"
        + consent + "' else '" + sharing + "' end";
  }

  private static String actionsDoneCondition() {
    return "c.started + " + ACTIONS_DONE_HOURS + " * c.f * interval '1 hour' <= localtimestamp";
  }

  private static String actionsDone() {
    return "case when " + actionsDoneCondition();
  }

  private static String stepValues(Connection connection) throws SQLException {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < CASE.size(); i++) {
      Step step = CASE.get(i);
      values.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%d, '%s', '%s', '%s', '%s', %s, %s)",
          i + 1, step.processKey(), latestDefinitionId(connection, step.processKey()), step.activityId(),
          step.type(), step.startHours(), step.hours()));
    }
    return values.toString();
  }

  private static String latestDefinitionId(Connection connection, String key) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select id_ from act_re_procdef where key_ = ? order by version_ desc limit 1")) {
      query.setString(1, key);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          throw new IllegalStateException("process " + key + " is not deployed");
        }
        return result.getString(1);
      }
    }
  }

  private static String arrayOf(List<String> values) {
    StringBuilder array = new StringBuilder("array[");
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("partnership id not usable in SQL: " + values.get(i));
      }
      array.append(i == 0 ? "'" : ", '").append(values.get(i)).append("'");
    }
    return array.append("]::varchar[]").toString();
  }

  private static Generated counts(Statement sql, String firstPartnership) throws SQLException {
    return new Generated(count(sql, "select count(*) from act_hi_actinst where id_ like 'bm-%'"),
        count(sql, "select count(*) from act_hi_procinst where id_ like 'bmpi-%'"),
        count(sql, "select count(*) from act_hi_procinst where id_ like 'bmpi-%' and proc_def_key_ = '"
            + PATHWAY + "'"),
        count(sql, "select count(*) from act_hi_procinst where id_ like 'bmpi-%' and proc_def_key_ = '"
            + PATHWAY + "' and end_time_ is null"),
        count(sql, "select count(*) from pathway_action where id like 'bm-act-%'"),
        count(sql, "select count(*) from act_hi_actinst where id_ like 'bm-%' and tenant_id_ = '"
            + firstPartnership + "'"));
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }
}
