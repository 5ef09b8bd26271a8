package org.partnershippathways.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The authorization matrix, {@code src/test/resources/security/authorization-matrix.csv}: one row per call (method,
 * path, body, what it is), one column per role, each cell what that role gets: {@code ok} (2xx) or the status code
 * ({@code 401} not signed in, {@code 403} refused, {@code 404} hidden as if absent, {@code 400}/{@code 409} let
 * through and then refused on the request's merits). {@code AuthorizationMatrixIT} calls every cell;
 * {@code docs/security.md} shows the same table ({@code SecurityDocsTest}).
 *
 * <p>Paths may hold placeholders that the test fills in: {@code {caseId}}, {@code {processInstanceId}} and
 * {@code {taskId}} (a case raised for the test and its coordinators' task), {@code {unknownId}},
 * {@code {pathwayDefinitionId}} (the pathway's latest process definition), {@code {freshInstanceId}}, {@code {freshDeploymentId}} and {@code {freshFilterId}} (made anew for each call, for
 * calls that change or delete), {@code {me}} (the caller's user id), {@code {role}}, {@code {run}},
 * {@code {password}} and {@code {pluginScript}} (the Cockpit plugin's script). A body {@code @login} is the
 * webapps' login form with the role's credentials, {@code @deployment} a small BPMN model as a multipart upload,
 * {@code @decision} the shipped triage table as a changed decision table to preview.
 */
record AuthorizationMatrix(List<String> roles, List<Call> calls) {

  static final String RESOURCE = "/security/authorization-matrix.csv";
  private static final List<String> CALL_COLUMNS = List.of("method", "path", "body", "what");

  record Call(String method, String path, String body, String what, Map<String, String> expected) {

    String name() {
      return method + " " + path;
    }

    boolean expectsSuccess(String role) {
      return "ok".equals(expected.get(role));
    }
  }

  static AuthorizationMatrix load() {
    try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AuthorizationMatrix parse(Reader csv) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = format.parse(csv)) {
      List<String> header = parser.getHeaderNames();
      if (!header.subList(0, CALL_COLUMNS.size()).equals(CALL_COLUMNS)) {
        throw new IllegalStateException(RESOURCE + " must start with the columns " + CALL_COLUMNS);
      }
      List<String> roles = List.copyOf(header.subList(CALL_COLUMNS.size(), header.size()));
      List<Call> calls = new ArrayList<>();
      for (CSVRecord record : parser) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String role : roles) {
          String cell = record.get(role).strip();
          if (!cell.matches("ok|[1-5]\\d\\d")) {
            throw new IllegalStateException(RESOURCE + " line " + record.getRecordNumber() + ", " + role
                + ": '" + cell + "' is neither ok nor a status code");
          }
          expected.put(role, cell);
        }
        calls.add(new Call(record.get("method"), record.get("path"), record.get("body"), record.get("what"),
            expected));
      }
      return new AuthorizationMatrix(roles, List.copyOf(calls));
    }
  }

  int size() {
    return roles.size() * calls.size();
  }

  /** The table for {@code docs/security.md}: a row per call, a column per role. */
  String markdown() {
    StringBuilder table = new StringBuilder("| call | what |");
    roles.forEach(role -> table.append(' ').append(role).append(" |"));
    table.append("\n| --- | --- |");
    roles.forEach(role -> table.append(" :-: |"));
    table.append('\n');
    for (Call call : calls) {
      table.append("| `").append(call.name().replace("|", "\\|")).append("` | ").append(call.what()).append(" |");
      roles.forEach(role -> table.append(' ').append(word(call.expected().get(role))).append(" |"));
      table.append('\n');
    }
    return table.toString();
  }

  private static String word(String cell) {
    return switch (cell) {
      case "ok" -> "yes";
      case "400", "409" -> "yes (" + cell + ")";
      case "401" -> "sign in";
      case "403" -> "no";
      case "404" -> "no (404)";
      default -> cell;
    };
  }
}
