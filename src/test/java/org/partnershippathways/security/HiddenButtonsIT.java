package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The webapps load our customisation files instead of Camunda's empty ones: the buttons no role may use are
 * hidden (the Tasklist journey of browser-tests/ checks that Tasklist shows them hidden).
 */
@PathwaysIntegrationTest
class HiddenButtonsIT {

  @Autowired TestRestTemplate rest;

  @Test
  void tasklistOffersNeitherCreateTaskNorTheFilterPencil() {
    assertThat(rest.getForObject("/camunda/app/tasklist/styles/user-styles.css", String.class))
        .contains("li.create-task-action").contains("[cam-tasklist-filters] .actions").contains("display: none");
  }

  @Test
  void cockpitOffersNoWriteActionsOnProcessInstancesAndDefinitions() {
    assertThat(rest.getForObject("/camunda/app/cockpit/styles/user-styles.css", String.class))
        .contains(".ctn-toolbar .btn-toolbar").contains("display: none");
  }
}
