package org.partnershippathways.accesslog;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The Caldicott guardian's report of unusual access (docs/data-protection.md, "Who viewed what"), over reads of one
 * case at a time (list reads are left out: a list shows what the reader's role allows):
 * <ul>
 *   <li><b>Many cases in an hour</b>: a user who read more distinct cases in one clock hour than
 *       {@code casesPerHour}, or at least {@code usualAtLeast} and more than {@code usualFactor} times their usual
 *       (their average cases per hour, over the hours in which they read any, in the {@code usualDays} before).</li>
 *   <li><b>A case with no task</b>: a user who read a case on which they never had a task ({@link TaskHistoryOfCase}).
 *       Cases no longer held (erased or purged) cannot be checked and are counted apart.</li>
 * </ul>
 */
@Service
record UnusualAccess(AccessLogTable table, TaskHistoryOfCase taskHistory, ReaderNames names, IdentityService identity,
    CurrentUser currentUser, AccessLogProperties settings) {

  static final int MAX_PAIRS = 5000;

  /** A user's hour with many cases. */
  record BusyHour(String userId, String who, String hour, int cases, double usualCasesPerHour, String why) {
  }

  /** A user's reads of a case on which they had no task. */
  record ReadWithoutTask(String userId, String who, String caseId, String caseReference, String firstRead,
      int reads, List<String> whatWasRead, String why) {
  }

  /** What the task check found, and how many cases it could not check. */
  private record TaskCheck(List<ReadWithoutTask> found, int casesNoLongerHeld) {
  }

  record Report(String from, String to, String rules, List<BusyHour> manyCasesInAnHour,
      List<ReadWithoutTask> readsWithoutATask, int casesNoLongerHeld) {
  }

  Report between(Instant from, Instant to) {
    List<AccessLogTable.Read> reads = oneCaseAtATime(table.between(from, to, currentUser.partnerships()));
    Map<String, String> who = names.of(reads.stream().map(AccessLogTable.Read::userId).distinct().toList());
    List<BusyHour> busy = busyHours(reads, usualPerHour(from), who);
    TaskCheck withoutTask = currentUser.asSystem(() -> withoutTask(reads, who));
    return new Report(ReaderNames.moment(from), ReaderNames.moment(to), rules(), busy, withoutTask.found(),
        withoutTask.casesNoLongerHeld());
  }

  String rules() {
    return "A user is named for reading more than " + settings.casesPerHour() + " cases in one clock hour, or at"
        + " least " + settings.usualAtLeast() + " and more than " + settings.usualFactor() + " times their usual"
        + " cases per hour (over the " + settings.usualDays() + " days before); and for reading a case on which"
        + " they never had a task (assigned, owned, or a candidate themselves or through one of their groups)."
        + " Cases read in lists are not counted.";
  }

  private List<BusyHour> busyHours(List<AccessLogTable.Read> reads, Map<String, Double> usual,
      Map<String, String> who) {
    Map<String, Map<ZonedDateTime, Set<String>>> hours = casesPerHour(reads);
    List<BusyHour> busy = new ArrayList<>();
    hours.forEach((userId, byHour) -> byHour.forEach((hour, cases) -> {
      double usualCases = usual.getOrDefault(userId, 0.0);
      boolean overThreshold = cases.size() > settings.casesPerHour();
      boolean overUsual = usualCases > 0 && cases.size() >= settings.usualAtLeast()
          && cases.size() > settings.usualFactor() * usualCases;
      if (overThreshold || overUsual) {
        String usualWords = usualCases > 0 ? String.format("%.1f cases an hour", usualCases) : "no reads before";
        busy.add(new BusyHour(userId, who.get(userId), ReaderNames.moment(hour.toInstant()) + " to "
            + ReaderNames.moment(hour.plusHours(1).toInstant()), cases.size(), Math.round(usualCases * 10) / 10.0,
            who.get(userId) + " read " + cases.size() + " cases in the hour from " + ReaderNames.moment(
                hour.toInstant()) + (overThreshold ? ", more than the limit of " + settings.casesPerHour() : "")
                + (overUsual ? ", more than " + settings.usualFactor() + " times their usual" : "")
                + " (usually " + usualWords + ")."));
      }
    }));
    busy.sort(Comparator.comparing(BusyHour::cases).reversed());
    return busy;
  }

  /** Each user's average distinct cases per hour, over the hours in which they read any, before {@code from}. */
  private Map<String, Double> usualPerHour(Instant from) {
    Instant start = from.minus(Duration.ofDays(settings.usualDays()));
    Map<String, Double> usual = new HashMap<>();
    casesPerHour(oneCaseAtATime(table.between(start, from, currentUser.partnerships()))).forEach((userId, byHour) -> usual.put(userId,
        byHour.values().stream().mapToInt(Set::size).average().orElse(0)));
    return usual;
  }

  private static Map<String, Map<ZonedDateTime, Set<String>>> casesPerHour(List<AccessLogTable.Read> reads) {
    Map<String, Map<ZonedDateTime, Set<String>>> hours = new LinkedHashMap<>();
    for (AccessLogTable.Read read : reads) {
      ZonedDateTime hour = read.readAt().atZone(UkDates.UK).truncatedTo(ChronoUnit.HOURS);
      hours.computeIfAbsent(read.userId(), user -> new LinkedHashMap<>())
          .computeIfAbsent(hour, h -> new HashSet<>()).add(read.caseId());
    }
    return hours;
  }

  private TaskCheck withoutTask(List<AccessLogTable.Read> reads, Map<String, String> who) {
    Map<List<String>, List<AccessLogTable.Read>> pairs = new LinkedHashMap<>();
    reads.forEach(read -> pairs.computeIfAbsent(List.of(read.userId(), read.caseId()), pair -> new ArrayList<>())
        .add(read));
    Map<String, Optional<TaskHistoryOfCase.EngineCase>> engineCases = new HashMap<>();
    Map<String, List<String>> groups = new HashMap<>();
    Set<String> notHeldCases = new HashSet<>();
    List<ReadWithoutTask> found = new ArrayList<>();
    pairs.entrySet().stream().limit(MAX_PAIRS).forEach(pair -> {
      String userId = pair.getKey().get(0);
      String caseId = pair.getKey().get(1);
      Optional<TaskHistoryOfCase.EngineCase> engineCase = engineCases.computeIfAbsent(caseId,
          taskHistory::engineCase);
      if (engineCase.isEmpty()) {
        notHeldCases.add(caseId);
        return;
      }
      List<String> groupIds = groups.computeIfAbsent(userId, user -> identity.createGroupQuery().groupMember(user)
          .list().stream().map(Group::getId).toList());
      if (!taskHistory.hadTask(engineCase.get(), userId, groupIds)) {
        List<AccessLogTable.Read> ofPair = pair.getValue();
        found.add(new ReadWithoutTask(userId, who.get(userId), caseId, engineCase.get().reference(),
            ReaderNames.moment(ofPair.get(0).readAt()), ofPair.size(),
            new ArrayList<>(new LinkedHashSet<>(ofPair.stream().map(AccessLogTable.Read::whatWords).toList())),
            who.get(userId) + " read case " + engineCase.get().reference() + " (" + ofPair.size() + " time"
                + (ofPair.size() == 1 ? "" : "s") + ", first on " + ReaderNames.moment(ofPair.get(0).readAt())
                + ") and never had a task on it."));
      }
    });
    return new TaskCheck(found, notHeldCases.size());
  }

  private static List<AccessLogTable.Read> oneCaseAtATime(List<AccessLogTable.Read> reads) {
    return reads.stream().filter(read -> !listRead(read.whatCode())).toList();
  }

  private static boolean listRead(String code) {
    try {
      return WhatWasRead.valueOf(code).list();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
