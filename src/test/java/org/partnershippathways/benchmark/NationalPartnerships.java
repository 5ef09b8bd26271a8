package org.partnershippathways.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.partnershippathways.security.PathwayGroups;

/**
 * The partnerships of the national-scale figures (c'), (g') and (d'): {@code benchmark.partnerships} (default 50)
 * Camunda tenants {@code partnership-01}, ... created through the {@link IdentityService} as Admin creates them, and
 * the people who look at them: a police officer and a manager of the first one only (members of that tenant alone,
 * as a practitioner of one partnership is), and a manager of every one of them (a national view, for (d)).
 */
final class NationalPartnerships {

  private final IdentityService identity;
  private final String password;
  private final List<String> ids;

  NationalPartnerships(IdentityService identity, String password, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one partnership: " + count);
    }
    this.identity = identity;
    this.password = password;
    this.ids = IntStream.rangeClosed(1, count).mapToObj(i -> String.format(Locale.ROOT, "partnership-%02d", i))
        .toList();
  }

  void create() {
    for (String id : ids) {
      if (identity.createTenantQuery().tenantId(id).count() == 0) {
        Tenant tenant = identity.newTenant(id);
        tenant.setName("Benchmark " + id);
        identity.saveTenant(tenant);
      }
    }
    createUser(policeOfficer(), "police", List.of(measured()));
    createUser(manager(), PathwayGroups.MANAGERS, List.of(measured()));
    createUser(managerOfAll(), PathwayGroups.MANAGERS, ids);
  }

  List<String> ids() {
    return ids;
  }

  /** The partnership whose people are measured. */
  String measured() {
    return ids.get(0);
  }

  /** A police officer of {@link #measured()} only. */
  String policeOfficer() {
    return "benchmark.police." + measured();
  }

  /** A manager of {@link #measured()} only. */
  String manager() {
    return "benchmark.managers." + measured();
  }

  /** A manager who is a member of every one of these partnerships. */
  String managerOfAll() {
    return "benchmark.managers.national";
  }

  private void createUser(String userId, String group, List<String> partnerships) {
    User user = identity.newUser(userId);
    user.setFirstName("Benchmark");
    user.setLastName(group);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(userId, group);
    for (String partnership : partnerships) {
      identity.createTenantUserMembership(partnership, userId);
    }
  }
}
