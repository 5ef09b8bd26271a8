package org.partnershippathways.intake;

import java.util.Set;
import org.partnershippathways.platform.PersonalFormFields;
import org.springframework.stereotype.Component;

/** The start form's fields about people ({@link StartForm#PERSONAL_FIELDS}), kept out of the engine's history. */
@Component
record StartFormPersonalFields() implements PersonalFormFields {

  @Override
  public String processKey() {
    return PathwayProcess.KEY;
  }

  @Override
  public Set<String> names() {
    return StartForm.PERSONAL_FIELDS;
  }
}
