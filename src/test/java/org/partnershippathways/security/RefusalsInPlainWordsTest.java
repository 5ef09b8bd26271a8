package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalsInPlainWordsTest {

  @Test
  void aFormsRefusalLosesWhatTheEngineWroteBeforeIt() {
    String startForm = """
        {"type": "RestException", "message": "Cannot instantiate process definition 2fb8-11f1:1: Please correct \
        the form: NHS number is not a valid NHS number.", "code": 0}""";

    assertThat(RefusalsInPlainWords.formCorrection(startForm))
        .isEqualTo("Please correct the form: NHS number is not a valid NHS number.");
  }

  @Test
  void otherBadRequestsAreLeftAsTheyAre() {
    assertThat(RefusalsInPlainWords.formCorrection("{\"message\": \"Please correct the form: x.\"}")).isNull();
    assertThat(RefusalsInPlainWords.formCorrection("{\"message\": \"Unknown property value\"}")).isNull();
    assertThat(RefusalsInPlainWords.formCorrection("not json")).isNull();
  }

  @Test
  void aTaskTheEngineCannotFindIsASentenceAndOtherErrorsStay() {
    assertThat(RefusalsInPlainWords.gone("""
        {"type": "NullValueException", "message": "Cannot find task with id 42: task is null"}"""))
        .startsWith("This task is no longer open");
    assertThat(RefusalsInPlainWords.gone("{\"type\": \"NullValueException\", \"message\": \"x is null\"}")).isNull();
    assertThat(RefusalsInPlainWords.gone("{\"type\": \"ProcessEngineException\", \"message\": \"Cannot find task with id 1\"}"))
        .isNull();
    assertThat(RefusalsInPlainWords.gone("not json")).isNull();
  }
}
