package org.partnershippathways.reliability;

import java.time.Duration;

/**
 * Sizes and timings of a reliability run (docs/reliability.md), from system properties. The defaults are the full
 * size; {@code .ci/run} passes a small size only to prove the run works.
 *
 * @param cases cases driven to closure
 * @param drivers driver threads (each a coordinator and practitioners working one case at a time)
 * @param partnerDown the agency whose system is taken down
 * @param partnerOutage how long that system is down
 * @param nodeDowntime how long the killed node stays down before it is started again
 * @param jobLockTime the nodes' job lock time (unset: the application's own setting); a job a killed node held
 *     waits this long before another node may take it
 * @param firstPort the run's ports start here (dedicated PostgreSQL, sandbox, partner front, two nodes); 0: free
 *     ports picked at start
 * @param patience how long a case may go without moving on before its driver gives up on it (it is then stuck)
 * @param jarPath the packaged application
 */
record ReliabilitySettings(int cases, int drivers, String partnerDown, Duration partnerOutage,
    Duration nodeDowntime, Duration jobLockTime, int firstPort, Duration patience, String jarPath) {

  static ReliabilitySettings fromSystemProperties() {
    String lockTime = System.getProperty("reliability.jobLockTime", "").strip();
    return new ReliabilitySettings(
        Integer.getInteger("reliability.cases", 1_000),
        Integer.getInteger("reliability.drivers", 6),
        System.getProperty("reliability.partnerDown", "police"),
        Duration.parse(System.getProperty("reliability.partnerOutage", "PT2M")),
        Duration.parse(System.getProperty("reliability.nodeDowntime", "PT10S")),
        lockTime.isEmpty() ? null : Duration.parse(lockTime),
        Integer.getInteger("reliability.firstPort", 0),
        Duration.parse(System.getProperty("reliability.patience", "PT15M")),
        System.getProperty("reliability.jar", ""));
  }
}
