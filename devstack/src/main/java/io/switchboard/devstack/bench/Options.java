package io.switchboard.devstack.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's settings, from {@code ./bench.sh} arguments. */
record Options(
    int stepSeconds,
    List<Integer> rates,
    boolean saturation,
    int saturationConnections,
    boolean ingestAlone,
    int ingestAloneConnections,
    int warmupSeconds,
    int drainSeconds,
    int idleSeconds,
    boolean baselines,
    long producerRecords,
    int pgbenchClients,
    int pgbenchSeconds,
    int maxConnections,
    double headroomSeconds,
    int sampleMillis,
    int metricsSeconds,
    Path out,
    String stack,
    String commit) {

  static final String USAGE =
      """
      ./bench.sh [options]
        --step-seconds N            length of every measured step (default 60)
        --rates R1,R2,...           open-loop end-to-end rates, inquiries/s (default 100,500,1000)
        --no-saturation             skip the closed-loop end-to-end step
        --saturation-connections N  its connections (default 64)
        --no-ingest-alone           skip the ingest-alone step
        --ingest-alone-connections N  its connections (default 64)
        --warmup-seconds N          unmeasured load before the ingest-alone and the first
                                    end-to-end step (default 15; 0: none)
        --drain-seconds N           longest wait after a step for its backlog (default 180)
        --idle-seconds N            measure the idle stack's statements and CPU (default 10)
        --no-baselines              skip ProducerPerformance and pgbench
        --producer-records N        ProducerPerformance records (default 200000)
        --pgbench-clients N         (default 4)
        --pgbench-seconds N         (default 15)
        --max-connections N         cap of open-loop connections (default 256)
        --headroom-seconds S        open-loop connections = rate x S, at least 8 (default 0.5)
        --sample-ms N               RSS and heap-after-GC sampling period (default 250)
        --metrics-seconds N         /q/metrics (used heap) scrape period (default 5)
        --out DIR                   report directory (default target/bench)
      """;

  static Options parse(String[] args) {
    int stepSeconds = 60;
    List<Integer> rates = List.of(100, 500, 1000);
    boolean saturation = true;
    int saturationConnections = 64;
    boolean ingestAlone = true;
    int ingestAloneConnections = 64;
    int warmupSeconds = 15;
    int drainSeconds = 180;
    int idleSeconds = 10;
    boolean baselines = true;
    long producerRecords = 200_000;
    int pgbenchClients = 4;
    int pgbenchSeconds = 15;
    int maxConnections = 256;
    double headroom = 0.5;
    int sampleMillis = 250;
    int metricsSeconds = 5;
    Path out = Path.of("target", "bench");
    String stack = "reused";
    String commit = "?";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--step-seconds" -> stepSeconds = Integer.parseInt(args[++i]);
        case "--rates" -> {
          List<Integer> parsed = new ArrayList<>();
          for (String rate : args[++i].split(",")) {
            if (!rate.isBlank()) {
              parsed.add(Integer.parseInt(rate.trim()));
            }
          }
          rates = List.copyOf(parsed);
        }
        case "--no-saturation" -> saturation = false;
        case "--saturation-connections" -> saturationConnections = Integer.parseInt(args[++i]);
        case "--no-ingest-alone" -> ingestAlone = false;
        case "--ingest-alone-connections" -> ingestAloneConnections = Integer.parseInt(args[++i]);
        case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
        case "--drain-seconds" -> drainSeconds = Integer.parseInt(args[++i]);
        case "--idle-seconds" -> idleSeconds = Integer.parseInt(args[++i]);
        case "--no-baselines" -> baselines = false;
        case "--producer-records" -> producerRecords = Long.parseLong(args[++i]);
        case "--pgbench-clients" -> pgbenchClients = Integer.parseInt(args[++i]);
        case "--pgbench-seconds" -> pgbenchSeconds = Integer.parseInt(args[++i]);
        case "--max-connections" -> maxConnections = Integer.parseInt(args[++i]);
        case "--headroom-seconds" -> headroom = Double.parseDouble(args[++i]);
        case "--sample-ms" -> sampleMillis = Integer.parseInt(args[++i]);
        case "--metrics-seconds" -> metricsSeconds = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--stack" -> stack = args[++i];
        case "--commit" -> commit = args[++i];
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (stepSeconds < 1 || rates.stream().anyMatch(r -> r < 1)) {
      throw new IllegalArgumentException("steps need at least 1 s and rates at least 1/s");
    }
    return new Options(
        stepSeconds,
        rates,
        saturation,
        saturationConnections,
        ingestAlone,
        ingestAloneConnections,
        warmupSeconds,
        drainSeconds,
        idleSeconds,
        baselines,
        producerRecords,
        pgbenchClients,
        pgbenchSeconds,
        maxConnections,
        headroom,
        sampleMillis,
        metricsSeconds,
        out,
        stack,
        commit);
  }

  /** Open-loop connections: enough for a response time of {@code headroomSeconds} (Little). */
  int connectionsFor(int rate) {
    return (int) Math.max(8, Math.min(maxConnections, Math.ceil(rate * headroomSeconds)));
  }

  /** One wrk thread paces up to 1,500 requests/s easily; two share the machine's two cores. */
  static int threadsFor(int rate, int connections) {
    return Math.min(connections, rate == 0 || rate > 1500 ? 2 : 1);
  }
}
