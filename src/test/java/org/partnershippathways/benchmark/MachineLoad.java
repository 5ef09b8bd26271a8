package org.partnershippathways.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * How busy the whole machine's processors were while something ran (the application, PostgreSQL and the clients all
 * run here): the operating system's CPU load, sampled every 200 ms and averaged. Tells whether a figure is limited
 * by processor time rather than by waiting.
 */
final class MachineLoad implements AutoCloseable {

  private final OperatingSystemMXBean system = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "machine-load");
    thread.setDaemon(true);
    return thread;
  });
  private final DoubleAdder total = new DoubleAdder();
  private final LongAdder samples = new LongAdder();

  private MachineLoad() {
    system.getCpuLoad(); // the first reading only sets the starting point
    sampler.scheduleAtFixedRate(this::readOnce, 200, 200, TimeUnit.MILLISECONDS);
  }

  static MachineLoad startSampling() {
    return new MachineLoad();
  }

  private void readOnce() {
    double load = system.getCpuLoad();
    if (load >= 0) {
      total.add(load);
      samples.increment();
    }
  }

  /** The share of all processors' time that was busy, 0 to 1; NaN where the system does not tell. */
  double busyShare() {
    long count = samples.sum();
    return count == 0 ? Double.NaN : total.sum() / count;
  }

  static int processors() {
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
