package io.switchboard.devstack.bench;

import io.switchboard.devstack.Ports;
import io.switchboard.devstack.ServiceProcess;
import io.switchboard.devstack.SwitchboardService;
import io.switchboard.devstack.report.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;

/**
 * A second ingest-service on a spare port, with a topic prefix of its own that no consumer reads,
 * so that its acceptance rate is measured without routing, SLA and notification competing for the
 * two cores. Same jar, JVM options, broker and database as the stack's; its web-form rate limit is
 * lifted (the stack's 1,000/s per key is a policy, and would cap the figure).
 */
final class IngestAloneStep {
  /** The label its database statements and CPU are reported under. */
  static final String LABEL = "ingest (alone)";

  private static final String ROLE = "bench_ingest_alone";

  private final AtomicReference<ServiceProcess> process = new AtomicReference<>();

  StepResult run(BenchRun run) {
    DbStats db = run.db();
    BrokerOffsets broker = run.broker();
    StackUnderTest stack = run.stack();
    Options options = run.options();
    Path work = run.work();
    String topicPrefix = "bench-" + run.runId() + "-alone.";
    int port = Ports.free();
    String role = db.byRole() ? ROLE : "postgres";
    if (db.byRole()) {
      db.execute(
          "do $$ begin if not exists (select 1 from pg_roles where rolname = '"
              + ROLE
              + "') then create role "
              + ROLE
              + " login superuser; end if; end $$");
      db.addRole(ROLE, LABEL);
    }
    var aloneStack =
        new SwitchboardService.Stack(
            stack.bootstrap(),
            stack.postgresPort(),
            StackUnderTest.DATABASE,
            role,
            stack.smtpPort(),
            topicPrefix);
    Map<String, String> properties = SwitchboardService.INGEST.properties(aloneStack, port);
    properties.put("ingest.channels.web-form.rate-limit.per-second", "1000000");
    properties.put("ingest.channels.web-form.rate-limit.burst", "1000000");
    // Its own group: joining the stack's ingest-service group would rebalance that consumer.
    properties.put("switchboard.consumers.inquiries-lifecycle.group", "bench-ingest-alone");
    String inbound = topicPrefix + BrokerOffsets.INBOUND;
    List<String> topics = List.of(inbound, topicPrefix + BrokerOffsets.LIFECYCLE);
    for (String topic : topics) {
      Baselines.createTopic(broker.admin(), topic, 3);
    }
    Report.progress("starting a second ingest-service on port " + port);
    try {
      ServiceProcess alone =
          ServiceProcess.start(
              SwitchboardService.INGEST,
              Path.of("").toAbsolutePath(),
              properties,
              work.resolve("logs"));
      process.set(alone);
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
            run.keyPrefix("alone-warmup"),
            StackUnderTest.API_KEY,
            work);
      }
      Wrk.Load load =
          new Wrk.Load(url, 0, connections, threads, Duration.ofSeconds(options.stepSeconds()));
      String prefix = run.keyPrefix("alone");
      Map<TopicPartition, Long> start = broker.endOffsets(List.of(inbound));
      DbStats.Snapshot db0 = db.snapshot();
      List<Sampler.Target> targets =
          new ArrayList<>(List.of(new Sampler.Target(LABEL, pid, url + "/q/metrics", false)));
      targets.addAll(run.stackProcesses());
      Sampler sampler = run.startSampler(targets);
      long stepStart = System.currentTimeMillis();
      Wrk.Result http = Wrk.run(load, prefix, StackUnderTest.API_KEY, work);
      sampler.stop();
      long published =
          BrokerOffsets.sum(broker.endOffsets(List.of(inbound))) - BrokerOffsets.sum(start);
      return new StepResult(
          "ingest alone (second ingest-service, closed loop, nothing consumes its topic)",
          false,
          0,
          load,
          http,
          null,
          published,
          db.snapshot().minus(db0),
          sampler.figures(),
          published,
          null,
          stepStart);
    } finally {
      stop();
      Baselines.deleteQuietly(broker.admin(), topics.toArray(String[]::new));
    }
  }

  /** Stops the second ingest-service if it runs: at the step's end, or when the JVM exits. */
  void stop() {
    ServiceProcess alone = process.getAndSet(null);
    if (alone != null) {
      alone.close();
    }
  }
}
