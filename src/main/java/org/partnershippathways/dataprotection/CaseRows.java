package org.partnershippathways.dataprotection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnershippathways.cases.Cases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes every row of ours about a case: the tables {@link PersonalDataTables} lists, children before parents, then
 * the concerns and the case through {@link Cases}. Erasure and the retention purge both use it.
 */
@Component
record CaseRows(Cases cases, JdbcClient jdbc) {

  /** How many rows went from each table. */
  Map<String, Integer> remove(String caseId) {
    Map<String, Integer> removed = new LinkedHashMap<>();
    List<PersonalDataTables.Source> sources = PersonalDataTables.SOURCES;
    for (int i = sources.size() - 1; i >= 0; i--) {
      PersonalDataTables.Source source = sources.get(i);
      if (!Cases.OWN_TABLES.contains(source.table())) {
        removed.put(source.table(), jdbc.sql("delete from " + source.table() + " where " + source.where())
            .param("caseIds", List.of(caseId)).update());
      }
    }
    removed.putAll(cases.erase(caseId));
    return removed;
  }

  /** "1 pathway case row, 2 pathway concern rows, ...": kinds of record and counts, never what they said. */
  static String described(Map<String, Integer> removed) {
    return removed.entrySet().stream().filter(entry -> entry.getValue() > 0)
        .map(entry -> entry.getValue() + " " + PrintableExport.words(PersonalRecords.camelCase(entry.getKey()))
            + " row" + (entry.getValue() == 1 ? "" : "s"))
        .collect(Collectors.joining(", "));
  }
}
