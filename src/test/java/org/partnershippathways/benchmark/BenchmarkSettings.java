package org.partnershippathways.benchmark;

/**
 * Sizes and database of a benchmark run, from system properties (see the README's benchmark section). The
 * defaults are the full size; {@code .ci/run} passes small sizes only to prove the benchmark works.
 */
record BenchmarkSettings(int pathways, int openCases, int historicActivities, int threads, String databaseUrl,
    String databaseUser, String jarPath) {

  static BenchmarkSettings fromSystemProperties() {
    return new BenchmarkSettings(
        Integer.getInteger("benchmark.pathways", 1_000),
        Integer.getInteger("benchmark.openCases", 100_000),
        Integer.getInteger("benchmark.historicActivities", 1_000_000),
        Integer.getInteger("benchmark.threads", 8),
        System.getProperty("benchmark.db.url", "jdbc:postgresql://127.0.0.1:5432/pathways_benchmark"),
        System.getProperty("benchmark.db.user", "postgres"),
        System.getProperty("benchmark.jar", ""));
  }
}
