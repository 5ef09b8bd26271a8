package org.partnershippathways.dataprotection;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads every row that {@link PersonalDataTables} lists for a person's cases, column by column, as it is held. */
@Component
record PersonalRecords(JdbcClient jdbc) {

  /** The rows of one table: its title, its name, and each row as column (in camelCase) to value. */
  record Section(String title, String table, List<Map<String, Object>> rows) {
  }

  List<Section> of(List<String> caseIds) {
    List<Section> sections = new ArrayList<>();
    for (PersonalDataTables.Source source : PersonalDataTables.SOURCES) {
      List<Map<String, Object>> rows = caseIds.isEmpty() ? List.of()
          : jdbc.sql("select * from " + source.table() + " where " + source.where() + " order by 1")
              .param("caseIds", caseIds)
              .query().listOfRows().stream().map(PersonalRecords::readable).toList();
      sections.add(new Section(source.title(), source.table(), rows));
    }
    return sections;
  }

  private static Map<String, Object> readable(Map<String, Object> row) {
    Map<String, Object> readable = new LinkedHashMap<>();
    row.forEach((column, value) -> readable.put(camelCase(column), value instanceof Timestamp timestamp
        ? timestamp.toInstant() : value instanceof Date date ? date.toLocalDate() : value));
    return readable;
  }

  static String camelCase(String column) {
    String[] words = column.toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      if (!words[i].isEmpty()) {
        name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
    }
    return name.toString();
  }
}
