package org.partnershippathways.sharing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A coordinator's task is named after the agency it is about, so that Tasklist's list tells them apart. */
@Component("nameAfterAgency")
record NameAfterAgencyListener(InformationRequests requests) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    requests.nameAfterAgency(task);
  }
}
