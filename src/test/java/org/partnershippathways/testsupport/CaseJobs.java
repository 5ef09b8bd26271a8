package org.partnershippathways.testsupport;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** The job executor is off in tests: runs a case's due jobs (partner calls, async steps) until none is left. */
public final class CaseJobs {

  private CaseJobs() {
  }

  public static void runAll(RuntimeService runtime, ManagementService management, String caseId) {
    for (int round = 0; round < 50; round++) {
      Set<String> instances = runtime.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
          .stream().map(instance -> instance.getId()).collect(Collectors.toSet());
      List<Job> due = instances.isEmpty() ? List.of() : management.createJobQuery().executable().list().stream()
          .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs of case " + caseId + " keep coming");
  }
}
