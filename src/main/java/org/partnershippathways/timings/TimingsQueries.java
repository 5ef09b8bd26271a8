package org.partnershippathways.timings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SQL over the engine's history tables and our action table. Counting happens in the database; the open stages of
 * running cases (bounded by the cases in flight) and the stages and cases completed in the period come back row by
 * row, to be measured in working days.
 * Engine timestamps are in the JVM's time zone, as the engine writes them.
 */
@Component
class TimingsQueries {

  /** ACT_INST_STATE_ of an activity instance that was cancelled rather than completed. */
  private static final String NOT_CANCELLED = "(%1$s.ACT_INST_STATE_ IS NULL OR %1$s.ACT_INST_STATE_ <> 2)";

  /** When a stage (or a case) began and ended. */
  record Span(Instant startedAt, Instant endedAt) {
  }

  /** A case in a stage now: since when. */
  record OpenStage(String processInstanceId, Instant startedAt) {
  }

  /** A date variable of a running case: {@code type} is the engine's variable type (date, string, ...). */
  record CaseVariable(String processInstanceId, String type, Long longValue, String textValue) {
  }

  record AgencyActions(String agency, int overdue, int escalatedToAgencyManagers, int escalatedToPathwayManagers) {
  }

  record WeekCount(long weekIndex, int count) {
  }

  /** A case closed in the week {@code weekIndex}. */
  record ClosedCase(long weekIndex, Span span) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final SqlDialect dialect;
  /** The partnerships counted; null: every partnership (the metrics, the process owners' forecast). */
  private final List<String> partnerships;

  @org.springframework.beans.factory.annotation.Autowired
  TimingsQueries(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
    this(jdbc, SqlDialect.of(dataSource), null);
  }

  private TimingsQueries(NamedParameterJdbcTemplate jdbc, SqlDialect dialect, List<String> partnerships) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.partnerships = partnerships;
  }

  /** The same queries over the cases of these partnerships only (a manager's). */
  TimingsQueries of(List<String> partnerships) {
    return new TimingsQueries(jdbc, dialect, partnerships.isEmpty() ? List.of("") : List.copyOf(partnerships));
  }

  /** An engine history or runtime row ({@code alias}) of the partnerships. */
  private String engineRowsOfThePartnerships(String alias) {
    return partnerships == null ? "" : " AND " + alias + ".TENANT_ID_ IN (:partnerships)";
  }

  /** A row of ours whose case ({@code caseColumn}) is of the partnerships. */
  private String casesOfThePartnerships(String caseColumn) {
    return partnerships == null ? ""
        : " AND " + caseColumn + " IN (SELECT c.id FROM pathway_case c WHERE c.partnership_id IN (:partnerships))";
  }

  private MapSqlParameterSource withPartnerships(MapSqlParameterSource params) {
    return partnerships == null ? params : params.addValue("partnerships", partnerships);
  }

  /**
   * Passes through the stage that ended in [from, to): when each began and ended. Their durations are measured in
   * working days (bank holidays are in the application's calendar, not in the database), so the rows come back:
   * as many as passes completed in the period.
   */
  List<Span> completions(TimingStage stage, LocalDate from, LocalDate toInclusive) {
    MapSqlParameterSource params = stageParams(stage).addValue("from", startOf(from))
        .addValue("to", startOf(toInclusive.plusDays(1)));
    String sql;
    if (stage.isSingleActivity()) {
      sql = "SELECT e.START_TIME_ AS started_at, e.END_TIME_ AS ended_at FROM ACT_HI_ACTINST e"
          + " WHERE e.PROC_DEF_KEY_ IN (:keys) AND e.ACT_ID_ = :endActivity" + engineRowsOfThePartnerships("e")
          + " AND e.END_TIME_ >= :from AND e.END_TIME_ < :to AND " + NOT_CANCELLED.formatted("e");
    } else {
      // Only the first completion of the stage in a case counts. Both the first completions and the stage's starts are
      // read once each (index-only, IX_PP_HI_ACTINST_KEY_ACT_END) and hash-joined by case: a look-up per case would
      // cost one index probe per completion in the period.
      String firstCompletions = "SELECT e.PROC_INST_ID_, MIN(e.END_TIME_) AS ended_at FROM ACT_HI_ACTINST e"
          + " WHERE e.PROC_DEF_KEY_ IN (:keys) AND e.ACT_ID_ = :endActivity" + engineRowsOfThePartnerships("e")
          + " AND e.END_TIME_ < :to AND " + NOT_CANCELLED.formatted("e")
          + " GROUP BY e.PROC_INST_ID_ HAVING MIN(e.END_TIME_) >= :from";
      String starts = stage.startsWithTheCase()
          ? "SELECT p.PROC_INST_ID_, p.START_TIME_ AS started_at FROM ACT_HI_PROCINST p"
              + " WHERE p.PROC_DEF_KEY_ IN (:keys)" + engineRowsOfThePartnerships("p")
          : "SELECT s.PROC_INST_ID_, MIN(s.START_TIME_) AS started_at FROM ACT_HI_ACTINST s"
              + " WHERE s.PROC_DEF_KEY_ IN (:keys) AND s.ACT_ID_ = :startActivity" + engineRowsOfThePartnerships("s")
              + " AND s.START_TIME_ < :to GROUP BY s.PROC_INST_ID_";
      sql = "SELECT st.started_at, f.ended_at FROM (" + firstCompletions + ") f JOIN (" + starts + ") st"
          + " ON st.PROC_INST_ID_ = f.PROC_INST_ID_ WHERE st.started_at IS NOT NULL";
    }
    return jdbc.query(sql, withPartnerships(params), (rs, row) -> span(rs));
  }

  /** The running cases in the stage now, with the moment each entered it. */
  List<OpenStage> openStages(TimingStage stage) {
    MapSqlParameterSource params = stageParams(stage);
    String sql;
    if (stage.isSingleActivity()) {
      sql = "SELECT a.PROC_INST_ID_ AS pid, MIN(a.START_TIME_) AS started_at FROM ACT_HI_ACTINST a"
          + " WHERE a.PROC_DEF_KEY_ IN (:keys) AND a.ACT_ID_ = :endActivity AND a.END_TIME_ IS NULL"
          + engineRowsOfThePartnerships("a") + " GROUP BY a.PROC_INST_ID_";
    } else {
      String startedAt = stage.startsWithTheCase() ? "p.START_TIME_" : firstStartOfStage("p");
      sql = "SELECT o.pid, o.started_at FROM ("
          + "SELECT p.PROC_INST_ID_ AS pid, " + startedAt + " AS started_at FROM ACT_HI_PROCINST p"
          + " WHERE p.PROC_DEF_KEY_ IN (:keys) AND p.END_TIME_ IS NULL" + engineRowsOfThePartnerships("p")
          + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_ACTINST e WHERE e.PROC_INST_ID_ = p.PROC_INST_ID_"
          + " AND e.ACT_ID_ = :endActivity AND e.END_TIME_ IS NOT NULL AND " + NOT_CANCELLED.formatted("e") + ")"
          + ") o WHERE o.started_at IS NOT NULL";
    }
    return jdbc.query(sql, withPartnerships(params),
        (rs, row) -> new OpenStage(rs.getString("pid"), rs.getTimestamp("started_at").toInstant()));
  }

  /** A process-level variable of every running instance of the given processes. */
  List<CaseVariable> runningCaseVariables(List<String> processKeys, String variableName) {
    String sql = "SELECT v.PROC_INST_ID_ AS pid, v.TYPE_ AS type, v.LONG_ AS long_value, v.TEXT_ AS text_value"
        + " FROM ACT_RU_VARIABLE v WHERE v.NAME_ = :name AND v.EXECUTION_ID_ = v.PROC_INST_ID_"
        + " AND v.PROC_INST_ID_ IN (SELECT p.PROC_INST_ID_ FROM ACT_HI_PROCINST p"
        + " WHERE p.PROC_DEF_KEY_ IN (:keys) AND p.END_TIME_ IS NULL" + engineRowsOfThePartnerships("p") + ")";
    MapSqlParameterSource params = new MapSqlParameterSource("name", variableName).addValue("keys", processKeys);
    return jdbc.query(sql, withPartnerships(params), (rs, row) -> new CaseVariable(rs.getString("pid"), rs.getString("type"),
        rs.getObject("long_value") == null ? null : rs.getLong("long_value"), rs.getString("text_value")));
  }

  record LateMeetingRow(String caseReference, int round, LocalDate dueDate, Instant scheduledFor, String reason,
      String scheduledBy) {
  }

  /** Meetings scheduled in [from, to) for after their due date (they carry the coordinator's reason). */
  List<LateMeetingRow> meetingsScheduledLate(Instant from, Instant to) {
    String sql = "SELECT p.BUSINESS_KEY_ AS reference, m.round, m.due_date, m.scheduled_for, m.late_reason,"
        + " m.scheduled_by FROM pathway_meeting m LEFT JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = m.process_instance_id"
        + " WHERE m.late_reason IS NOT NULL AND m.due_date IS NOT NULL AND m.created_at >= :from AND m.created_at < :to"
        + casesOfThePartnerships("m.case_id") + " ORDER BY m.created_at";
    return jdbc.query(sql, withPartnerships(new MapSqlParameterSource("from", Timestamp.from(from))
            .addValue("to", Timestamp.from(to))),
        (rs, row) -> new LateMeetingRow(rs.getString("reference"), rs.getInt("round"),
            rs.getObject("due_date", LocalDate.class), rs.getTimestamp("scheduled_for").toInstant(),
            rs.getString("late_reason"), rs.getString("scheduled_by")));
  }

  /** Open actions past their due date, and open escalated actions, per owning agency. */
  List<AgencyActions> overdueActions(LocalDate today) {
    String sql = "SELECT owning_agency,"
        + " COUNT(*) AS overdue,"
        + " SUM(CASE WHEN escalation_level = 1 THEN 1 ELSE 0 END) AS level1,"
        + " SUM(CASE WHEN escalation_level >= 2 THEN 1 ELSE 0 END) AS level2"
        + " FROM pathway_action WHERE status = 'OPEN' AND due_date < :today" + casesOfThePartnerships("case_id")
        + " GROUP BY owning_agency";
    return jdbc.query(sql, withPartnerships(new MapSqlParameterSource("today", today)), (rs, row) -> new AgencyActions(rs.getString("owning_agency"),
        rs.getInt("overdue"), rs.getInt("level1"), rs.getInt("level2")));
  }

  /** Open actions escalated to any level, per owning agency (overdue or not). */
  Map<String, Integer> escalatedOpenActions() {
    String sql = "SELECT owning_agency, COUNT(*) AS n FROM pathway_action"
        + " WHERE status = 'OPEN' AND escalation_level > 0" + casesOfThePartnerships("case_id")
        + " GROUP BY owning_agency";
    return jdbc.query(sql, withPartnerships(new MapSqlParameterSource()), rs -> {
      Map<String, Integer> counts = new java.util.HashMap<>();
      while (rs.next()) {
        counts.put(rs.getString("owning_agency"), rs.getInt("n"));
      }
      return counts;
    });
  }

  /** How many times each activity of the process was entered in [from, to), by when it began. */
  Map<String, Integer> activityEntries(String processKey, LocalDate from, LocalDate toInclusive) {
    String sql = "SELECT a.ACT_ID_ AS act, COUNT(*) AS n FROM ACT_HI_ACTINST a WHERE a.PROC_DEF_KEY_ IN (:keys)"
        + " AND a.START_TIME_ >= :from AND a.START_TIME_ < :to" + engineRowsOfThePartnerships("a") + " GROUP BY a.ACT_ID_";
    Map<String, Integer> entries = new java.util.HashMap<>();
    jdbc.query(sql, withPartnerships(periodParams(List.of(processKey), from, toInclusive)),
        rs -> {
          entries.put(rs.getString("act"), rs.getInt("n"));
        });
    return entries;
  }

  /** Cases started per week (weeks counted by {@link SqlDialect#weekIndex}). */
  List<WeekCount> casesStartedPerWeek(List<String> processKeys, LocalDate from, LocalDate toInclusive) {
    String sql = "SELECT w.wk, COUNT(*) AS n FROM (SELECT " + dialect.weekIndex("p.START_TIME_") + " AS wk"
        + " FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ IN (:keys)"
        + " AND p.START_TIME_ >= :from AND p.START_TIME_ < :to" + engineRowsOfThePartnerships("p") + ") w GROUP BY w.wk";
    return jdbc.query(sql, withPartnerships(periodParams(processKeys, from, toInclusive)),
        (rs, row) -> new WeekCount(rs.getLong("wk"), rs.getInt("n")));
  }

  /** The cases closed in the period, each with its week, start and end (deleted instances are not closed cases). */
  List<ClosedCase> casesClosed(List<String> processKeys, LocalDate from, LocalDate toInclusive) {
    String sql = "SELECT " + dialect.weekIndex("p.END_TIME_") + " AS wk, p.START_TIME_ AS started_at,"
        + " p.END_TIME_ AS ended_at FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ IN (:keys)"
        + " AND p.END_TIME_ >= :from AND p.END_TIME_ < :to"
        + " AND (p.STATE_ IS NULL OR p.STATE_ <> 'EXTERNALLY_TERMINATED')" + engineRowsOfThePartnerships("p");
    return jdbc.query(sql, withPartnerships(periodParams(processKeys, from, toInclusive)),
        (rs, row) -> new ClosedCase(rs.getLong("wk"), span(rs)));
  }

  private static Span span(ResultSet rs) throws SQLException {
    return new Span(rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("ended_at").toInstant());
  }

  private String firstStartOfStage(String alias) {
    return "(SELECT MIN(s.START_TIME_) FROM ACT_HI_ACTINST s WHERE s.PROC_INST_ID_ = " + alias + ".PROC_INST_ID_"
        + " AND s.ACT_ID_ = :startActivity)";
  }

  private static MapSqlParameterSource stageParams(TimingStage stage) {
    return new MapSqlParameterSource("keys", stage.processDefinitionKeys())
        .addValue("endActivity", stage.endActivityId())
        .addValue("startActivity", stage.startActivityId());
  }

  private static MapSqlParameterSource periodParams(List<String> keys, LocalDate from, LocalDate toInclusive) {
    return new MapSqlParameterSource("keys", keys).addValue("from", startOf(from))
        .addValue("to", startOf(toInclusive.plusDays(1)));
  }

  private static Timestamp startOf(LocalDate day) {
    return Timestamp.valueOf(LocalDateTime.of(day, java.time.LocalTime.MIDNIGHT));
  }
}
