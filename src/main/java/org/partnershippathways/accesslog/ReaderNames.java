package org.partnershippathways.accesslog;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Readers in words ("Carol Coordinator (carol)") and moments as UK dates and times ("04/12/2026 09:13"). */
@Component
record ReaderNames(IdentityService identity, CurrentUser currentUser) {


  /** Each user id with its name, in one query; a user no longer held is shown by id with a note. */
  Map<String, String> of(Collection<String> userIds) {
    Map<String, String> names = new HashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    currentUser.asSystem(() -> identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()
        .forEach(user -> names.put(user.getId(), name(user))));
    userIds.forEach(id -> names.putIfAbsent(id, id + " (no longer a user)"));
    return names;
  }

  private static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }

  static String moment(Instant instant) {
    return UkDates.dayAndTime(instant);
  }
}
