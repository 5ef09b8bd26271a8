package org.partnershippathways.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Engine users for integration tests: tests share a database, so each makes its own users. */
public final class TestUsers {

  private TestUsers() {
  }

  /**
   * Creates the user (unless it exists) with the password, as a member of the groups and of the first partnership
   * ({@link TestPartnerships#FIRST}).
   */
  public static void create(IdentityService identity, String userId, String password, String... groups) {
    createIn(TestPartnerships.FIRST, identity, userId, password, groups);
  }

  /** Creates the user (unless it exists) as a member of the groups in the partnership. */
  public static void createIn(String partnership, IdentityService identity, String userId, String password,
      String... groups) {
    if (identity.createUserQuery().userId(userId).count() > 0) {
      return;
    }
    if (identity.createTenantQuery().tenantId(partnership).count() == 0) {
      org.camunda.bpm.engine.identity.Tenant tenant = identity.newTenant(partnership);
      tenant.setName(partnership);
      identity.saveTenant(tenant);
    }
    User user = identity.newUser(userId);
    user.setFirstName(userId);
    user.setLastName("Test");
    user.setPassword(password);
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(userId, group);
    }
    identity.createTenantUserMembership(partnership, userId);
  }
}
