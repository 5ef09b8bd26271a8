package org.partnershippathways.security;

import java.util.List;

/**
 * The demo users, one or more for every agency and role of the first partnership, and a coordinator, a manager and
 * a police officer of the second (the demo runs two partnerships, {@code application-demo.yaml}); created only in
 * demo mode. Process owners are national: they change the models every partnership shares, and belong to none.
 */
final class DemoUsers {

  /** @param partnership index in the configured partnerships; -1: none */
  record DemoUser(String id, String firstName, String lastName, List<String> groups, int partnership) {

    DemoUser(String id, String firstName, String lastName, List<String> groups) {
      this(id, firstName, lastName, groups, 0);
    }

    /** An example address at the user's agency (police.officer@police.example), where the demo's e-mails go. */
    String email() {
      String group = groups.get(0);
      String domain = group.startsWith("police") ? "police.example" : group.startsWith("health") ? "nhs.example"
          : group.startsWith("social-care") || group.equals(PathwayGroups.OUT_OF_HOURS_DUTY) ? "council.example"
          : group.startsWith("voluntary") ? "voluntary.example" : "hub.example";
      return id + "@" + domain;
    }
  }

  static final List<DemoUser> ALL = List.of(
      new DemoUser("coordinator", "Casey", "Coordinator", List.of(PathwayGroups.COORDINATORS)),
      new DemoUser("manager", "Morgan", "Manager", List.of(PathwayGroups.MANAGERS)),
      new DemoUser("process.owner", "Olive", "Owner", List.of(PathwayGroups.PROCESS_OWNERS), -1),
      new DemoUser("police.officer", "Priya", "Constable", List.of(Agency.POLICE.groupId())),
      new DemoUser("police.manager", "Paul", "Inspector", List.of(Agency.POLICE.managersGroupId())),
      new DemoUser("health.practitioner", "Hana", "Nurse", List.of(Agency.HEALTH.groupId())),
      new DemoUser("health.manager", "Harry", "Lead", List.of(Agency.HEALTH.managersGroupId())),
      new DemoUser("social.worker", "Sam", "Worker", List.of(Agency.SOCIAL_CARE.groupId())),
      new DemoUser("social-care.manager", "Sally", "Team-Manager", List.of(Agency.SOCIAL_CARE.managersGroupId())),
      new DemoUser("duty.officer", "Dev", "Duty-Officer", List.of(PathwayGroups.OUT_OF_HOURS_DUTY)),
      new DemoUser("voluntary.worker", "Vic", "Volunteer", List.of(Agency.VOLUNTARY.groupId())),
      new DemoUser("voluntary.manager", "Val", "Director", List.of(Agency.VOLUNTARY.managersGroupId())),
      new DemoUser("south.coordinator", "Sasha", "Coordinator", List.of(PathwayGroups.COORDINATORS), 1),
      new DemoUser("south.manager", "Sol", "Manager", List.of(PathwayGroups.MANAGERS), 1),
      new DemoUser("south.police.officer", "Sean", "Constable", List.of(Agency.POLICE.groupId()), 1));
  // Partner systems are no users with passwords: they sign in with their keys (PartnerApiKeys).

  private DemoUsers() {
  }
}
