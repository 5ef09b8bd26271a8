package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@PathwaysIntegrationTest
class IdentitySetupIT {

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired TestRestTemplate rest;

  @Test
  void createsAGroupForEveryAgencyAndRole() {
    for (String group : new String[] {"coordinators", "police", "health", "social-care", "voluntary", "managers",
        "process-owners", "police-managers", "health-managers", "social-care-managers", "voluntary-managers"}) {
      assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
  }

  @Test
  void createsNoDemoUsersOutsideDemoMode() {
    assertThat(identityService.createUserQuery().userId("coordinator").count()).isZero();
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
  }

  @Test
  void onlyManagersAndProcessOwnersMayOpenCockpit() {
    assertThat(authorizationService.isUserAuthorized("someone", java.util.List.of("managers"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizationService.isUserAuthorized("someone", java.util.List.of("police"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizationService.isUserAuthorized("someone", java.util.List.of("police"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
  }

  @Test
  void theRestApisRefuseAnonymousCalls() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/anything", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void healthIsOpenAndReportsTheEngineAndTheDatabase() {
    String health = rest.getForObject("/actuator/health", String.class);
    assertThat(health).contains("\"status\":\"UP\"").contains("processEngine").contains("db");
  }
}
