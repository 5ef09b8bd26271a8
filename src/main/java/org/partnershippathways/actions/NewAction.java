package org.partnershippathways.actions;

import java.time.LocalDate;

/** An action to be created: what, which agency owns it (group id such as {@code police}), by when, how urgent. */
public record NewAction(String description, String owningAgency, LocalDate dueDate, String priority) {
}
