package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Jackson's refusals of a body, in words naming the field. */
class UnreadableJsonTest {

  record Inner(String name, Boolean flag, LocalDate day) {
  }

  record Outer(Inner inner, List<String> items, Boolean yes, String text) {
  }

  final ObjectMapper strict = StrictJson.strict(new ObjectMapper().registerModule(new JavaTimeModule()));

  private FieldProblem problemOf(String json) {
    Throwable refused = catchThrowable(() -> strict.readValue(json, Outer.class));
    assertThat(refused).as(json).isNotNull();
    return UnreadableJson.problemOf(new HttpMessageNotReadableException("unreadable", refused, null));
  }

  @Test
  void aKeyGivenTwiceIsNamedWithItsPath() {
    assertThat(problemOf("{\"yes\": true, \"yes\": false}")).isEqualTo(new FieldProblem("yes",
        "is given more than once"));
    assertThat(problemOf("{\"inner\": {\"name\": \"a\", \"name\": \"b\"}}").field()).isEqualTo("inner.name");
  }

  @Test
  void aValueOfTheWrongTypeIsNamedWithWhatItShouldBe() {
    assertThat(problemOf("{\"yes\": -1}")).isEqualTo(new FieldProblem("yes", "must be true or false"));
    assertThat(problemOf("{\"yes\": \"true\"}")).isEqualTo(new FieldProblem("yes", "must be true or false"));
    assertThat(problemOf("{\"yes\": \"\"}")).isEqualTo(new FieldProblem("yes", "must be true or false"));
    assertThat(problemOf("{\"inner\": {\"flag\": 0}}")).isEqualTo(new FieldProblem("inner.flag",
        "must be true or false"));
    assertThat(problemOf("{\"text\": 12}")).isEqualTo(new FieldProblem("text", "must be text in quotes"));
    assertThat(problemOf("{\"text\": false}")).isEqualTo(new FieldProblem("text", "must be text in quotes"));
    assertThat(problemOf("{\"items\": \"one\"}")).isEqualTo(new FieldProblem("items",
        "must be a list in square brackets"));
    assertThat(problemOf("{\"items\": [\"a\", 2]}")).isEqualTo(new FieldProblem("items[1]",
        "must be text in quotes"));
    assertThat(problemOf("{\"inner\": \"x\"}")).isEqualTo(new FieldProblem("inner",
        "must be an object in curly brackets"));
    assertThat(problemOf("{\"inner\": {\"day\": \"23/04/2026\"}}")).isEqualTo(new FieldProblem("inner.day",
        "must be a date like 2026-04-23"));
    assertThat(problemOf("[]").field()).isEqualTo("body");
  }

  @Test
  void trailingTextUnknownFieldsAndBrokenJsonAreNamed() {
    assertThat(problemOf("{\"yes\": true} {}")).isEqualTo(new FieldProblem("body",
        "must be one JSON value with nothing after it"));
    assertThat(problemOf("{\"yes\": true} x").field()).isEqualTo("body");
    assertThat(problemOf("{\"inner\": {\"nmae\": \"a\"}}")).isEqualTo(new FieldProblem("inner.nmae",
        "is not a field of this request"));
    assertThat(problemOf("{\"inner\": {")).isEqualTo(new FieldProblem("body", "ends before the JSON is complete"));
    assertThat(problemOf("{\"yes\": tru}").message()).startsWith("is not valid JSON (line 1");
  }

  @Test
  void theWordsNameNoJavaType() {
    for (String json : List.of("{\"yes\": -1}", "{\"inner\": 5}", "{\"items\": {}}", "{\"text\": []}", "x")) {
      assertThat(problemOf(json).message()).doesNotContain("java").doesNotContain("Inner").doesNotContain("String")
          .doesNotContain("Boolean");
    }
  }
}
