package org.partnershippathways.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnershippathways.sandbox.ReceivedRequests;
import org.partnershippathways.sandbox.ReceivedRequests.Received;

/**
 * What the run reads to judge itself: the database the nodes share (read only, a new connection each time, as the
 * server may be restarting) and what the partners received (the partner sandbox, which counts every request it
 * receives again with the same idempotency key).
 */
final class RunObservations {

  /** An incident of the engine: when it was raised, and whether it has been resolved. */
  record Incident(String type, String activity, Instant raisedAt, boolean open, boolean resolved) {
  }

  /** What partners received for some cases, against what the application audited as disclosed to them. */
  record Disclosures(int requestsReceived, int duplicateRequests, List<String> duplicates, int resentSameKey,
      int disclosuresAudited, List<String> receivedWithoutAudit, List<String> auditedNotReceived) {
  }

  private final String url;
  private final ReceivedRequests received;

  RunObservations(String url, ReceivedRequests received) {
    this.url = url;
    this.received = received;
  }

  /** Status of each case ({@code pathway_case.status}) by case id; cases without a row are missing. */
  Map<String, String> caseStatuses(Collection<String> caseIds) {
    Map<String, String> statuses = new HashMap<>();
    query("select id, status from pathway_case", row -> {
      if (caseIds.contains(row.getString(1))) {
        statuses.put(row.getString(1), row.getString(2));
      }
    });
    return statuses;
  }

  /** How many cases each person of the run has (more than one: a concern became two cases). */
  Map<String, Integer> casesPerPerson(String familyNamePrefix) {
    Map<String, Integer> counts = new HashMap<>();
    query("select person_family_name from pathway_case where person_family_name like '" + familyNamePrefix + "%'",
        row -> counts.merge(row.getString(1), 1, Integer::sum));
    return counts;
  }

  /** References of the pathway instances still running (business keys of the pathway's root instances). */
  Set<String> runningPathways() {
    Set<String> running = new HashSet<>();
    query("select e.business_key_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
        + " where e.parent_id_ is null and d.key_ = 'early-intervention-pathway'", row -> running.add(row.getString(1)));
    return running;
  }

  /** References of the pathway instances that ended, with the end event each ended at. */
  Map<String, String> endedPathways() {
    Map<String, String> ended = new HashMap<>();
    query("select business_key_, end_act_id_ from act_hi_procinst where proc_def_key_ = 'early-intervention-pathway'"
        + " and end_time_ is not null", row -> ended.put(row.getString(1), row.getString(2)));
    return ended;
  }

  /** Where a case's processes wait: unfinished activities, and the error of a job that failed. */
  String whereWaiting(String reference) {
    List<String> where = new ArrayList<>();
    query("select a.proc_def_key_ || ':' || a.act_id_ from act_hi_actinst a join act_hi_procinst p"
        + " on p.proc_inst_id_ = a.proc_inst_id_ where p.business_key_ = '" + reference.replace("'", "")
        + "' and a.end_time_ is null order by a.start_time_", row -> where.add(row.getString(1)));
    query("select j.exception_msg_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_"
        + " where e.business_key_ = '" + reference.replace("'", "") + "' and j.exception_msg_ is not null",
        row -> where.add("failed job: " + row.getString(1)));
    return String.join(", ", where);
  }

  List<Incident> incidents() {
    List<Incident> incidents = new ArrayList<>();
    query("select incident_type_, activity_id_, create_time_, incident_state_ from act_hi_incident", row ->
        incidents.add(new Incident(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
            row.getInt(4) == 0, row.getInt(4) == 2)));
    return incidents;
  }

  /** Jobs that failed and wait for their next try, and open incidents: work a fault left behind. */
  int failedWorkLeft() {
    int[] count = {0};
    query("select (select count(*) from act_ru_job where exception_stack_id_ is not null)"
        + " + (select count(*) from act_ru_incident)", row -> count[0] = row.getInt(1));
    return count[0];
  }

  /** Jobs locked now, with the time their lock ends: what a killed node held. */
  Map<String, Instant> lockedJobs() {
    Map<String, Instant> locked = new HashMap<>();
    query("select id_, lock_exp_time_ from act_ru_job where lock_exp_time_ is not null and lock_owner_ is not null",
        row -> locked.put(row.getString(1), row.getTimestamp(2).toInstant()));
    return locked;
  }

  /** Of the jobs locked at a moment, those still locked by that same lock (nobody has taken them over). */
  int stillHeld(Map<String, Instant> lockedThen) {
    Map<String, Instant> now = lockedJobs();
    Set<String> remaining = new HashSet<>();
    query("select id_ from act_ru_job", row -> remaining.add(row.getString(1)));
    return (int) lockedThen.entrySet().stream()
        .filter(job -> remaining.contains(job.getKey()))
        .filter(job -> job.getValue().equals(now.get(job.getKey())))
        .count();
  }

  /**
   * For some cases: requests the partners received (one per agency and idempotency key), duplicates (a case
   * asked the same agency for the same thing under two keys: the partner would act twice), requests received again
   * with the same key (recognised by the partner as one), and how they match the disclosure audit.
   */
  Disclosures disclosures(Set<String> caseIds) {
    List<Received> ofCases = received.all().stream().filter(r -> caseIds.contains(r.caseId())).toList();
    Map<String, Set<String>> keysPerRequest = new HashMap<>();
    int resent = 0;
    for (Received request : ofCases) {
      keysPerRequest.computeIfAbsent(request.caseId() + " " + request.agency() + " " + request.requestType(),
          key -> new HashSet<>()).add(request.idempotencyKey());
      resent += request.timesReceived() - 1;
    }
    List<String> duplicates = keysPerRequest.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
        .map(entry -> entry.getKey() + " under " + entry.getValue().size() + " keys").sorted().toList();
    int duplicateCount = keysPerRequest.values().stream().mapToInt(keys -> keys.size() - 1).sum();

    Set<String> audited = new HashSet<>();
    query("select case_id, agency, idempotency_key from disclosure_audit", row -> {
      if (caseIds.contains(row.getString(1))) {
        audited.add(row.getString(2) + "|" + row.getString(3));
      }
    });
    Set<String> receivedKeys = new HashSet<>();
    ofCases.forEach(r -> receivedKeys.add(r.agency() + "|" + r.idempotencyKey()));
    List<String> withoutAudit = receivedKeys.stream().filter(key -> !audited.contains(key)).sorted().toList();
    List<String> notReceived = audited.stream().filter(key -> !receivedKeys.contains(key)).sorted().toList();
    return new Disclosures(ofCases.size(), duplicateCount, duplicates, resent, audited.size(), withoutAudit,
        notReceived);
  }

  /** Runs a query, trying again for up to two minutes while the database does not answer. */
  private void query(String sql, RowReader reader) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      try (Connection connection = DriverManager.getConnection(url, "postgres", "");
          PreparedStatement statement = connection.prepareStatement(sql);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
        return;
      } catch (SQLException notAnswering) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the run's database did not answer: " + notAnswering.getMessage(),
              notAnswering);
        }
        PathwayClient.sleep(Duration.ofSeconds(1));
      }
    }
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }
}
