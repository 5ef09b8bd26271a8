package org.partnershippathways.timings;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.Agency;
import org.partnershippathways.timings.TimingsQueries.CaseVariable;
import org.partnershippathways.timings.TimingsQueries.ClosedCase;
import org.partnershippathways.timings.TimingsQueries.OpenStage;
import org.partnershippathways.timings.TimingsQueries.Span;
import org.partnershippathways.timings.TimingsQueries.WeekCount;
import org.partnershippathways.timings.TimingsReport.AgencyOverdueActions;
import org.partnershippathways.timings.TimingsReport.StageFigures;
import org.partnershippathways.timings.TimingsReport.WeekTrend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Builds the managers' figures: stage durations (in working days of the calendar), cases past target, overdue actions,
 * the weekly trend.
 */
@Service
public class TimingsService {

  private static final LocalDate WEEK_ZERO = LocalDate.parse(SqlDialect.MONDAY);

  private final TimingsQueries queries;
  private final TimingsProperties properties;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  @Autowired
  TimingsService(TimingsQueries queries, TimingsProperties properties, WorkingDayCalendar calendar) {
    this(queries, properties, calendar, Clock.systemDefaultZone());
  }

  TimingsService(TimingsQueries queries, TimingsProperties properties, WorkingDayCalendar calendar, Clock clock) {
    this.queries = queries;
    this.properties = properties;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The same figures over the cases of these partnerships only: what a manager sees. */
  public TimingsService of(List<String> partnerships) {
    return new TimingsService(queries.of(partnerships), properties, calendar, clock);
  }

  /** The report for request parameters {@code from} and {@code to} (ISO dates, optional). */
  public TimingsReport report(String from, String to) {
    TimingsPeriod period = TimingsPeriod.parse(from, to, today(), properties.defaultWeeks());
    return report(period.from(), period.to());
  }

  /** One table of the report as CSV ({@code stages} by default, {@code overdue-actions}, {@code trend}). */
  public CsvExport csv(String from, String to, String table) {
    String name = table == null || table.isBlank() ? TimingsCsv.TABLES.get(0) : table;
    if (!TimingsCsv.TABLES.contains(name)) {
      throw new InvalidRequestException("table", "must be one of " + String.join(", ", TimingsCsv.TABLES));
    }
    TimingsReport report = report(from, to);
    return new CsvExport(TimingsCsv.write(report, name),
        "attachment; filename=\"pathway-timings-" + name + "-" + report.from() + "-" + report.to() + ".csv\"");
  }

  public record CsvExport(String body, String contentDisposition) {
  }

  public TimingsReport report(LocalDate from, LocalDate to) {
    Instant now = clock.instant();
    List<StageFigures> stages = new ArrayList<>();
    Set<String> casesPastTarget = new HashSet<>();
    DueDates dueDates = new DueDates();
    for (TimingStage stage : properties.stages()) {
      List<OpenStage> open = queries.openStages(stage);
      Set<String> pastTarget = pastTarget(stage, open, now, dueDates);
      casesPastTarget.addAll(pastTarget);
      List<Double> done = workingDays(queries.completions(stage, from, to));
      stages.add(new StageFigures(stage.name(), open.size(), pastTarget.size(), done.size(),
          oneDecimal(percentile(done, 0.5)), oneDecimal(percentile(done, 0.9))));
    }
    return new TimingsReport(from, to, now, stages, casesPastTarget.size(), overdueActions(), trend(from, to),
        meetingsScheduledLate(from, to));
  }

  private List<TimingsReport.LateMeeting> meetingsScheduledLate(LocalDate from, LocalDate to) {
    return queries.meetingsScheduledLate(from.atStartOfDay(calendar.zone()).toInstant(),
        to.plusDays(1).atStartOfDay(calendar.zone()).toInstant()).stream()
        .map(row -> {
          LocalDate day = LocalDate.ofInstant(row.scheduledFor(), calendar.zone());
          return new TimingsReport.LateMeeting(row.caseReference(), row.round(), row.dueDate(), day,
              calendar.workingDaysBetween(row.dueDate(), day), row.reason(), row.scheduledBy());
        })
        .toList();
  }

  /**
   * Now, per stage: cases in it and cases past its target; per agency: overdue and escalated open actions; and the
   * meetings scheduled after their due date in the default period (the page's, the last weeks up to today).
   */
  public LiveFigures liveFigures() {
    Instant now = clock.instant();
    Map<String, Integer> inProgress = new HashMap<>();
    Map<String, Integer> pastTarget = new HashMap<>();
    DueDates dueDates = new DueDates();
    for (TimingStage stage : properties.stages()) {
      List<OpenStage> open = queries.openStages(stage);
      inProgress.put(stage.name(), open.size());
      pastTarget.put(stage.name(), pastTarget(stage, open, now, dueDates).size());
    }
    Map<String, Integer> overdue = new HashMap<>();
    overdueActions().forEach(agency -> overdue.put(agency.agency(), agency.overdue()));
    Map<String, Integer> escalated = new HashMap<>(queries.escalatedOpenActions());
    allAgencies().forEach(agency -> escalated.putIfAbsent(agency, 0));
    TimingsPeriod period = TimingsPeriod.parse(null, null, today(), properties.defaultWeeks());
    int lateMeetings = queries.meetingsScheduledLate(period.from().atStartOfDay(calendar.zone()).toInstant(),
        period.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant()).size();
    return new LiveFigures(inProgress, pastTarget, overdue, escalated, lateMeetings);
  }

  public record LiveFigures(Map<String, Integer> inProgress, Map<String, Integer> pastTarget,
      Map<String, Integer> overdueActions, Map<String, Integer> escalatedActions, int meetingsScheduledLate) {
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(calendar.zone()));
  }

  /** The open cases whose stage target (working days from its start, or a due-date variable) has passed. */
  private Set<String> pastTarget(TimingStage stage, List<OpenStage> open, Instant now, DueDates dueDates) {
    if (!stage.hasTarget() || open.isEmpty()) {
      return Set.of();
    }
    Map<String, Instant> dueByVariable = stage.targetDateVariable() == null ? Map.of()
        : dueDates.of(stage.processDefinitionKeys(), stage.targetDateVariable());
    Set<String> late = new HashSet<>();
    for (OpenStage entry : open) {
      Instant due = dueByVariable.get(entry.processInstanceId());
      if (stage.targetWorkingDays() != null) {
        Instant byWorkingDays = calendar.plusWorkingDays(Date.from(entry.startedAt()), stage.targetWorkingDays())
            .toInstant();
        due = due == null || byWorkingDays.isBefore(due) ? byWorkingDays : due;
      }
      if (due != null && due.isBefore(now)) {
        late.add(entry.processInstanceId());
      }
    }
    return late;
  }

  /** The due dates of one report, read once per variable however many stages have that target. */
  private final class DueDates {
    private final Map<List<Object>, Map<String, Instant>> read = new HashMap<>();

    Map<String, Instant> of(List<String> processKeys, String variable) {
      return read.computeIfAbsent(List.of(processKeys, variable), key -> dueDates(processKeys, variable));
    }
  }

  /** The moment each running case's due-date variable passes: the end of that day in the calendar's zone. */
  private Map<String, Instant> dueDates(List<String> processKeys, String variable) {
    Map<String, Instant> due = new HashMap<>();
    for (CaseVariable value : queries.runningCaseVariables(processKeys, variable)) {
      dueDay(value).ifPresent(day -> due.put(value.processInstanceId(),
          day.plusDays(1).atStartOfDay(calendar.zone()).toInstant()));
    }
    return due;
  }

  private Optional<LocalDate> dueDay(CaseVariable value) {
    ZoneId zone = calendar.zone();
    if ("date".equals(value.type()) && value.longValue() != null) {
      return Optional.of(Instant.ofEpochMilli(value.longValue()).atZone(zone).toLocalDate());
    }
    if (value.textValue() != null) {
      String text = value.textValue().strip();
      try {
        return Optional.of(text.length() == 10 ? LocalDate.parse(text)
            : java.time.OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Every agency, also those without overdue actions, then any other owning agency found in the table. */
  private List<AgencyOverdueActions> overdueActions() {
    Map<String, AgencyOverdueActions> byAgency = queries.overdueActions(today()).stream()
        .map(row -> new AgencyOverdueActions(row.agency(), row.overdue(), row.escalatedToAgencyManagers(),
            row.escalatedToPathwayManagers()))
        .collect(Collectors.toMap(AgencyOverdueActions::agency, Function.identity()));
    List<AgencyOverdueActions> result = new ArrayList<>();
    for (String agency : allAgencies()) {
      result.add(byAgency.getOrDefault(agency, new AgencyOverdueActions(agency, 0, 0, 0)));
    }
    byAgency.keySet().stream().filter(agency -> !allAgencies().contains(agency)).sorted()
        .forEach(agency -> result.add(byAgency.get(agency)));
    return result;
  }

  private static List<String> allAgencies() {
    return java.util.Arrays.stream(Agency.values()).map(Agency::groupId).toList();
  }

  private List<WeekTrend> trend(LocalDate from, LocalDate to) {
    Map<Long, WeekCount> started = byWeek(queries.casesStartedPerWeek(properties.caseProcessKeys(), from, to));
    Map<Long, List<Double>> closed = queries.casesClosed(properties.caseProcessKeys(), from, to).stream()
        .collect(Collectors.groupingBy(ClosedCase::weekIndex,
            Collectors.mapping(closedCase -> workingDays(closedCase.span()), Collectors.toList())));
    List<WeekTrend> weeks = new ArrayList<>();
    for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(to);
        monday = monday.plusWeeks(1)) {
      long index = ChronoUnit.WEEKS.between(WEEK_ZERO, monday);
      List<Double> closedThatWeek = closed.getOrDefault(index, List.of());
      weeks.add(new WeekTrend(isoWeek(monday), monday,
          Optional.ofNullable(started.get(index)).map(WeekCount::count).orElse(0),
          closedThatWeek.size(), oneDecimal(percentile(closedThatWeek, 0.5))));
    }
    return weeks;
  }

  /**
   * What one process recorded in the last {@code weeks} weeks up to today (7 x weeks days, today included), for a
   * forecast of task load (issue 17): its instances started, how many times each activity was entered, and for the
   * given activities the working days each completed pass took, measured as the stages' durations are (a stage of
   * one activity, every pass counting).
   */
  public ProcessHistory processHistory(String processKey, Collection<String> measuredActivities, int weeks) {
    LocalDate to = today();
    LocalDate from = to.minusWeeks(weeks).plusDays(1);
    int started = queries.casesStartedPerWeek(List.of(processKey), from, to).stream().mapToInt(WeekCount::count).sum();
    Map<String, List<Double>> durations = new HashMap<>();
    for (String activity : measuredActivities) {
      TimingStage pass = new TimingStage(activity, List.of(processKey), activity, activity, null, null);
      durations.put(activity, workingDays(queries.completions(pass, from, to)));
    }
    int workingDays = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      workingDays += calendar.isWorkingDay(day) ? 1 : 0;
    }
    return new ProcessHistory(from, to, started, workingDays, queries.activityEntries(processKey, from, to),
        durations);
  }

  /**
   * @param from the period's first day
   * @param to its last day, today
   * @param instancesStarted instances of the process started in the period
   * @param workingDays working days in the period, on the pathway's calendar
   * @param entries per activity id, how many times it was entered in the period
   * @param passDurations per measured activity, the working days of each pass completed in the period
   */
  public record ProcessHistory(LocalDate from, LocalDate to, int instancesStarted, int workingDays,
      Map<String, Integer> entries, Map<String, List<Double>> passDurations) {
  }

  static String isoWeek(LocalDate day) {
    return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static Map<Long, WeekCount> byWeek(List<WeekCount> counts) {
    return counts.stream().collect(Collectors.toMap(WeekCount::weekIndex, Function.identity()));
  }

  private List<Double> workingDays(List<Span> spans) {
    return spans.stream().map(this::workingDays).toList();
  }

  private double workingDays(Span span) {
    return calendar.workingDaysElapsed(span.startedAt(), span.endedAt());
  }

  /**
   * The percentile of the values, interpolated between the two nearest as the SQL function
   * {@code PERCENTILE_CONT} does; null when there are none.
   */
  static Double percentile(List<Double> values, double fraction) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    double position = fraction * (sorted.size() - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
  }

  static Double oneDecimal(Double value) {
    return value == null ? null : Math.round(value * 10) / 10.0;
  }
}
