package org.partnershippathways.benchmark;

import org.partnershippathways.testsupport.TestPostgres;

/**
 * Sizes and database of a benchmark run, from system properties (see the README's benchmark section). The
 * defaults are the full size; {@code .ci/run} passes small sizes only to prove the benchmark works.
 */
record BenchmarkSettings(int pathways, int openCases, int nationalOpenCases, int partnerships,
    int historicActivities, int threads, String databaseUrl, String databaseUser, String jarPath) {

  static final String DEFAULT_DATABASE = TestPostgres.DEFAULT_SERVER + "pathways_benchmark";

  /** The database is on the server {@code benchmark.db.url} names; unset, on the local one or an embedded one. */
  static BenchmarkSettings fromSystemProperties() {
    String chosenUrl = System.getProperty("benchmark.db.url", "").strip();
    TestPostgres.Database database = TestPostgres.prepare(chosenUrl.isEmpty() ? DEFAULT_DATABASE : chosenUrl,
        System.getProperty("benchmark.db.user", "postgres"), !chosenUrl.isEmpty());
    System.out.println("Benchmark on: " + database.description());
    return new BenchmarkSettings(
        Integer.getInteger("benchmark.pathways", 1_000),
        Integer.getInteger("benchmark.openCases", 100_000),
        Integer.getInteger("benchmark.nationalOpenCases", 250_000),
        Integer.getInteger("benchmark.partnerships", 50),
        Integer.getInteger("benchmark.historicActivities", 1_000_000),
        Integer.getInteger("benchmark.threads", 8),
        database.url(),
        database.user(),
        System.getProperty("benchmark.jar", ""));
  }
}
