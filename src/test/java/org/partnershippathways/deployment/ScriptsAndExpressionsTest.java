package org.partnershippathways.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptsAndExpressionsTest {

  static class AStep implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
    }
  }

  static class Helper {
    public String before(Object date, int days) {
      return "";
    }
  }

  private static final Map<String, Class<?>> BEANS = Map.of("registerConcern", AStep.class,
      "workingDays", Helper.class, "dataSource", Object.class);

  private static final Surroundings WITH_BEANS = new Surroundings() {
    @Override
    public boolean groupExists(String groupId) {
      return true;
    }

    @Override
    public boolean formDeployed(String formId) {
      return false;
    }

    @Override
    public Optional<Class<?>> beanType(String beanName) {
      return Optional.ofNullable(BEANS.get(beanName));
    }
  };

  private static List<BrokenRule> check(String processBody) {
    String xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"><process id=\"p\" isExecutable=\"true\">"
        + processBody + "</process></definitions>";
    return ScriptsAndExpressions.check(List.of(new ModelFile("p.bpmn", xml.getBytes(StandardCharsets.UTF_8))),
        WITH_BEANS, java.util.Set.of("workingDays"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"${riskRating == 'RED' &amp;&amp; urgency == 'IMMEDIATE'}", "#{execution.processBusinessKey}",
      "${execution.setVariable('meetingRound', meetingRound + 1)}", "${workingDays.before(dueDate, 2)}",
      "${decisionResult.getSingleResult().get(\"urgency\")}", "${not sharingPermitted}",
      "${lawfulBasisProposal.proposedScope == 'NONE' ? null : lawfulBasisProposal.proposedScope}",
      "${dateTime().plusDays(14).toDate()}", "${'a.getClass()' == x}"})
  void allowsWhatTheModelsUse(String expression) {
    assertThat(check("<sequenceFlow id=\"SequenceFlow_A\"><conditionExpression>" + expression
        + "</conditionExpression></sequenceFlow>")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${dataSource.connection}", "${execution.processEngineServices.runtimeService}",
      "${execution.getProcessEngine()}", "${''.getClass().forName('java.lang.Runtime')}",
      "${x.class.classLoader}", "${registerConcern.execute(execution)}", "${System.exit(0)}",
      "${workingDays.before(dueDate, 2).getClass()}"})
  void refusesAnythingElse(String expression) {
    assertThat(check("<sequenceFlow id=\"SequenceFlow_A\"><conditionExpression>" + expression
        + "</conditionExpression></sequenceFlow>"))
        .singleElement().satisfies(rule -> assertThat(rule.elementId()).isEqualTo("SequenceFlow_A"));
  }

  @Test
  void refusesScriptsClassesAndUnknownDelegates() {
    List<BrokenRule> broken = check("<scriptTask id=\"Task_Script\" scriptFormat=\"groovy\"><script>1</script>"
        + "</scriptTask><serviceTask id=\"Task_Class\" camunda:class=\"java.lang.Object\"/>"
        + "<serviceTask id=\"Task_Unknown\" camunda:delegateExpression=\"${dataSource}\"/>"
        + "<serviceTask id=\"Task_Known\" camunda:delegateExpression=\"${registerConcern}\"/>");
    assertThat(broken).extracting(BrokenRule::elementId)
        .contains("Task_Script", "Task_Class", "Task_Unknown").doesNotContain("Task_Known");
    assertThat(broken).anySatisfy(rule -> assertThat(rule.words()).contains("'dataSource'", "not a step"));
  }
}
