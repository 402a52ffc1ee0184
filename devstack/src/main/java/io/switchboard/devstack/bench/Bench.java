package io.switchboard.devstack.bench;

import io.switchboard.devstack.LocalStack;
import io.switchboard.devstack.Ports;
import io.switchboard.devstack.ServiceProcess;
import io.switchboard.devstack.SwitchboardService;
import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Report;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The driver of {@code ./bench.sh}: baselines (Kafka's ProducerPerformance, pgbench), ingest alone,
 * then the whole pipeline at open-loop rates and at saturation, against the local stack on its
 * fixed ports. Prints the report as it goes and writes it to {@code target/bench/<run>.txt}. The
 * README's "Benchmark" section says what every figure measures.
 */
public final class Bench {
  // Topic names as in contracts' Topics; devstack does not depend on the services' modules.
  static final String INBOUND = "inquiries.inbound";
  static final String LIFECYCLE = "inquiries.lifecycle";
  private static final String API_KEY = "local-dev-web-form-key";
  private static final String DATABASE = "switchboard";
  private static final String ALONE_ROLE = "bench_ingest_alone";
  private static final String ALONE_LABEL = "ingest (alone)";
  private static final double TARGET_RATE = 1000;
  private static final double INGEST_ALONE_TARGET = 5000;
  private static final long HEAP_TARGET = 256L * 1024 * 1024;
  private static final double TOLERANCE = 0.01;

  private final Options options;
  private final Path root = Path.of("").toAbsolutePath();
  private final String runId =
      LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  private final Path work;
  private final Report report;
  private final String bootstrap;
  private final int postgresPort;
  private final int smtpPort;
  private final String mailUrl;
  private final Map<SwitchboardService, Integer> servicePorts = new LinkedHashMap<>();
  private final List<Sampler.Target> stackProcesses = new ArrayList<>();
  private final List<StepResult> results = new ArrayList<>();
  private final AtomicReference<ServiceProcess> aloneProcess = new AtomicReference<>();
  private final Map<String, Double> idleStatementsPerSecond = new HashMap<>();
  private Sampler activeSampler;
  private Admin admin;
  private DbStats db;
  private Baselines.Producer producer;
  private Baselines.Insert insert;
  private int stepNumber;
  private int stepCount;

  private Bench(Options options) {
    this.options = options;
    this.work = options.out().resolve(runId);
    this.report = new Report(options.out().resolve(runId + ".txt"));
    this.bootstrap = "127.0.0.1:" + port("SWITCHBOARD_KAFKA_PORT", 9092);
    this.postgresPort = port("SWITCHBOARD_POSTGRES_PORT", 55432);
    this.smtpPort = port("SWITCHBOARD_SMTP_PORT", 2525);
    this.mailUrl = "http://127.0.0.1:" + port("SWITCHBOARD_MAIL_VIEWER_PORT", 8025);
    for (SwitchboardService service : SwitchboardService.values()) {
      servicePorts.put(
          service, port("SWITCHBOARD_" + service.name() + "_PORT", service.defaultPort()));
    }
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Bench bench = new Bench(options);
    Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAlone));
    try {
      bench.run();
    } catch (Exception e) {
      System.err.println("\nThe benchmark stopped: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000));
    Map<String, String> roles = new LinkedHashMap<>();
    for (SwitchboardService service : SwitchboardService.values()) {
      roles.put(LocalStack.databaseRole(service), label(service));
    }
    db =
        new DbStats(
            "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE, "postgres", roles);
    findProcesses();
    ensureTopics();
    stepCount =
        (options.ingestAlone() ? 1 : 0) + options.rates().size() + (options.saturation() ? 1 : 0);
    header();

    if (options.baselines()) {
      baselines();
    }
    if (options.ingestAlone()) {
      guarded("ingest alone", this::ingestAlone);
    }
    if (!options.rates().isEmpty() || options.saturation()) {
      guarded("end-to-end warm-up", this::warmUp);
      guarded("idle measurement", this::idle);
    }
    for (int rate : options.rates()) {
      guarded(
          "end to end at " + rate + "/s",
          () ->
              endToEnd(
                  "end to end, open loop at " + rate + "/s", rate, options.connectionsFor(rate)));
    }
    if (options.saturation()) {
      guarded(
          "end to end at saturation",
          () ->
              endToEnd(
                  "end to end at saturation (closed loop)", 0, options.saturationConnections()));
    }
    summary();
    report.line("");
    report.line("Report: " + report.file().toAbsolutePath());
    admin.close();
    db.close();
  }

  private void guarded(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      report.line("  " + what + " FAILED: " + e.getMessage());
      e.printStackTrace();
    } finally {
      // A failed step must not leave its sampler scraping the services during the next one.
      Sampler sampler = activeSampler;
      if (sampler != null) {
        sampler.close();
      }
    }
  }

  private Sampler startSampler(List<Sampler.Target> targets) {
    activeSampler =
        new Sampler(
            targets,
            Duration.ofMillis(options.sampleMillis()),
            Duration.ofSeconds(options.metricsSeconds()));
    return activeSampler;
  }

  // ---------------------------------------------------------------------------------------------
  // Header and baselines

  private void header() {
    report.line("Switchboard benchmark, run " + runId);
    report.line("");
    report.line(
        "commit",
        options.commit()
            + "; stack "
            + (options.stack().equals("started")
                ? "started by bench.sh (fresh state, stopped at the end)"
                : "already running, reused"));
    long memory =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    report.line(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + Format.mib(memory)
            + " memory, load average "
            + Report.loadAverage()
            + " at the start (other work on the machine skews every figure: see"
            + " \"others\" under CPU)");
    StringBuilder services = new StringBuilder();
    servicePorts.forEach((s, p) -> services.append(label(s)).append(" :").append(p).append("  "));
    report.line(
        "stack",
        services
            + "Kafka "
            + bootstrap
            + "  PostgreSQL :"
            + postgresPort
            + "/"
            + DATABASE
            + "  mail "
            + mailUrl);
    report.line(
        "plan",
        options.stepSeconds()
            + " s per step; open-loop rates "
            + options.rates()
            + (options.saturation()
                ? "; saturation: closed loop, " + options.saturationConnections() + " connections"
                : "")
            + "; warm-up "
            + options.warmupSeconds()
            + " s; backlog wait up to "
            + options.drainSeconds()
            + " s after each step");
    report.line(
        "DB statements",
        db.available()
            ? "pg_stat_statements calls, attributed " + db.attribution()
            : "n/a: " + db.unavailableReason());
    if (options.stepSeconds() < 60) {
      report.line(
          "note",
          "steps of "
              + options.stepSeconds()
              + " s: the throughput target (sustained 60 s) is not judged on this run");
    }
  }

  private void baselines() {
    report.line("");
    report.line("Baselines (same broker, same database, same run)");
    try {
      Report.progress(
          "Kafka ProducerPerformance, " + Format.count(options.producerRecords()) + " records");
      producer = Baselines.producer(bootstrap, options.producerRecords(), work);
      report.line(
          "Kafka producer",
          Format.rate(producer.recordsPerSecond())
              + " records; latency avg "
              + Format.ms(producer.avgMs())
              + "  p50 "
              + Format.ms(producer.p50Ms())
              + "  p99 "
              + Format.ms(producer.p99Ms())
              + "  p999 "
              + Format.ms(producer.p999Ms())
              + "  max "
              + Format.ms(producer.maxMs()));
      report.line(
          "",
          "(ProducerPerformance, "
              + Format.count(producer.records())
              + " × "
              + producer.settings()
              + "; closed loop, so latency is mostly queueing in the producer)");
    } catch (RuntimeException e) {
      report.line("Kafka producer", "FAILED: " + e.getMessage());
    }
    if (!db.available()) {
      report.line("pgbench", "skipped: " + db.unavailableReason());
      return;
    }
    try {
      Report.progress("pgbench, " + options.pgbenchSeconds() + " s");
      insert =
          Baselines.insert(
              db, postgresPort, DATABASE, options.pgbenchClients(), options.pgbenchSeconds(), work);
      report.line(
          "pgbench single insert",
          Format.num(insert.tps(), 0) + " tps; latency " + insert.latencyMs().millis());
      report.line(
          "",
          "("
              + insert.settings()
              + ", synchronous_commit as the stack runs it; "
              + Format.count(insert.latencyMs().count())
              + " transactions logged)");
    } catch (RuntimeException e) {
      report.line("pgbench single insert", "FAILED: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Steps

  /**
   * A second ingest-service on a spare port, with a topic prefix of its own that no consumer reads,
   * so that its acceptance rate is measured without routing, SLA and notification competing for the
   * two cores. Same jar, JVM options, broker and database as the stack's; its web-form rate limit
   * is lifted (the stack's 1,000/s per key is a policy, and would cap the figure).
   */
  private void ingestAlone() {
    String topicPrefix = "bench-" + runId + "-alone.";
    int port = Ports.free();
    String role = db.byRole() ? ALONE_ROLE : "postgres";
    if (db.byRole()) {
      db.execute(
          "do $$ begin if not exists (select 1 from pg_roles where rolname = '"
              + ALONE_ROLE
              + "') then create role "
              + ALONE_ROLE
              + " login superuser; end if; end $$");
      db.addRole(ALONE_ROLE, ALONE_LABEL);
    }
    var stack =
        new SwitchboardService.Stack(
            bootstrap, postgresPort, DATABASE, role, smtpPort, topicPrefix);
    Map<String, String> properties = SwitchboardService.INGEST.properties(stack, port);
    properties.put("ingest.channels.web-form.rate-limit.per-second", "1000000");
    properties.put("ingest.channels.web-form.rate-limit.burst", "1000000");
    // Its own group: joining the stack's ingest-service group would rebalance that consumer.
    properties.put("switchboard.consumers.inquiries-lifecycle.group", "bench-ingest-alone");
    List<String> topics = List.of(topicPrefix + INBOUND, topicPrefix + LIFECYCLE);
    for (String topic : topics) {
      Baselines.createTopic(admin, topic, 3);
    }
    Report.progress("starting a second ingest-service on port " + port);
    try {
      ServiceProcess alone =
          ServiceProcess.start(SwitchboardService.INGEST, root, properties, work.resolve("logs"));
      aloneProcess.set(alone);
      alone.awaitReady(Duration.ofMinutes(3));
      long pid =
          Procs.listening(port)
              .orElseThrow(() -> new IllegalStateException("no process listens on " + port));
      String url = "http://127.0.0.1:" + port;
      int connections = options.ingestAloneConnections();
      int threads = Options.threadsFor(0, connections);
      if (options.warmupSeconds() > 0) {
        Report.progress("warm-up of ingest alone, " + options.warmupSeconds() + " s");
        Wrk.run(
            new Wrk.Load(url, 0, connections, threads, Duration.ofSeconds(options.warmupSeconds())),
            keyPrefix("alone-warmup"),
            API_KEY,
            work);
      }
      Wrk.Load load =
          new Wrk.Load(url, 0, connections, threads, Duration.ofSeconds(options.stepSeconds()));
      String prefix = keyPrefix("alone");
      Map<TopicPartition, Long> start = endOffsets(List.of(topicPrefix + INBOUND));
      DbStats.Snapshot db0 = db.snapshot();
      Sampler.Target target = new Sampler.Target(ALONE_LABEL, pid, url + "/q/metrics", false);
      List<Sampler.Target> targets = new ArrayList<>(List.of(target));
      targets.addAll(stackProcesses);
      Sampler sampler = startSampler(targets);
      long stepStart = System.currentTimeMillis();
      Wrk.Result http = Wrk.run(load, prefix, API_KEY, work);
      sampler.stop();
      long published = sum(endOffsets(List.of(topicPrefix + INBOUND))) - sum(start);
      StepResult result =
          new StepResult(
              "ingest alone (second ingest-service, closed loop, nothing consumes its topic)",
              false,
              0,
              load,
              http,
              null,
              published,
              db.snapshot().minus(db0),
              sampler,
              published,
              null,
              stepStart);
      results.add(result);
      print(result);
    } finally {
      stopAlone();
      Baselines.deleteQuietly(admin, topics.toArray(String[]::new));
    }
  }

  private void stopAlone() {
    ServiceProcess alone = aloneProcess.getAndSet(null);
    if (alone != null) {
      alone.close();
    }
  }

  /** JIT and connection pools warm before the first measured step; not reported in figures. */
  private void warmUp() {
    if (options.warmupSeconds() <= 0) {
      return;
    }
    int rate = options.rates().isEmpty() ? 100 : options.rates().getFirst();
    Report.progress("end-to-end warm-up, " + options.warmupSeconds() + " s at " + rate + "/s");
    String prefix = keyPrefix("warmup");
    Map<TopicPartition, Long> start = endOffsets(List.of(INBOUND, LIFECYCLE));
    try (PipelineTracker tracker = new PipelineTracker(bootstrap, "", prefix, mailUrl, start)) {
      int connections = options.connectionsFor(rate);
      Wrk.Result http =
          Wrk.run(
              new Wrk.Load(
                  serviceUrl(SwitchboardService.INGEST),
                  rate,
                  connections,
                  Options.threadsFor(rate, connections),
                  Duration.ofSeconds(options.warmupSeconds())),
              prefix,
              API_KEY,
              work);
      Drain drain = drain(tracker, System.currentTimeMillis());
      report.line("");
      report.line(
          "Warm-up (not measured): "
              + Format.count(http.accepted())
              + " inquiries accepted at "
              + rate
              + "/s over "
              + options.warmupSeconds()
              + " s; backlog "
              + (drain.done()
                  ? "drained " + Format.num(drain.seconds(), 1) + " s after the load"
                  : "NOT drained within " + options.drainSeconds() + " s"));
    }
  }

  private void endToEnd(String name, int rate, int connections) {
    String prefix = keyPrefix(rate == 0 ? "saturation" : "r" + rate);
    Wrk.Load load =
        new Wrk.Load(
            serviceUrl(SwitchboardService.INGEST),
            rate,
            connections,
            Options.threadsFor(rate, connections),
            Duration.ofSeconds(options.stepSeconds()));
    Map<TopicPartition, Long> start = endOffsets(List.of(INBOUND, LIFECYCLE));
    long recordsBefore = totalRecords();
    DbStats.Snapshot db0 = db.snapshot();
    Report.progress(name + ": " + load.describe());
    try (PipelineTracker tracker = new PipelineTracker(bootstrap, "", prefix, mailUrl, start)) {
      Sampler sampler = startSampler(stackProcesses);
      long stepStart = System.currentTimeMillis();
      Wrk.Result http = Wrk.run(load, prefix, API_KEY, work);
      Report.progress("load done, waiting for the backlog");
      Drain drain = drain(tracker, System.currentTimeMillis());
      sampler.stop();
      DbStats.Snapshot dbDelta = db.snapshot().minus(db0);
      long kafkaRecords = totalRecords() - recordsBefore;
      PipelineTracker.Outcome outcome = tracker.outcome();
      if (tracker.failure() != null) {
        report.line("  tracker failed: " + tracker.failure());
      }
      StepResult result =
          new StepResult(
              name,
              true,
              rate,
              load,
              http,
              outcome,
              outcome.received(),
              dbDelta,
              sampler,
              kafkaRecords,
              drain,
              stepStart);
      results.add(result);
      print(result);
    }
  }

  /**
   * Statements and CPU of the stack with no load, so that a step's figures per inquiry can be read
   * net of the services' background work (outbox relays, timers, consumer polls), which dominates
   * at low rates.
   */
  private void idle() {
    int seconds = options.idleSeconds();
    if (seconds <= 0) {
      return;
    }
    Report.progress("idle stack, " + seconds + " s");
    DbStats.Snapshot before = db.snapshot();
    Sampler sampler = startSampler(stackProcesses);
    sleep(seconds * 1000L);
    sampler.stop();
    DbStats.Snapshot delta = db.snapshot().minus(before);
    StringBuilder statements = new StringBuilder();
    delta
        .calls()
        .forEach(
            (label, calls) -> {
              if (!label.equals(ALONE_LABEL)) {
                double rate = calls / sampler.seconds();
                idleStatementsPerSecond.put(label, rate);
                statements.append(label).append(' ').append(Format.num(rate, 1)).append("  ");
              }
            });
    StringBuilder cpu = new StringBuilder();
    for (Sampler.Usage u : sampler.usage()) {
      cpu.append(u.target.name())
          .append(' ')
          .append(Format.num(u.cores(sampler.seconds()), 2))
          .append("  ");
    }
    report.line("");
    report.line("Idle stack (no load, " + Format.num(sampler.seconds(), 1) + " s)");
    report.line("DB statements/s", db.available() ? statements.toString().trim() : "n/a");
    report.line("CPU (cores)", cpu.toString().trim());
    report.line(
        "",
        "machine busy "
            + Format.num(sampler.machineCores(), 2)
            + " of "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
  }

  /** How the wait for a step's backlog ended. */
  record Drain(double seconds, boolean done, long pending, long lag) {}

  /**
   * Waits, up to {@code --drain-seconds}, until every inquiry of the step is routed and
   * acknowledged and the services' consumer groups have committed up to the end of their topics, so
   * that the next step does not inherit this one's backlog.
   */
  private Drain drain(PipelineTracker tracker, long loadEnd) {
    long deadline = loadEnd + options.drainSeconds() * 1000L;
    while (true) {
      boolean caughtUp = tracker.caughtUpTo(endOffsets(List.of(INBOUND)));
      long pending = tracker.pending(true);
      long lag = caughtUp && pending == 0 ? groupLag() : -1;
      double seconds = (System.currentTimeMillis() - loadEnd) / 1000.0;
      if (caughtUp && pending == 0 && lag == 0) {
        return new Drain(seconds, true, 0, 0);
      }
      if (System.currentTimeMillis() > deadline) {
        return new Drain(seconds, false, pending, lag < 0 ? groupLag() : lag);
      }
      sleep(500);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Printing

  /** One step's figures, for its block and the summary. */
  record StepResult(
      String name,
      boolean endToEnd,
      int rate,
      Wrk.Load load,
      Wrk.Result http,
      PipelineTracker.Outcome pipeline,
      long inquiries,
      DbStats.Snapshot db,
      Sampler sampler,
      long kafkaRecords,
      Drain drain,
      long stepStartMillis) {

    double acceptedPerSecond() {
      return http.acceptedPerSecond();
    }

    /**
     * Inquiries on the inbound topic per second of load: ingest publishes before it answers, so
     * this counts what wrk gave up waiting for at the end of the step too.
     */
    double publishedPerSecond() {
      return http.seconds() > 0 ? inquiries / http.seconds() : Double.NaN;
    }

    /** Acknowledged inquiries per second from the first request to the last acknowledgement. */
    double acknowledgedPerSecond() {
      if (pipeline == null || pipeline.acknowledged() == 0) {
        return Double.NaN;
      }
      return pipeline.acknowledged()
          / Math.max(0.001, (pipeline.lastAcknowledged() - stepStartMillis) / 1000.0);
    }

    double routedPerSecond() {
      if (pipeline == null || pipeline.routed() == 0) {
        return Double.NaN;
      }
      return pipeline.routed()
          / Math.max(0.001, (pipeline.lastRouted() - stepStartMillis) / 1000.0);
    }

    double statementsPerInquiry(String label) {
      Long calls = db.calls().get(label);
      return calls == null || inquiries == 0 ? Double.NaN : calls / (double) inquiries;
    }
  }

  private void print(StepResult r) {
    stepNumber++;
    Wrk.Result h = r.http();
    report.line("");
    report.line("Step " + stepNumber + "/" + stepCount + ": " + r.name());
    report.line(
        "load",
        r.load().describe()
            + "; wrk used "
            + Format.num(h.cpuSeconds() / Math.max(0.001, h.seconds()), 2)
            + " cores");
    report.line(
        "throughput",
        "accepted "
            + Format.rate(r.acceptedPerSecond())
            + " ("
            + Format.count(h.accepted())
            + " × 202 in "
            + Format.num(h.seconds(), 1)
            + " s; "
            + Format.count(h.limited())
            + " × 429, "
            + Format.count(h.unavailable())
            + " × 503, "
            + Format.count(h.other())
            + " other, "
            + Format.count(h.socketErrors())
            + " socket errors, "
            + Format.count(h.timeouts())
            + " timeouts, "
            + Format.count(h.unanswered())
            + " unanswered at the end)"
            + (r.rate() > 0
                ? "; "
                    + Format.count(h.late())
                    + " sends >10 ms behind schedule (worst "
                    + Format.ms(h.maxLateMs())
                    + ")"
                : ""));
    if (h.requests() == 0 && h.sent() > 0) {
      report.line(
          "",
          "WARNING: not one of "
              + Format.count(h.sent())
              + " requests was answered: the service may be stuck (see its log)");
    }
    if (r.endToEnd()) {
      PipelineTracker.Outcome p = r.pipeline();
      report.line(
          "",
          Format.count(p.received())
              + " on inquiries.inbound ("
              + Format.rate(r.publishedPerSecond())
              + " over the load); routed "
              + Format.count(p.routed())
              + " ("
              + Format.rate(r.routedPerSecond())
              + " from the first request to the last routed), acknowledged "
              + Format.count(p.acknowledged())
              + " ("
              + Format.rate(r.acknowledgedPerSecond())
              + " likewise)");
      report.line(
          "",
          r.drain().done()
              ? "backlog drained "
                  + Format.num(r.drain().seconds(), 1)
                  + " s after the load ended (all routed and acknowledged, consumer lag 0)"
              : "backlog NOT drained "
                  + options.drainSeconds()
                  + " s after the load: "
                  + Format.count(p.received() - p.routed())
                  + " unrouted, "
                  + Format.count(p.received() - p.acknowledged())
                  + " unacknowledged, consumer lag "
                  + Format.count(r.drain().lag()));
    } else {
      report.line(
          "",
          Format.count(r.inquiries())
              + " published to its own inquiries.inbound ("
              + Format.rate(r.publishedPerSecond())
              + " over the load)");
    }
    report.line("HTTP", h.httpMs().millis() + "   (wrk: send to response, every response)");
    if (r.endToEnd()) {
      PipelineTracker.Outcome p = r.pipeline();
      report.line(
          "received→routed",
          p.toRouted().millis()
              + "   ("
              + Format.count(p.routed())
              + " of "
              + Format.count(p.received())
              + ")");
      report.line(
          "received→acknowledged",
          p.toAcknowledged().millis()
              + "   ("
              + Format.count(p.acknowledged())
              + " of "
              + Format.count(p.received())
              + ")");
    }
    printStatements(r);
    printMemoryAndCpu(r);
    printRatios(r);
  }

  private void printStatements(StepResult r) {
    if (!db.available()) {
      report.line("DB statements/inquiry", "n/a: " + db.unavailableReason());
      return;
    }
    if (r.inquiries() == 0) {
      report.line("DB statements/inquiry", "n/a (no inquiries)");
      return;
    }
    double perInquiry = 1.0 / r.inquiries();
    double seconds = r.sampler().seconds();
    StringBuilder line = new StringBuilder();
    for (var entry : r.db().calls().entrySet()) {
      String label = entry.getKey();
      // Ingest alone: the stack's services only idle meanwhile.
      if (!r.endToEnd() && !label.equals(ALONE_LABEL)) {
        continue;
      }
      if (r.endToEnd() && label.equals(ALONE_LABEL)) {
        continue;
      }
      long calls = entry.getValue();
      long control = r.db().transactionControl().getOrDefault(label, 0L);
      line.append(label).append(' ').append(Format.num(calls * perInquiry, 2));
      List<String> details = new ArrayList<>();
      if (control > 0 && !label.startsWith("(")) {
        details.add(Format.num(control * perInquiry, 2) + " txn ctl");
      }
      Double idle = idleStatementsPerSecond.get(label);
      if (idle != null && r.endToEnd()) {
        details.add(
            Format.num(Math.max(0, calls - idle * seconds) * perInquiry, 2) + " net of idle");
      }
      if (!details.isEmpty()) {
        line.append(" (").append(String.join(", ", details)).append(')');
      }
      line.append("   ");
    }
    report.line("DB statements/inquiry", line.toString().trim());
    report.line(
        "",
        (r.endToEnd() ? "all services: " + Format.num(r.db().total() * perInquiry, 2) + "; " : "")
            + "commits (pg_stat_database, whole database): "
            + Format.num(r.db().commits() * perInquiry, 2)
            + " per inquiry"
            + (r.db().deallocations() > 0
                ? "; WARNING: pg_stat_statements evicted "
                    + r.db().deallocations()
                    + " entries, counts are low"
                : ""));
  }

  private void printMemoryAndCpu(StepResult r) {
    StringBuilder memory = new StringBuilder();
    StringBuilder cpu = new StringBuilder();
    double ours = 0;
    double seconds = r.sampler().seconds();
    for (Sampler.Usage u : r.sampler().usage()) {
      double cores = u.cores(seconds);
      ours += cores;
      cpu.append(u.target.name()).append(' ').append(Format.num(cores, 2)).append("  ");
      if (u.target.metricsUrl() != null) {
        memory
            .append(u.target.name())
            .append(" heap ")
            .append(Format.mib(u.heapPeak))
            .append(" (after GC ")
            .append(Format.mib(u.afterGcPeak))
            .append(", committed ")
            .append(Format.mib(u.committedPeak))
            .append(") RSS ")
            .append(Format.mib(u.rssPeak))
            .append("; ");
      }
    }
    double wrk = r.http().cpuSeconds() / seconds;
    ours += wrk + r.sampler().selfCores();
    report.line("memory (peak)", memory.toString().replaceAll("; $", ""));
    report.line(
        "CPU (cores)",
        cpu + "wrk " + Format.num(wrk, 2) + "  bench " + Format.num(r.sampler().selfCores(), 2));
    report.line(
        "",
        "machine busy "
            + Format.num(r.sampler().machineCores(), 2)
            + " of "
            + Runtime.getRuntime().availableProcessors()
            + " cores; others (not this stack or benchmark) "
            + Format.num(Math.max(0, r.sampler().machineCores() - ours), 2)
            + "; over "
            + Format.num(seconds, 1)
            + " s incl. the backlog wait");
  }

  private void printRatios(StepResult r) {
    double seconds = r.sampler().seconds();
    List<String> ratios = new ArrayList<>();
    if (producer != null) {
      ratios.add(
          "accepted/s = "
              + Format.percent(r.acceptedPerSecond() / producer.recordsPerSecond())
              + " of producer records/s");
      if (r.endToEnd()) {
        ratios.add(
            "Kafka records/s (all topics, "
                + Format.num(r.kafkaRecords() / (double) Math.max(1, r.inquiries()), 1)
                + "/inquiry) = "
                + Format.percent(r.kafkaRecords() / seconds / producer.recordsPerSecond()));
      }
    }
    if (insert != null && db.available()) {
      ratios.add(
          "DB statements/s = "
              + Format.percent(r.db().total() / seconds / insert.tps())
              + " of pgbench tps");
      ratios.add(
          "commits/s = " + Format.percent(r.db().commits() / seconds / insert.tps()) + " of it");
    }
    report.line(
        "vs baselines", ratios.isEmpty() ? "n/a (no baselines)" : String.join("; ", ratios));
  }

  private void summary() {
    report.line("");
    report.line("Summary");
    report.line(
        String.format(
            "  %-34s %10s %10s %10s %10s %10s %12s %10s %8s",
            "step",
            "accepted",
            "published",
            "routed",
            "acked",
            "HTTP p99",
            "→routed p99",
            "→ack p99",
            "routing"));
    for (StepResult r : results) {
      PipelineTracker.Outcome p = r.pipeline();
      report.line(
          String.format(
              "  %-34s %10s %10s %10s %10s %10s %12s %10s %8s",
              shortName(r),
              Format.rate(r.acceptedPerSecond()),
              Format.rate(r.publishedPerSecond()),
              p == null ? "–" : Format.rate(r.routedPerSecond()),
              p == null ? "–" : Format.rate(r.acknowledgedPerSecond()),
              Format.ms(r.http().httpMs().p99()),
              p == null ? "–" : Format.ms(p.toRouted().p99()),
              p == null ? "–" : Format.ms(p.toAcknowledged().p99()),
              p == null ? "–" : Format.num(r.statementsPerInquiry("routing"), 2)));
    }
    report.line(
        "  (accepted: 202s per second of load; published: inquiry-received records per second of"
            + " load; routed, acked: from the first request to the last; routing: its DB"
            + " statements per inquiry)");
    targets();
  }

  private static String shortName(StepResult r) {
    if (!r.endToEnd()) {
      return "ingest alone, closed loop";
    }
    return r.rate() > 0 ? "end to end, " + r.rate() + "/s" : "end to end, saturation";
  }

  private void targets() {
    report.line("");
    report.line("Targets (met or not on this run; machine noise included)");
    report.line(
        "  throughput: 202s and acknowledgements per second, both ≥ 1,000/s within 1% (pacing and"
            + " the step's edges), all acknowledged; judged on steps of 60 s or more");
    List<StepResult> endToEnd = results.stream().filter(StepResult::endToEnd).toList();

    // 1. Throughput: accepted and acknowledged at 1,000/s or more, for 60 s.
    StepResult best =
        endToEnd.stream()
            .max(
                (a, b) ->
                    Double.compare(
                        Math.min(a.acceptedPerSecond(), nanToZero(a.acknowledgedPerSecond())),
                        Math.min(b.acceptedPerSecond(), nanToZero(b.acknowledgedPerSecond()))))
            .orElse(null);
    String throughput;
    if (best == null) {
      throughput = "not measured";
    } else {
      double accepted = best.acceptedPerSecond();
      double acknowledged = nanToZero(best.acknowledgedPerSecond());
      boolean allAcknowledged =
          best.pipeline().acknowledged() == best.pipeline().received() && best.drain().done();
      boolean met =
          accepted >= TARGET_RATE * (1 - TOLERANCE)
              && acknowledged >= TARGET_RATE * (1 - TOLERANCE)
              && allAcknowledged;
      throughput =
          verdict(met, options.stepSeconds() >= 60)
              + ": best step ("
              + shortName(best)
              + ") accepted "
              + Format.rate(accepted)
              + ", acknowledged "
              + Format.rate(acknowledged)
              + (allAcknowledged ? "" : ", not all acknowledged");
    }
    report.line("≥ 1,000/s for 60 s", throughput);

    // 2. Ingest alone.
    results.stream()
        .filter(r -> !r.endToEnd())
        .findFirst()
        .ifPresentOrElse(
            r ->
                report.line(
                    "ingest alone ≥ 5,000/s",
                    verdict(r.acceptedPerSecond() >= INGEST_ALONE_TARGET, true)
                        + ": "
                        + Format.rate(r.acceptedPerSecond())),
            () -> report.line("ingest alone ≥ 5,000/s", "not measured"));

    // 3. Latency at 100/s.
    endToEnd.stream()
        .filter(r -> r.rate() == 100)
        .findFirst()
        .ifPresentOrElse(
            r -> {
              PipelineTracker.Outcome p = r.pipeline();
              boolean allRouted = p.routed() == p.received();
              boolean allAcked = p.acknowledged() == p.received();
              report.line(
                  "100/s: →routed p99 < 250ms",
                  verdict(allRouted && p.toRouted().p99() < 250, true)
                      + ": "
                      + Format.ms(p.toRouted().p99())
                      + (allRouted ? "" : " (not all routed)"));
              report.line(
                  "100/s: →acked p99 < 1 s",
                  verdict(allAcked && p.toAcknowledged().p99() < 1000, true)
                      + ": "
                      + Format.ms(p.toAcknowledged().p99())
                      + (allAcked ? "" : " (not all acknowledged)"));
            },
            () -> report.line("100/s latencies", "not measured (no 100/s step in --rates)"));

    // 4. Routing's database work.
    if (!db.available() || endToEnd.isEmpty()) {
      report.line("routing ≤ 3 DB trips", "not measured");
    } else {
      StringBuilder each = new StringBuilder();
      boolean all = true;
      for (StepResult r : endToEnd) {
        double perInquiry = r.statementsPerInquiry("routing");
        all &= perInquiry <= 3;
        each.append(shortName(r).replace("end to end, ", ""))
            .append(' ')
            .append(Format.num(perInquiry, 2));
        Double idle = idleStatementsPerSecond.get("routing");
        if (idle != null && r.inquiries() > 0) {
          long calls = r.db().calls().getOrDefault("routing", 0L);
          each.append(" (net of idle ")
              .append(
                  Format.num(Math.max(0, calls - idle * r.sampler().seconds()) / r.inquiries(), 2))
              .append(')');
        }
        each.append("; ");
      }
      report.line(
          "routing ≤ 3 DB trips",
          verdict(all, true)
              + ": its statements per inquiry at each end-to-end step (≥ round trips unless it"
              + " batches): "
              + each.toString().replaceAll("; $", ""));
    }

    // 5. Heap.
    Map<String, Long> heap = new LinkedHashMap<>();
    for (StepResult r : results) {
      for (Sampler.Usage u : r.sampler().usage()) {
        if (u.target.metricsUrl() != null) {
          heap.merge(u.target.name(), u.heapPeak, Math::max);
        }
      }
    }
    long worst = heap.values().stream().mapToLong(Long::longValue).max().orElse(0);
    StringBuilder heaps = new StringBuilder();
    heap.forEach(
        (name, bytes) -> heaps.append(name).append(' ').append(Format.mib(bytes)).append("; "));
    report.line(
        "heap ≤ 256 MiB each",
        heap.isEmpty()
            ? "not measured"
            : verdict(worst <= HEAP_TARGET, true)
                + ": peak used heap "
                + heaps.toString().replaceAll("; $", ""));
  }

  private static String verdict(boolean met, boolean judged) {
    if (!judged) {
      return "NOT JUDGED (steps < 60 s), would be " + (met ? "met" : "not met");
    }
    return met ? "MET" : "NOT MET";
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  // ---------------------------------------------------------------------------------------------
  // Kafka and processes

  private Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
    try {
      Map<String, TopicDescription> descriptions =
          admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (TopicDescription description : descriptions.values()) {
        description
            .partitions()
            .forEach(
                p ->
                    request.put(
                        new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
      }
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin
          .listOffsets(request)
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((tp, info) -> offsets.put(tp, info.offset()));
      return offsets;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the end offsets of " + topics, e);
    }
  }

  /**
   * The topics the tracker reads exist before the first step, as the broker would create them on
   * first use (3 partitions): a fresh stack may not have routed anything yet.
   */
  private void ensureTopics() {
    try {
      var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      for (String topic : List.of(INBOUND, LIFECYCLE)) {
        if (!existing.contains(topic)) {
          Baselines.createTopic(admin, topic, 3);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot list the broker's topics", e);
    }
  }

  /** Records in every topic but Kafka's own: what the step wrote to the broker. */
  private long totalRecords() {
    try {
      var names = admin.listTopics(new ListTopicsOptions()).names().get(30, TimeUnit.SECONDS);
      return sum(endOffsets(names.stream().filter(n -> !n.startsWith("bench")).toList()));
    } catch (Exception e) {
      return 0;
    }
  }

  /** Records the stack's consumer groups have not yet committed past. */
  private long groupLag() {
    long lag = 0;
    try {
      for (SwitchboardService service : SwitchboardService.values()) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(service.moduleName())
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        List<String> topics =
            committed.keySet().stream()
                .map(TopicPartition::topic)
                .filter(t -> !t.startsWith("bench"))
                .distinct()
                .toList();
        if (topics.isEmpty()) {
          continue;
        }
        Map<TopicPartition, Long> ends = endOffsets(topics);
        for (var entry : ends.entrySet()) {
          OffsetAndMetadata offset = committed.get(entry.getKey());
          long position = offset == null ? 0 : offset.offset();
          lag += Math.max(0, entry.getValue() - position);
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return lag;
  }

  private static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  private void findProcesses() {
    for (var entry : servicePorts.entrySet()) {
      OptionalLong pid = Procs.listening(entry.getValue());
      if (pid.isEmpty()) {
        throw new IllegalStateException(
            label(entry.getKey())
                + " does not listen on "
                + entry.getValue()
                + ": is the stack up?");
      }
      stackProcesses.add(
          new Sampler.Target(
              label(entry.getKey()),
              pid.getAsLong(),
              serviceUrl(entry.getKey()) + "/q/metrics",
              false));
    }
    addProcess(
        "kafka", Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1)), false);
    addProcess("postgres", postgresPort, true);
    addProcess(
        "launcher+mail", Integer.parseInt(mailUrl.substring(mailUrl.lastIndexOf(':') + 1)), false);
  }

  private void addProcess(String name, int port, boolean withChildren) {
    Procs.listening(port)
        .ifPresent(pid -> stackProcesses.add(new Sampler.Target(name, pid, null, withChildren)));
  }

  private String serviceUrl(SwitchboardService service) {
    return "http://127.0.0.1:" + servicePorts.get(service);
  }

  private static String label(SwitchboardService service) {
    return service.moduleName().replace("-service", "");
  }

  /** Idempotency keys and customer addresses of a step start with this; lower case. */
  private String keyPrefix(String step) {
    return ("bench-" + runId + "-" + step).toLowerCase(java.util.Locale.ROOT);
  }

  private static int port(String variable, int fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
