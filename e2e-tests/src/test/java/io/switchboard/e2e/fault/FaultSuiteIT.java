package io.switchboard.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.devstack.Ports;
import io.switchboard.devstack.SwitchboardService;
import io.switchboard.e2e.fault.EventLog.DeadLetter;
import io.switchboard.e2e.fault.InquiryAudit.Outcome;
import io.switchboard.e2e.fault.InquiryStream.Accepted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The fault suite: the four packaged services on the suite's own broker and PostgreSQL, a steady
 * stream of inquiries over HTTP through five channels, and one fault after another. After each,
 * once the backlog drained, every inquiry accepted during it must have been prioritized once,
 * assigned (or queued) once, given one first-response clock and acknowledged once, on the event
 * topics and at the provider; its routing events in order; no dead letter; every service ready.
 *
 * <p>Prints one table (also in {@code e2e-tests/target/fault-suite.txt}) and fails when any row
 * lost, doubled or dead-lettered anything, or left a service not ready. Follow a run in {@code
 * e2e-tests/target/fault-suite-progress.log}; the services' logs are in {@code
 * e2e-tests/target/fault-suite/service-logs}.
 */
class FaultSuiteIT {
  private static final double RATE = Double.parseDouble(System.getProperty("faultsuite.rate", "4"));
  private static final Duration BUDGET = Duration.ofMinutes(8);
  private static final Duration BASELINE = Duration.ofSeconds(15);
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Duration LEAD_IN = Duration.ofSeconds(2);
  private static final Duration TAIL = Duration.ofSeconds(4);
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(120);
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(180);
  private static final Duration DRAIN_STALL = Duration.ofSeconds(30);
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final String WARM_UP_WINDOW = "warm-up";
  private static final Duration HALT_LIMIT = Duration.ofSeconds(15);
  private static final int HALT_AT_NTH = 3;
  private static final String CONSUMER_POINT = "AFTER_DB_COMMIT_BEFORE_OFFSET_COMMIT";
  private static final String RELAY_POINT = "AFTER_PUBLISH_BEFORE_DELETE";

  /** A fault: injects it and returns once it is over (restarted, reachable, back up). */
  interface Injection {
    void inject(Notes notes) throws Exception;
  }

  record Fault(String name, Injection injection) {}

  /** What a row learnt besides its counts. */
  static final class Notes {
    final List<String> notes = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    private final Progress progress;

    Notes(Progress progress) {
      this.progress = progress;
    }

    void note(String format, Object... args) {
      String line = format.formatted(args);
      notes.add(line);
      progress.log("  %s", line);
    }

    void fail(String format, Object... args) {
      String line = format.formatted(args);
      failures.add(line);
      progress.log("  FAILURE: %s", line);
    }
  }

  private SuiteSystem system;
  private Progress progress;
  private int deadLettersSeen;

  @Test
  void everyAcceptedInquiryIsHandledExactlyOnceThroughEveryFault() throws IOException {
    Path root = Path.of(System.getProperty("sbtest.root"));
    Path target = root.resolve("e2e-tests").resolve("target");
    progress = new Progress(target.resolve("fault-suite-progress.log"));
    List<FaultRow> rows = new ArrayList<>();
    String table;
    String failedDetails;
    try (SuiteSystem started = SuiteSystem.start(root, progress)) {
      system = started;
      List<Fault> faults = faults();
      progress.log("%d faults, %.1f inquiries a second", faults.size(), RATE);
      // Freshly started services compile their hot paths on the first requests: those inquiries
      // are checked with the whole run, not held against the baseline.
      system.stream.window(WARM_UP_WINDOW);
      system.stream.start(RATE);
      pause(WARM_UP);
      system.stream.window(faults.get(0).name());
      for (int i = 0; i < faults.size(); i++) {
        String next = i + 1 < faults.size() ? faults.get(i + 1).name() : "after the last fault";
        rows.add(run(faults.get(i), next));
      }
      rows.add(wholeRun());
    } finally {
      table = FaultRow.table(rows);
      failedDetails = FaultRow.details(rows.stream().filter(FaultRow::failed).toList());
      String report =
          table
              + String.format(
                  "suite took %.0f s (budget %d s) at %.1f inquiries/s%n%n",
                  progress.seconds(), BUDGET.toSeconds(), RATE)
              + FaultRow.details(rows);
      Files.writeString(target.resolve("fault-suite.txt"), report);
      System.out.println(report);
      progress.log("table written to %s", target.resolve("fault-suite.txt"));
    }
    assertThat(rows.stream().filter(FaultRow::failed).map(FaultRow::fault).toList())
        .as(
            "faults that lost, doubled or dead-lettered inquiries or left a service not ready:%n%s%n%s",
            table, failedDetails)
        .isEmpty();
  }

  private List<Fault> faults() {
    List<Fault> faults = new ArrayList<>();
    faults.add(new Fault("baseline: no fault for 15 s", notes -> pause(BASELINE)));
    faults.add(new Fault("PostgreSQL kill -9, restart", this::killPostgres));
    faults.add(new Fault("PostgreSQL unreachable for 30 s", this::stallPostgres));
    faults.add(new Fault("Kafka broker kill -9, restart", this::killBroker));
    faults.add(
        new Fault(
            "ingest-service kill -9, restart", notes -> killAndRestart("ingest-service", notes)));
    for (String service : List.of("routing-service", "sla-service", "notification-service")) {
      faults.add(new Fault(service + " kill -9, restart", notes -> killAndRestart(service, notes)));
      faults.add(
          new Fault(
              service + " halt after DB commit, before offset commit",
              notes -> haltAndRestart(service, CONSUMER_POINT, notes)));
      faults.add(
          new Fault(
              service + " halt after publish, before outbox delete",
              notes -> haltAndRestart(service, RELAY_POINT, notes)));
    }
    faults.add(new Fault("SMTP server and HTTP providers down for 30 s", this::providersDown));
    faults.add(
        new Fault("2 routing + 2 notification instances, one of each kill -9", this::twoInstances));
    return faults;
  }

  private FaultRow run(Fault fault, String nextWindow) {
    double rowStarted = progress.seconds();
    progress.log("=== %s", fault.name());
    Notes notes = new Notes(progress);
    reviveDead(notes);
    pause(LEAD_IN);
    try {
      fault.injection().inject(notes);
    } catch (Exception e) {
      notes.fail("the fault could not be injected or recovered from: %s", e);
    }
    long recovered = System.nanoTime();
    pause(TAIL);
    system.stream.window(nextWindow);
    List<Accepted> inquiries = settle(fault.name(), notes);
    return check(fault.name(), inquiries, recovered, notes, rowStarted);
  }

  /** Every inquiry accepted during the run, checked again once the stream stopped. */
  private FaultRow wholeRun() {
    double rowStarted = progress.seconds();
    String name = "whole run, after the stream stopped";
    progress.log("=== %s", name);
    Notes notes = new Notes(progress);
    system.stream.stopNew();
    long stopped = System.nanoTime();
    settleAll(notes);
    deadLettersSeen = 0;
    return check(name, system.stream.accepted(), stopped, notes, rowStarted);
  }

  private void settleAll(Notes notes) {
    try {
      Awaitility.await("a 202 for every submission of the run")
          .atMost(SETTLE_LIMIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> system.stream.unsettled() == 0);
    } catch (ConditionTimeoutException e) {
      notes.fail(
          "%d submissions of the run never got a 202: %s",
          system.stream.unsettled(), system.stream.unsettledExamples(null));
    }
  }

  private List<Accepted> settle(String window, Notes notes) {
    try {
      Awaitility.await("a 202 for every submission of " + window)
          .atMost(SETTLE_LIMIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> system.stream.unsettled(window) == 0);
    } catch (ConditionTimeoutException e) {
      notes.fail(
          "%d submissions never got a 202 within %d s: %s",
          system.stream.unsettled(window),
          SETTLE_LIMIT.toSeconds(),
          system.stream.unsettledExamples(window));
    }
    Map<String, Integer> refusals = system.stream.refusals(window);
    if (!refusals.isEmpty()) {
      notes.note("ingest's answers that made senders retry: %s", refusals);
    }
    // A dependency away is the sender's cue to retry later (503 with Retry-After); a 500 says the
    // service failed in a way it did not foresee, and its log has the cause.
    if (refusals.containsKey("HTTP 500")) {
      notes.fail(
          "ingest answered HTTP 500 %d times: a fault it should answer 503",
          refusals.get("HTTP 500"));
    }
    return system.stream.accepted(window);
  }

  private FaultRow check(
      String name, List<Accepted> inquiries, long recovered, Notes notes, double rowStarted) {
    Drain drain = drain(name, inquiries, recovered);
    List<Outcome> outcomes = drain.outcomes();
    double drained = drain.seconds();
    if (drained < 0) {
      notes.note(
          "backlog not drained: %d of %d inquiries complete when %s",
          outcomes.stream().filter(Outcome::complete).count(), inquiries.size(), drain.why());
    }
    List<String> notReady = notReady();
    List<DeadLetter> deadLetters = system.events.deadLetters();
    List<DeadLetter> fresh = deadLetters.subList(deadLettersSeen, deadLetters.size());
    deadLettersSeen = deadLetters.size();
    describeDeadLetters(fresh, notes);
    Map<String, List<Outcome>> problems = InquiryAudit.problems(outcomes);
    problems.forEach(
        (kind, list) ->
            notes.note(
                "%s: %d, e.g. %s",
                kind,
                list.size(),
                list.stream().limit(3).map(Outcome::describe).collect(Collectors.joining("; "))));
    system.stream.rejected().stream()
        .filter(r -> r.startsWith(name + ":"))
        .forEach(r -> notes.fail("ingest refused a valid request: %s", r));
    if (system.http.malformed() > 0) {
      notes.fail("the HTTP provider stub got %d malformed requests", system.http.malformed());
    }
    system.events.undecodable().forEach(u -> notes.fail("undecodable record: %s", u));
    FaultRow row =
        new FaultRow(
            name,
            inquiries.size(),
            problems.getOrDefault("lost", List.of()).size(),
            problems.getOrDefault("doubled", List.of()).size(),
            fresh.size(),
            drained,
            problems.getOrDefault("republished (same ce_id)", List.of()).size(),
            problems.getOrDefault("resent to provider", List.of()).size(),
            problems.getOrDefault("out of order", List.of()).size(),
            notReady,
            List.copyOf(notes.failures),
            List.copyOf(notes.notes),
            progress.seconds() - rowStarted);
    progress.log(
        "--- %s: accepted %d, lost %d, doubled %d, dead-lettered %d, drained %s",
        name,
        row.accepted(),
        row.lost(),
        row.doubled(),
        row.deadLettered(),
        drained < 0 ? "never" : String.format("%.1f s", drained));
    return row;
  }

  /** The outcomes once every inquiry is complete, or once waiting longer looks pointless. */
  record Drain(List<Outcome> outcomes, double seconds, String why) {}

  /**
   * Waits until every inquiry of the set has all its events and its acknowledgement. Gives up after
   * {@code DRAIN_LIMIT}, or sooner when no step (an event, a delivery) arrived for {@code
   * DRAIN_STALL} for any inquiry accepted so far: a backlog that drains slowly keeps it waiting, a
   * record in a dead letter does not. Inquiries accepted later are left out of that measure, or the
   * steady stream would always look like progress.
   */
  private Drain drain(String name, List<Accepted> inquiries, long recovered) {
    InquiryAudit audit = new InquiryAudit(system.events, system.smtp, system.http);
    List<Accepted> soFar = system.stream.accepted();
    Set<String> ours =
        inquiries.stream().map(Accepted::inquiryId).collect(Collectors.toUnmodifiableSet());
    AtomicReference<List<Outcome>> latest = new AtomicReference<>(List.of());
    AtomicLong steps = new AtomicLong(-1);
    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    try {
      Awaitility.await("the backlog of " + name)
          .atMost(DRAIN_LIMIT)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                List<Outcome> all = audit.audit(soFar);
                List<Outcome> mine =
                    all.stream().filter(o -> ours.contains(o.inquiry().inquiryId())).toList();
                latest.set(mine);
                long now = all.stream().mapToLong(Outcome::stepsDone).sum();
                if (now > steps.get()) {
                  steps.set(now);
                  lastProgress.set(System.nanoTime());
                }
                return mine.size() == inquiries.size() && mine.stream().allMatch(Outcome::complete)
                    || System.nanoTime() - lastProgress.get() > DRAIN_STALL.toNanos();
              });
    } catch (ConditionTimeoutException e) {
      return new Drain(
          latest.get(), -1, "the drain limit of " + DRAIN_LIMIT.toSeconds() + " s passed");
    }
    if (latest.get().stream().allMatch(Outcome::complete)) {
      return new Drain(latest.get(), (System.nanoTime() - recovered) / 1e9, "");
    }
    return new Drain(
        latest.get(),
        -1,
        "no step of any incomplete inquiry arrived for " + DRAIN_STALL.toSeconds() + " s");
  }

  private List<String> notReady() {
    List<CompletableFuture<String>> checks =
        system.serving().stream()
            .map(
                instance ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            Awaitility.await(instance.name() + " ready")
                                .atMost(Duration.ofSeconds(20))
                                .pollInterval(Duration.ofMillis(500))
                                .until(instance::ready);
                            return null;
                          } catch (ConditionTimeoutException e) {
                            return instance.name()
                                + (instance.isAlive()
                                    ? " does not answer /q/health/ready with 200"
                                    : " is not running");
                          }
                        }))
            .toList();
    return checks.stream().map(CompletableFuture::join).filter(n -> n != null).toList();
  }

  private static void describeDeadLetters(List<DeadLetter> deadLetters, Notes notes) {
    Map<String, Long> byReason =
        deadLetters.stream()
            .collect(
                Collectors.groupingBy(
                    d -> d.topic() + " (" + d.ceType() + "): " + d.reason(),
                    TreeMap::new,
                    Collectors.counting()));
    byReason.forEach((reason, count) -> notes.note("dead letter x%d on %s", count, reason));
  }

  // ---- the faults ----

  private void killPostgres(Notes notes) {
    SuitePostgres postgres = system.postgres;
    long pid = postgres.pid();
    long backends = ProcessHandle.of(pid).map(p -> p.descendants().count()).orElse(0L);
    postgres.kill();
    expectClosed("PostgreSQL", postgres.port(), notes);
    notes.note("postmaster pid %d and its %d children killed with SIGKILL", pid, backends);
    long restart = System.nanoTime();
    postgres.restart();
    notes.note(
        "PostgreSQL restarted on the same data directory and port as pid %d, answering after %.1f s",
        postgres.pid(), (System.nanoTime() - restart) / 1e9);
  }

  private void stallPostgres(Notes notes) {
    long start = System.nanoTime();
    long forwardedBefore = system.proxy.forwardedBytes();
    system.proxy.stall();
    notes.note(
        "proxy stalled with %d open connections to PostgreSQL", system.proxy.openConnections());
    probeStalledProxy(notes);
    pause(OUTAGE.minusNanos(System.nanoTime() - start));
    long forwardedDuring = system.proxy.forwardedBytes() - forwardedBefore;
    long held = system.proxy.heldBytes();
    int unanswered = system.proxy.unansweredConnections();
    int reset = system.proxy.resetAndResume();
    notes.note(
        "after %.0f s: %d connections reset (%d of them new and never answered), %d bytes held back,"
            + " %d forwarded while stalled",
        (System.nanoTime() - start) / 1e9, reset, unanswered, held, forwardedDuring);
    if (forwardedDuring > 0) {
      notes.fail("the proxy forwarded %d bytes while stalled", forwardedDuring);
    }
  }

  /** A new connection through the stalled proxy must be accepted and then hear nothing. */
  private void probeStalledProxy(Notes notes) {
    long start = System.nanoTime();
    String url = "jdbc:postgresql://127.0.0.1:" + system.proxy.port() + "/postgres?loginTimeout=3";
    try (Connection ignored = DriverManager.getConnection(url, SuitePostgres.USER, "")) {
      notes.fail("a connection through the stalled proxy got an answer");
    } catch (SQLException expected) {
      notes.note(
          "probe connection through the stalled proxy: %s after %.1f s",
          expected.getMessage(), (System.nanoTime() - start) / 1e9);
    }
  }

  private void killBroker(Notes notes) {
    SuiteBroker broker = system.broker;
    long pid = broker.pid();
    broker.kill();
    expectClosed("the broker", Integer.parseInt(broker.bootstrapServers().split(":")[1]), notes);
    notes.note("broker pid %d killed with SIGKILL", pid);
    long restart = System.nanoTime();
    broker.restart();
    notes.note(
        "broker restarted on the same log directory and ports as pid %d, serving after %.1f s",
        broker.pid(), (System.nanoTime() - restart) / 1e9);
  }

  private void killAndRestart(String name, Notes notes) {
    ServiceInstance instance = system.instance(name);
    long pid = instance.pid();
    instance.kill();
    expectClosed(name, port(instance), notes);
    notes.note("%s pid %d killed with SIGKILL", name, pid);
    restart(instance, notes);
  }

  /**
   * Arms the running service to halt itself the N-th time it reaches {@code point}, waits for that,
   * then restarts it.
   */
  private void haltAndRestart(String name, String point, Notes notes) {
    ServiceInstance instance = system.instance(name);
    String spec = point + "@" + HALT_AT_NTH;
    long armed = System.nanoTime();
    instance.arm(spec);
    notes.note("%s (pid %d) armed while running: %s", name, instance.pid(), spec);
    Optional<Integer> exit = instance.awaitExit(HALT_LIMIT);
    String log = instance.logSinceStart();
    if (exit.isPresent() && exit.get() == 137 && log.contains("Fault hook: halting at " + point)) {
      notes.note(
          "%s halted itself at %s (exit 137) %.1f s after it was armed",
          name, spec, (System.nanoTime() - armed) / 1e9);
    } else if (exit.isPresent()) {
      notes.fail(
          "%s armed with %s exited with code %d without the hook's message",
          name, spec, exit.get());
    } else if (!log.contains("Fault hook armed")) {
      // FaultHooks logs that line when its watch reads the file: without it, this JVM does not
      // watch (not wired into this build), and a restart would only cost time.
      instance.disarm();
      notes.fail(
          "%s did not arm itself with %s within %d s: its JVM does not watch %s",
          name, spec, HALT_LIMIT.toSeconds(), ServiceInstance.HALT_FILE);
      return;
    } else {
      notes.fail(
          "%s armed with %s did not halt within %d s: the fault point was reached fewer than %d"
              + " times",
          name, spec, HALT_LIMIT.toSeconds(), HALT_AT_NTH);
      instance.kill();
    }
    restart(instance, notes);
  }

  /** An instance that died outside its own fault (e.g. an armed hook firing late) comes back. */
  private void reviveDead(Notes notes) {
    for (ServiceInstance instance : system.serving()) {
      if (!instance.isAlive()) {
        notes.fail(
            "%s was found dead before this fault (exit %s): restarted",
            instance.name(), instance.awaitExit(Duration.ZERO).map(String::valueOf).orElse("?"));
        restart(instance, notes);
      }
    }
  }

  private void providersDown(Notes notes) {
    long start = System.nanoTime();
    int refusedBefore = system.http.refused();
    system.smtp.down();
    system.http.down();
    expectClosed("the SMTP server", system.smtp.port(), notes);
    notes.note("SMTP server stopped (connections refused), HTTP providers answer 503");
    pause(OUTAGE.minusNanos(System.nanoTime() - start));
    system.smtp.up();
    system.http.up();
    notes.note(
        "providers back after %.0f s; the HTTP stub refused %d calls meanwhile",
        (System.nanoTime() - start) / 1e9, system.http.refused() - refusedBefore);
  }

  private void twoInstances(Notes notes) throws Exception {
    List<String> groups = List.of("routing-service", "notification-service");
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.broker.bootstrapServers()))) {
      // One member per channel and instance: a service with two channels in its group has two.
      Map<String, Integer> before = members(admin, groups);
      ServiceInstance routing2 = system.instance(SwitchboardService.ROUTING, "routing-service#2");
      ServiceInstance notification2 =
          system.instance(SwitchboardService.NOTIFICATION, "notification-service#2");
      long start = System.nanoTime();
      system.startAll(List.of(routing2, notification2));
      notes.note(
          "second instances ready after %.1f s: routing pid %d, notification pid %d",
          (System.nanoTime() - start) / 1e9, routing2.pid(), notification2.pid());
      Awaitility.await("twice the members, each with partitions, in " + groups)
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () ->
                  admin.describeConsumerGroups(groups).all().get().values().stream()
                      .allMatch(
                          group ->
                              group.members().size() == 2 * before.get(group.groupId())
                                  && group.members().stream()
                                      .allMatch(m -> !m.assignment().topicPartitions().isEmpty())));
      notes.note("consumer groups %s went from %s members to twice as many", groups, before);
    }
    // Traffic through both instances of each service before one of them dies.
    pause(LEAD_IN);
    for (String name : groups) {
      ServiceInstance first = system.instance(name);
      long pid = first.pid();
      first.kill();
      first.retire();
      expectClosed(name, port(first), notes);
      notes.note("%s pid %d killed with SIGKILL and left down; its twin takes over", name, pid);
    }
  }

  private static Map<String, Integer> members(Admin admin, List<String> groups) throws Exception {
    return admin.describeConsumerGroups(groups).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().members().size()));
  }

  private void restart(ServiceInstance instance, Notes notes) {
    long start = System.nanoTime();
    instance.start();
    instance.awaitReady(SuiteSystem.READY_LIMIT);
    notes.note(
        "%s restarted on the same port as pid %d, ready after %.1f s",
        instance.name(), instance.pid(), (System.nanoTime() - start) / 1e9);
  }

  private static int port(ServiceInstance instance) {
    return Integer.parseInt(instance.baseUrl().substring(instance.baseUrl().lastIndexOf(':') + 1));
  }

  private static void expectClosed(String what, int port, Notes notes) {
    if (Ports.isOpen(port)) {
      notes.fail("%s still accepts connections on port %d after being stopped", what, port);
    }
  }

  /** A real duration (traffic before or after a fault, an outage), never a wait for an event. */
  private static void pause(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
