package org.partnershippathways.benchmark;

import java.util.Arrays;

/** Latencies of repeated calls, in milliseconds, summarised as percentiles (nearest-rank). */
final class LatencySample {

  private final double[] millis;

  private LatencySample(double[] millis) {
    this.millis = millis.clone();
    Arrays.sort(this.millis);
  }

  static LatencySample ofNanos(long[] nanos) {
    return new LatencySample(Arrays.stream(nanos).mapToDouble(n -> n / 1_000_000.0).toArray());
  }

  double percentile(double p) {
    if (millis.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * millis.length);
    return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
  }

  double max() {
    return millis.length == 0 ? Double.NaN : millis[millis.length - 1];
  }

  int count() {
    return millis.length;
  }
}
