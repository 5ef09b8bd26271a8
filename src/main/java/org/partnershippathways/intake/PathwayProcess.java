package org.partnershippathways.intake;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.partnershippathways.cases.RecordedConcern;
import org.partnershippathways.cases.Referrer;
import org.partnershippathways.security.Agency;

/** The main process's key, message names and start variables (docs/architecture.md). */
public final class PathwayProcess {

  public static final String KEY = "early-intervention-pathway";
  public static final String FURTHER_CONCERN_MESSAGE = "Message_FurtherConcern";
  /** The reference of the open case a new case may duplicate (null when there is none); coordinators decide. */
  public static final String POSSIBLE_DUPLICATE_OF = "possibleDuplicateOf";
  static final String POSSIBLE_DUPLICATE_CASE_ID = "possibleDuplicateCaseId";

  private PathwayProcess() {
  }

  /** A list as a JSON variable (Java serialization is off in the engine). */
  public static ObjectValue jsonList(List<String> values) {
    return Variables.objectValue(new ArrayList<>(values)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  public static VariableMap startVariables(String caseId, String reference, NewConcern concern, int earlierConcerns) {
    return Variables.createVariables()
        .putValue("caseId", caseId)
        .putValue("caseReference", reference)
        .putValue("joinedExistingCase", false)
        .putValue("immediateRisk", concern.immediateRisk())
        .putValue("child", concern.person().child())
        .putValue("consentObtained", concern.consentObtained())
        .putValueTyped("concernCategories", jsonList(concern.categoryNames()))
        .putValue("earlierConcerns", earlierConcerns)
        .putValue(POSSIBLE_DUPLICATE_OF, null)
        .putValue("meetingRound", 0)
        .putValue("referrerAgency", concern.referrer().agency())
        .putValue("referrerIsPartner", Agency.ofGroupId(concern.referrer().agency()).isPresent());
  }

  /** What the open case's review of a further concern is told; the description stays in our tables. */
  static VariableMap furtherConcernVariables(RecordedConcern concern) {
    Referrer referrer = concern.referrer();
    return Variables.createVariables()
        .putValue("furtherConcernId", concern.concernId())
        .putValue("furtherConcernCategories", String.join(", ", concern.categories()))
        .putValue("furtherConcernImmediateRisk", concern.immediateRisk())
        .putValue("furtherConcernReferrer", referrer.name() + " (" + referrer.agency() + ", " + referrer.contact()
            + ")");
  }
}
