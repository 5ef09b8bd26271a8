package org.partnershippathways.actions;

/** Where an action stands; every status but OPEN closes it (and ends its tracking). */
enum ActionStatus {
  OPEN, DONE, NOT_DONE, NO_LONGER_NEEDED
}
