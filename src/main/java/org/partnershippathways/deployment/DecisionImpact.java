package org.partnershippathways.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstanceQuery;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.partners.InformationRequestFields;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.Agency;
import org.partnershippathways.triage.TriageWords;
import org.springframework.stereotype.Service;

/**
 * What a changed decision table would have decided on the cases the deployed one decided (issue 17): the changed
 * table is evaluated with the variables each recorded evaluation had, read from the engine's history, and its
 * answers are compared with the recorded ones. Nothing is deployed and nothing is written.
 */
@Service
class DecisionImpact {

  static final int MOST_DECISIONS = 500;
  private static final String FIELD = "decisionTable";

  /** One output that would differ, in words. */
  record Change(String what, String was, String wouldBe) {
  }

  /** An agency that would be asked, or no longer asked, and what it would then receive. */
  record AgencyChange(String agency, String change, List<String> wouldReceive) {
  }

  record CaseImpact(String caseReference, String decidedOn, List<Change> changes, List<AgencyChange> agencies) {
  }

  record Preview(String decision, String decisionName, int decisionsCompared, int decisionsChanged,
      Map<String, Integer> changesByOutput, List<CaseImpact> cases, List<String> notCompared) {
  }

  private final HistoryService history;
  private final RepositoryService repository;
  private final ChangedModelCheck gate;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  DecisionImpact(HistoryService history, RepositoryService repository, ChangedModelCheck gate) {
    this.history = history;
    this.repository = repository;
    this.gate = gate;
  }

  /** @param partnerships whose recorded decisions are compared; null: every partnership's (a process owner) */
  Preview preview(String decisionTable, int decisions, List<String> partnerships) {
    DmnDecision changed = decisionOfThePathway(decisionTable);
    HistoricDecisionInstanceQuery query = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(changed.getKey()).includeOutputs().orderByEvaluationTime().desc();
    if (partnerships != null) {
      query.tenantIdIn(partnerships.isEmpty() ? new String[] {""} : partnerships.toArray(String[]::new));
    }
    List<HistoricDecisionInstance> recorded = query.listPage(0, decisions);
    Map<String, Integer> byOutput = new LinkedHashMap<>();
    List<CaseImpact> cases = new ArrayList<>();
    List<String> notCompared = new ArrayList<>();
    for (HistoricDecisionInstance evaluation : recorded) {
      if (evaluation.getProcessInstanceId() == null) {
        continue;
      }
      String reference = caseReference(evaluation);
      Map<String, Object> variables = variablesAt(evaluation);
      DmnDecisionResult wouldBe;
      try {
        wouldBe = dmn.evaluateDecision(changed, variables);
      } catch (RuntimeException cannotEvaluate) { // the owner's table: whatever it fails on is reported, not thrown
        notCompared.add(reference + ": the changed table cannot decide it (" + cannotEvaluate.getMessage() + ")");
        continue;
      }
      List<Change> changes = changes(outputs(evaluation), wouldBe);
      List<AgencyChange> agencies = agencyChanges(outputs(evaluation), wouldBe,
          () -> sharingScope(evaluation, variables));
      if (!changes.isEmpty()) {
        changes.forEach(change -> byOutput.merge(change.what(), 1, Integer::sum));
        cases.add(new CaseImpact(reference, UkDates.dayAndTime(evaluation.getEvaluationTime().toInstant()),
            changes, agencies));
      }
    }
    return new Preview(changed.getKey(), changed.getName(), recorded.size(), cases.size(), byOutput, cases,
        notCompared);
  }

  private DmnDecision decisionOfThePathway(String decisionTable) {
    if (decisionTable == null || decisionTable.isBlank()) {
      throw new InvalidRequestException(FIELD, "Give the changed decision table: the content of its .dmn file");
    }
    List<DmnDecision> decisions;
    try {
      decisions = dmn.parseDecisions(new ByteArrayInputStream(decisionTable.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException unreadable) { // parser and model errors alike mean "not a table we can read"
      throw new InvalidRequestException(FIELD, "This is not a decision table Camunda can read: give the content"
          + " of a .dmn file saved by Camunda Modeler");
    }
    List<BrokenRule> broken = gate.check(List.of(new ModelFile("changed.dmn",
        decisionTable.getBytes(StandardCharsets.UTF_8))), form -> false);
    if (!broken.isEmpty()) {
      throw new InvalidRequestException(FIELD, ChangedModelCheck.inWords(broken));
    }
    Set<String> deployed = new LinkedHashSet<>();
    repository.createDecisionDefinitionQuery().latestVersion().list()
        .forEach(definition -> deployed.add(definition.getKey()));
    return decisions.stream().filter(decision -> deployed.contains(decision.getKey())).findFirst()
        .orElseThrow(() -> new InvalidRequestException(FIELD, "The file holds no decision the pathway uses: its"
            + " decision's id must be one of " + String.join(", ", deployed)));
  }

  private String caseReference(HistoricDecisionInstance evaluation) {
    String root = Optional.ofNullable(evaluation.getRootProcessInstanceId()).orElse(evaluation.getProcessInstanceId());
    HistoricProcessInstance instance = root == null ? null
        : history.createHistoricProcessInstanceQuery().processInstanceId(root).singleResult();
    return instance == null || instance.getBusinessKey() == null ? "a case without a reference"
        : instance.getBusinessKey();
  }

  /**
   * The process variables as they were when the recorded decision was made: the last update of each before it,
   * leaving out the decision's own results written at the same moment.
   */
  private Map<String, Object> variablesAt(HistoricDecisionInstance evaluation) {
    return variablesAt(evaluation, evaluation.getProcessInstanceId());
  }

  private Map<String, Object> variablesAt(HistoricDecisionInstance evaluation, String processInstanceId) {
    Date decided = evaluation.getEvaluationTime();
    Set<String> results = new LinkedHashSet<>();
    evaluation.getOutputs().forEach(output -> results.add(output.getVariableName()));
    Map<String, Object> variables = new HashMap<>();
    Map<String, Date> updatedAt = new HashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().variableUpdates()
        .processInstanceId(processInstanceId).disableBinaryFetching().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      Date at = update.getTime();
      boolean before = at.before(decided) || at.equals(decided) && !results.contains(update.getVariableName());
      Date known = updatedAt.get(update.getVariableName());
      if (before && (known == null || !at.before(known))) {
        variables.put(update.getVariableName(), update.getValue());
        updatedAt.put(update.getVariableName(), at);
      }
    }
    return variables;
  }

  /** The recorded answer: each matched rule's outputs, in the order of the rules. */
  private static List<Map<String, Object>> outputs(HistoricDecisionInstance evaluation) {
    Map<Integer, Map<String, Object>> byRule = new TreeMap<>();
    for (HistoricDecisionOutputInstance output : evaluation.getOutputs()) {
      byRule.computeIfAbsent(Optional.ofNullable(output.getRuleOrder()).orElse(0), order -> new LinkedHashMap<>())
          .put(output.getVariableName(), output.getValue());
    }
    return new ArrayList<>(byRule.values());
  }

  private static List<Change> changes(List<Map<String, Object>> was, DmnDecisionResult wouldBe) {
    Set<String> names = new LinkedHashSet<>();
    was.forEach(entries -> names.addAll(entries.keySet()));
    wouldBe.getResultList().forEach(entries -> names.addAll(entries.keySet()));
    List<Change> changes = new ArrayList<>();
    for (String name : names) {
      List<String> before = valuesOf(name, was);
      List<String> after = valuesOf(name, wouldBe.getResultList());
      if (!new LinkedHashSet<>(before).equals(new LinkedHashSet<>(after))) {
        changes.add(new Change(OutputWords.label(name), OutputWords.values(name, before),
            OutputWords.values(name, after)));
      }
    }
    return changes;
  }

  private static List<String> valuesOf(String name, Collection<? extends Map<String, Object>> entries) {
    return entries.stream().map(entry -> entry.get(name)).filter(value -> value != null).map(String::valueOf)
        .toList();
  }

  /** For the routing table: the agencies asked differently, with what each would then receive. */
  private static List<AgencyChange> agencyChanges(List<Map<String, Object>> was, DmnDecisionResult wouldBe,
      Supplier<SharingScope> caseScope) {
    Set<String> before = new LinkedHashSet<>(valuesOf(OutputWords.AGENCY, was));
    Set<String> after = new LinkedHashSet<>(valuesOf(OutputWords.AGENCY, wouldBe.getResultList()));
    if (before.equals(after)) {
      return List.of();
    }
    SharingScope scope = caseScope.get();
    List<AgencyChange> changes = new ArrayList<>();
    after.stream().filter(agency -> !before.contains(agency)).forEach(agency -> changes.add(
        new AgencyChange(OutputWords.agency(agency), "would also be asked",
            Agency.ofGroupId(agency).map(known -> InformationRequestFields.inWords(scope, known)).orElse(List.of()))));
    before.stream().filter(agency -> !after.contains(agency)).forEach(agency -> changes.add(
        new AgencyChange(OutputWords.agency(agency), "would no longer be asked", List.of())));
    return changes;
  }

  /** The case's sharing scope then: the deciding process's, else the case's own process's (the routing's caller). */
  private SharingScope sharingScope(HistoricDecisionInstance evaluation, Map<String, Object> variables) {
    Object recorded = variables.get("sharingScope");
    String root = evaluation.getRootProcessInstanceId();
    if (recorded == null && root != null && !root.equals(evaluation.getProcessInstanceId())) {
      recorded = variablesAt(evaluation, root).get("sharingScope");
    }
    return scope(recorded);
  }

  private static SharingScope scope(Object recorded) {
    try {
      return recorded == null ? null : SharingScope.valueOf(String.valueOf(recorded));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** Outputs and their values as a process owner reads them. */
  static final class OutputWords {

    static final String AGENCY = "agency";
    private static final Map<String, String> LABELS = Map.of("riskRating", "Risk rating", "urgency", "Urgency",
        "meetingTimescale", "Meeting within", "reviewInterval", "Review within", AGENCY, "Agencies asked",
        "proposedLegalGround", "Proposed legal ground", "proposedScope", "Proposed scope of sharing");

    private OutputWords() {
    }

    static String label(String output) {
      return LABELS.getOrDefault(output, output);
    }

    static String values(String output, List<String> values) {
      if (values.isEmpty()) {
        return "nothing";
      }
      return String.join(", ", values.stream().map(value -> value(output, value)).distinct().toList());
    }

    static String agency(String groupId) {
      return Agency.ofGroupId(groupId).map(Agency::displayName).orElse(groupId);
    }

    private static String value(String output, String value) {
      return switch (output) {
        case "riskRating" -> TriageWords.riskRating(value);
        case "urgency" -> TriageWords.urgency(value);
        case "meetingTimescale", "reviewInterval" -> TriageWords.meetingWithin(value);
        case AGENCY -> agency(value);
        default -> value.matches("[A-Z_]+") ? sentence(value) : value;
      };
    }

    private static String sentence(String code) {
      String words = code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
  }
}
