package org.partnershippathways.caseview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.triage.TriageWords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Coordinators and managers find a case by its reference (PP-2026-000001), the person's name (any part, any case)
 * or NHS number (with or without spaces); reads {@code pathway_case}, and the tombstones of erased cases by
 * reference; only the cases of the caller's partnerships. Nobody else may search: an agency sees only the cases it
 * has work on, through its tasks.
 */
@Service
record CaseSearch(JdbcClient jdbc, CurrentUser currentUser, WorkingDayCalendar calendar) {

  static final int MOST = 25;
  static final int LONGEST_QUERY = 100;
  private static final Pattern REFERENCE = Pattern.compile("(?i)PP-\\d{4}-\\d{6}");
  private static final Pattern NHS_NUMBER = Pattern.compile("\\d{10}");

  CaseSearchResults search(String query) {
    if (!currentUser.isCoordinator() && !currentUser.isManager()) {
      throw new ForbiddenException("Only coordinators and managers may search cases; an agency finds its cases"
          + " through its tasks.");
    }
    String trimmed = query == null ? "" : query.trim();
    if (trimmed.isEmpty() || trimmed.length() > LONGEST_QUERY) {
      throw new InvalidRequestException("query", "Give a case reference (PP-2026-000001), a name or an NHS number"
          + " to search for, at most " + LONGEST_QUERY + " characters.");
    }
    String digits = trimmed.replace(" ", "").replace("-", "");
    if (REFERENCE.matcher(trimmed).matches()) {
      return results(trimmed, "case reference", "upper(reference) = :value",
          trimmed.toUpperCase(Locale.ROOT), true);
    }
    if (NHS_NUMBER.matcher(digits).matches()) {
      return results(trimmed, "NHS number", "person_nhs_number = :value", digits, false);
    }
    String like = "%" + trimmed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("\\", "\\\\")
        .replace("%", "\\%").replace("_", "\\_") + "%";
    return results(trimmed, "name", "(lower(person_given_name || ' ' || person_family_name) like :value escape '\\'"
        + " or lower(person_family_name) like :value escape '\\')", like, false);
  }

  private CaseSearchResults results(String query, String by, String condition, String value, boolean tombstones) {
    List<String> partnerships = currentUser.partnerships().isEmpty() ? List.of("") : currentUser.partnerships();
    List<CaseSearchResults.Found> found = new ArrayList<>(jdbc.sql("select * from pathway_case where partnership_id"
            + " in (:partnerships) and " + condition + " order by created_at desc, reference desc limit " + (MOST + 1))
        .param("partnerships", partnerships).param("value", value)
        .query((row, n) -> new CaseSearchResults.Found(row.getString("id"), row.getString("reference"),
            row.getString("person_given_name") + " " + row.getString("person_family_name"),
            UkDates.day(row.getObject("person_date_of_birth", LocalDate.class)),
            CaseRecords.spaced(row.getString("person_nhs_number")), CodeWords.of(row.getString("status")),
            TriageWords.riskRating(row.getString("risk_rating")),
            UkDates.dayAndTime(ChronologyRows.instant(row, "created_at"), calendar.zone()),
            row.getTimestamp("restricted_at") != null))
        .list());
    if (tombstones && found.isEmpty()) {
      found.addAll(jdbc.sql("""
              select case_id, case_reference from data_protection_decision
              where upper(case_reference) = :value and kind = 'ERASURE' and partnership_id in (:partnerships)""")
          .param("value", value).param("partnerships", partnerships)
          .query((row, n) -> new CaseSearchResults.Found(row.getString("case_id"), row.getString("case_reference"),
              null, null, null, "Erased", null, null, null)).list());
    }
    boolean more = found.size() > MOST;
    List<CaseSearchResults.Found> shown = more ? found.subList(0, MOST) : found;
    String message = found.isEmpty() ? "No case has this " + by + "."
        : more ? "More than " + MOST + " cases have this " + by + "; the newest " + MOST
            + " are shown. Give more of the name, or the NHS number, to narrow the search."
        : shown.size() == 1 ? "1 case has this " + by + "." : shown.size() + " cases have this " + by + ".";
    return new CaseSearchResults(query, by, message, List.copyOf(shown));
  }
}
