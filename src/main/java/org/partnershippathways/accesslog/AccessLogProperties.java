package org.partnershippathways.accesslog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pathways.access-log.*}: when the unusual-access report names a user for reading many cases in an hour
 * (docs/data-protection.md, "Who viewed what").
 *
 * @param casesPerHour a user who reads more than this many cases in one clock hour is named, whatever their usual
 * @param usualFactor a user is also named for reading more than this many times their usual cases per hour ...
 * @param usualAtLeast ... when the hour had at least this many cases (a usual of 1 makes 3 unremarkable)
 * @param usualDays the usual is the user's average cases per hour, over the hours in which they read any case, in
 *     this many days before the report's start
 */
@ConfigurationProperties("pathways.access-log")
public record AccessLogProperties(Integer casesPerHour, Integer usualFactor, Integer usualAtLeast, Integer usualDays) {

  public AccessLogProperties {
    casesPerHour = casesPerHour == null ? 30 : casesPerHour;
    usualFactor = usualFactor == null ? 3 : usualFactor;
    usualAtLeast = usualAtLeast == null ? 10 : usualAtLeast;
    usualDays = usualDays == null ? 28 : usualDays;
  }
}
