package org.partnershippathways.benchmark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.partnershippathways.testsupport.GateReadyModels;

/**
 * Fills the engine with open cases, each waiting at a user task for one of the pathway's candidate groups (the
 * coordinators or one agency), with the case variables Tasklist shows, as an action task of the pathway does. Each
 * case belongs to a partnership: started with nobody signed in and the variable {@code partnershipId}, as the
 * application starts a process of a partnership, so that the engine's tenant provider gives it that tenant.
 */
final class OpenCases {

  static final String PROCESS_KEY = "benchmark-open-case";
  static final List<String> GROUPS = List.of("coordinators", "police", "health", "social-care", "voluntary");

  private final RepositoryService repository;
  private final RuntimeService runtime;

  OpenCases(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  void deploy() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).name("Benchmark open case")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_CaseOpen").name("Case open")
        .sequenceFlowId("SequenceFlow_ToCompleteAction")
        .userTask("Task_CompleteAction").name("Complete the action")
        .camundaFormRef("complete-action").camundaFormRefBinding("deployment")
        .camundaCandidateGroups("${owningGroup}").camundaDueDate("${dueDate}")
        .sequenceFlowId("SequenceFlow_ActionClosed")
        .endEvent("EndEvent_ActionClosed").name("Action closed")
        .done();
    repository.createDeployment().name(PROCESS_KEY).addModelInstance(PROCESS_KEY + ".bpmn", model)
        .addString("complete-action.form", GateReadyModels.form("complete-action")).deploy();
  }

  /**
   * Starts {@code count} cases on {@code threads} threads; each start is its own transaction, as in production.
   * Cases go to the partnerships in turn, five at a time (one of each candidate group), so that every partnership
   * gets the same share of each group and its cases are spread over the whole period of starting, as when
   * partnerships work side by side.
   *
   * @param prefix the business keys' prefix ({@code BM}: {@code BM-0000001}, ...)
   */
  void start(String prefix, int count, int threads, List<String> partnerships) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            String reference = String.format("%s-%07d", prefix, i);
            runtime.startProcessInstanceByKey(PROCESS_KEY, reference, Map.of(
                "partnershipId", partnerships.get(i / GROUPS.size() % partnerships.size()),
                "caseReference", reference,
                "riskRating", i % 10 == 0 ? "RED" : i % 3 == 0 ? "AMBER" : "GREEN",
                "owningGroup", GROUPS.get(i % GROUPS.size()),
                "dueDate", new java.util.Date(System.currentTimeMillis() + (i % 40 - 10) * 86_400_000L)));
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
