package org.partnershippathways.benchmark;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PathwayGroups;

/**
 * The people and systems of a benchmark run: one user per candidate group ({@code benchmark.coordinators},
 * {@code benchmark.police}, ...), who complete that group's tasks, and the partner systems' users
 * ({@code police-system}, ...) with which the sandbox replies. All get one password generated per run.
 */
final class BenchmarkUsers {

  static final List<String> TASK_GROUPS = List.of(PathwayGroups.COORDINATORS, PathwayGroups.MANAGERS, "police",
      "health", "social-care", "voluntary", "police-managers", "health-managers", "social-care-managers",
      "voluntary-managers");

  private final IdentityService identity;
  private final String password = UUID.randomUUID().toString();

  BenchmarkUsers(IdentityService identity) {
    this.identity = identity;
  }

  void create() {
    for (String group : TASK_GROUPS) {
      createUser(userOfGroup(group), "Benchmark", group, List.of(group));
    }
    for (Agency agency : Agency.values()) {
      createUser(agency.groupId() + "-system", agency.displayName(), "System",
          List.of(agency.groupId(), PathwayGroups.PARTNER_SYSTEMS));
    }
  }

  String password() {
    return password;
  }

  /** The benchmark user who works the tasks of {@code group}. */
  static String userOfGroup(String group) {
    return "benchmark." + group;
  }

  private void createUser(String userId, String firstName, String lastName, List<String> groups) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identity.newUser(userId);
    }
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setPassword(password);
    identity.saveUser(user);
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        throw new IllegalStateException("group " + group + " does not exist: identity set-up changed?");
      }
      if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identity.createMembership(userId, group);
      }
    }
  }
}
