package org.partnershippathways.benchmark;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.partnershippathways.security.PathwayGroups;

/**
 * The people and systems of a benchmark run: one user per candidate group ({@code benchmark.coordinators},
 * {@code benchmark.police}, ...), who complete that group's tasks. All get one password generated per run. (The
 * sandbox replies with the partner systems' keys.)
 */
final class BenchmarkUsers {

  static final List<String> TASK_GROUPS = List.of(PathwayGroups.COORDINATORS, PathwayGroups.MANAGERS, "police",
      "health", "social-care", "voluntary", "police-managers", "health-managers", "social-care-managers",
      "voluntary-managers");

  /** The partnership the benchmark's users and cases belong to: the application's default first partnership. */
  static final String PARTNERSHIP = "our-partnership";

  private final IdentityService identity;
  private final String password = UUID.randomUUID().toString();

  BenchmarkUsers(IdentityService identity) {
    this.identity = identity;
  }

  void create() {
    for (String group : TASK_GROUPS) {
      createUser(userOfGroup(group), "Benchmark", group, List.of(group));
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
    if (identity.createUserQuery().userId(userId).memberOfTenant(PARTNERSHIP).count() == 0) {
      identity.createTenantUserMembership(PARTNERSHIP, userId);
    }
  }
}
