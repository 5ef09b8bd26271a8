package org.partnershippathways.migration;

import java.util.List;

/** A pathway process and its deployed versions, newest first, each with the running cases on it. */
record PathwayVersions(String process, String processName, List<Version> versions) {

  /** A deployed version: when (UK time) and in which deployment, and how many of its cases are running. */
  record Version(int version, String deployedAt, String deploymentName, long runningCases, boolean latest) {
  }
}
