package org.partnershippathways.benchmark;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;

/**
 * Latencies measured in rounds, reported as the median of the rounds' percentiles with the rounds' min-max, so that
 * each figure shows its spread within one run.
 */
final class RoundFigures {

  private final BenchmarkReport report;
  private final String measurement;
  private final List<LatencySample> rounds;

  RoundFigures(BenchmarkReport report, String measurement, List<LatencySample> rounds) {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("no rounds measured for " + measurement);
    }
    this.report = report;
    this.measurement = measurement;
    this.rounds = List.copyOf(rounds);
  }

  /** The median over the rounds of their {@code percentile}, with the rounds' min-max in the figure's name. */
  void percentile(String name, double percentile, String target) {
    report.add(measurement, (name.isEmpty() ? "" : name + " ") + "p" + (int) percentile + " (min-max " + spread(rounds, percentile) + ", "
        + rounds.size() + " rounds)", median(rounds, percentile), "ms", target);
  }

  void openings(String name) {
    report.add(measurement, name + " (" + rounds.size() + " rounds)",
        rounds.stream().mapToInt(LatencySample::count).sum(), "");
  }

  static double median(List<LatencySample> rounds, double percentile) {
    double[] values = rounds.stream().mapToDouble(sample -> sample.percentile(percentile)).sorted().toArray();
    return values[values.length / 2];
  }

  static String spread(List<LatencySample> rounds, double percentile) {
    DoubleSummaryStatistics stats = rounds.stream().mapToDouble(sample -> sample.percentile(percentile))
        .summaryStatistics();
    return String.format(Locale.ROOT, "%.0f-%.0f", stats.getMin(), stats.getMax());
  }
}
