package org.partnershippathways.cases;

import java.time.Instant;
import java.util.List;

/** A concern about the same person (same NHS number, or same name and date of birth) on another case. */
public record EarlierConcern(String caseReference, Instant raisedAt, List<String> categories) {
}
