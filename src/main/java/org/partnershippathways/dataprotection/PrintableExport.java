package org.partnershippathways.dataprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.partnershippathways.calendar.UkDates;
import org.springframework.web.util.HtmlUtils;

/** The export as a page a person can read and print: dates as dd/mm/yyyy, columns in words, every value escaped. */
final class PrintableExport {


  private PrintableExport() {
  }

  static String html(SubjectAccessExport export) {
    StringBuilder page = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Subject access export</title>
        <style>body{font-family:Arial,sans-serif;margin:2em;color:#0b0c0c}table{border-collapse:collapse;margin:0 0 1.5em}
        th,td{border:1px solid #b1b4b6;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f2f1}
        @media print{body{margin:0}h2{page-break-before:auto}table{page-break-inside:auto}}</style></head><body>
        """);
    page.append("<h1>Information we hold about you</h1>");
    page.append("<p>Subject access request ").append(text(export.requestReference())).append(", exported ")
        .append(text(UkDates.dayAndTime(export.exportedAt()))).append(" by ").append(text(export.exportedBy()))
        .append(". Cases: ").append(export.caseReferences().isEmpty() ? "none found"
            : text(String.join(", ", export.caseReferences()))).append(".</p>");
    page.append("<h2>Who received information about you</h2>");
    if (export.disclosures().isEmpty()) {
      page.append("<p>Nothing about you was shared with a partner agency.</p>");
    } else {
      page.append("<table><tr><th>When</th><th>Case</th><th>Recipient</th><th>What</th><th>Details shared</th>"
          + "<th>Basis</th><th>Legal ground</th><th>Why</th><th>Sent by</th></tr>");
      for (DisclosureStatement.Disclosure disclosure : export.disclosures()) {
        page.append("<tr>").append(cell(disclosure.when())).append(cell(disclosure.caseReference()))
            .append(cell(disclosure.recipient())).append(cell(disclosure.what()))
            .append(cell(String.join(", ", disclosure.detailsShared()))).append(cell(disclosure.basis()))
            .append(cell(disclosure.legalGround())).append(cell(disclosure.purpose()))
            .append(cell(disclosure.sentBy())).append("</tr>");
      }
      page.append("</table>");
    }
    for (PersonalRecords.Section section : export.records()) {
      page.append("<h2>").append(text(section.title())).append("</h2>");
      rows(page, section.rows());
    }
    page.append("<h2>Comments on the tasks of your cases</h2>");
    if (export.comments().isEmpty()) {
      page.append("<p>None.</p>");
    }
    export.comments().forEach(comment -> page.append("<p>").append(text(UkDates.dayAndTime(comment.writtenAt())))
        .append(", ").append(text(comment.writtenBy())).append(": ").append(text(comment.text())).append("</p>"));
    page.append("<h2>About this export</h2><ul>");
    export.aboutThisExport().forEach(line -> page.append("<li>").append(text(line)).append("</li>"));
    return page.append("</ul></body></html>\n").toString();
  }

  private static void rows(StringBuilder page, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      page.append("<p>None.</p>");
      return;
    }
    page.append("<table><tr>");
    rows.get(0).keySet().forEach(column -> page.append("<th>").append(text(words(column))).append("</th>"));
    page.append("</tr>");
    for (Map<String, Object> row : rows) {
      page.append("<tr>");
      row.values().forEach(value -> page.append(cell(value)));
      page.append("</tr>");
    }
    page.append("</table>");
  }

  private static String cell(Object value) {
    return "<td>" + text(value(value)) + "</td>";
  }

  private static String value(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Instant instant) {
      return UkDates.dayAndTime(instant);
    }
    if (value instanceof LocalDate date) {
      return UkDates.day(date);
    }
    if (value instanceof Boolean yes) {
      return yes ? "yes" : "no";
    }
    return value.toString();
  }

  /** {@code personDateOfBirth} as "person date of birth". */
  static String words(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
  }

  private static String text(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value);
  }
}
