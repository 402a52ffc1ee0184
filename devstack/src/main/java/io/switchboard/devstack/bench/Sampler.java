package io.switchboard.devstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Memory and CPU of the stack's processes during a step, each memory figure kept at its peak.
 *
 * <ul>
 *   <li>Used heap: {@code jvm_memory_used_bytes{area="heap"}} summed over the pools, from each
 *       service's {@code /q/metrics}, every {@code metricsPeriod} (default 5 s). A scrape renders
 *       ~200 KB and was measured at ~0.1 s of the service's CPU on this 2-core machine, so it is
 *       not sampled every second; the peak is that of the samples, a lower bound.
 *   <li>Heap after GC and committed heap: hsperfdata counters ({@link HeapReader}), free to read,
 *       every {@code period} (default 250 ms).
 *   <li>RSS: VmRSS from {@code /proc/<pid>/status}, every {@code period}.
 *   <li>CPU: user plus system time between the step's start and end, in cores (1.0 = one core busy
 *       the whole time); the machine's total shows what other processes took meanwhile.
 * </ul>
 */
final class Sampler implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * @param metricsUrl a service's {@code /q/metrics}; null for processes that are not services
   * @param withChildren count the CPU of its children too (PostgreSQL's backends)
   */
  record Target(String name, long pid, String metricsUrl, boolean withChildren) {}

  /** Peaks and CPU of one process over a step. */
  static final class Usage {
    final Target target;
    final Path perfData;
    long heapPeak;
    long afterGcPeak;
    long committedPeak;
    long rssPeak;
    long cpuStart;
    long cpuEnd;

    Usage(Target target) {
      this.target = target;
      this.perfData = target.metricsUrl() == null ? null : HeapReader.file(target.pid());
    }

    double cores(double seconds) {
      return seconds > 0 ? (cpuEnd - cpuStart) / (double) Procs.TICKS_PER_SECOND / seconds : 0;
    }
  }

  private final Map<String, Usage> usage = new LinkedHashMap<>();
  private final Duration period;
  private final Duration metricsPeriod;
  private final Thread thread;
  private final long[] machineStart;
  private final long startNanos = System.nanoTime();
  private final long selfCpuStart;
  private volatile boolean running = true;
  private long[] machineEnd;
  private long selfCpuEnd;
  private double seconds;

  Sampler(List<Target> targets, Duration period, Duration metricsPeriod) {
    this.period = period;
    this.metricsPeriod = metricsPeriod;
    for (Target target : targets) {
      Usage u = new Usage(target);
      u.cpuStart = cpu(target);
      usage.put(target.name(), u);
    }
    machineStart = Procs.machineTicks();
    selfCpuStart = Procs.cpuTicks(ProcessHandle.current().pid());
    thread = Thread.ofPlatform().name("bench-sampler").daemon().start(this::sampleAll);
  }

  private static long cpu(Target target) {
    return target.withChildren()
        ? Procs.cpuTicksWithChildren(target.pid())
        : Procs.cpuTicks(target.pid());
  }

  private void sampleAll() {
    long nextScrape = System.nanoTime();
    while (running) {
      long next = System.nanoTime() + period.toNanos();
      boolean scrape = System.nanoTime() >= nextScrape;
      if (scrape) {
        nextScrape += metricsPeriod.toNanos();
      }
      for (Usage u : usage.values()) {
        sample(u, scrape);
      }
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          Thread.sleep(Duration.ofNanos(sleep));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static void sample(Usage u, boolean scrape) {
    OptionalLong rss = Procs.rss(u.target.pid());
    Optional<HeapReader.Heap> heap = HeapReader.read(u.perfData);
    OptionalLong used = scrape ? usedHeap(u.target.metricsUrl()) : OptionalLong.empty();
    synchronized (u) {
      u.rssPeak = Math.max(u.rssPeak, rss.orElse(0));
      heap.ifPresent(
          h -> {
            u.afterGcPeak = Math.max(u.afterGcPeak, h.afterGc());
            u.committedPeak = Math.max(u.committedPeak, h.committed());
          });
      u.heapPeak = Math.max(u.heapPeak, used.orElse(0));
    }
  }

  /** {@code jvm_memory_used_bytes{area="heap"}} summed over the pools. */
  static OptionalLong usedHeap(String metricsUrl) {
    if (metricsUrl == null) {
      return OptionalLong.empty();
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(10)).build();
      String text = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
      long used = 0;
      boolean found = false;
      for (String line : text.split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          found = true;
        }
      }
      return found ? OptionalLong.of(used) : OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      // a busy service may miss a sample; the peak stands on the others
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  /** Stops sampling and takes the end readings. */
  void stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Usage u : usage.values()) {
      sample(u, true);
      u.cpuEnd = cpu(u.target);
    }
    machineEnd = Procs.machineTicks();
    selfCpuEnd = Procs.cpuTicks(ProcessHandle.current().pid());
    seconds = (System.nanoTime() - startNanos) / 1e9;
  }

  List<Usage> usage() {
    return new ArrayList<>(usage.values());
  }

  /** The readings once stopped, apart from the sampler's thread. */
  Figures figures() {
    return new Figures(usage(), seconds, machineCores(), selfCores());
  }

  /**
   * What a sampler found over a step.
   *
   * @param seconds from the start to the stop
   * @param machineCores cores the whole machine kept busy (all processes, ours and others')
   * @param selfCores cores the benchmark's own JVM used
   */
  record Figures(List<Usage> usage, double seconds, double machineCores, double selfCores) {}

  double seconds() {
    return seconds;
  }

  /** Cores the whole machine kept busy (all processes, ours and others'). */
  double machineCores() {
    return seconds > 0
        ? (machineEnd[0] - machineStart[0]) / (double) Procs.TICKS_PER_SECOND / seconds
        : 0;
  }

  double selfCores() {
    return seconds > 0
        ? (selfCpuEnd - selfCpuStart) / (double) Procs.TICKS_PER_SECOND / seconds
        : 0;
  }

  @Override
  public void close() {
    if (running) {
      stop();
    }
  }
}
