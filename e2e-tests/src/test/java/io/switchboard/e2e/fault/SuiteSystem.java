package io.switchboard.e2e.fault;

import io.switchboard.devstack.Ports;
import io.switchboard.devstack.SwitchboardService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Everything the fault suite runs: its own PostgreSQL behind a stalling proxy, its own broker, the
 * two providers, the packaged services as processes, the inquiry stream and the event log.
 */
final class SuiteSystem implements AutoCloseable {
  static final Duration READY_LIMIT = Duration.ofMinutes(3);
  private static final String DATABASE = "switchboard";

  final Path root;
  final Path work;
  final Progress progress;
  final SuitePostgres postgres;
  final StallingProxy proxy;
  final SuiteBroker broker;
  final SmtpProvider smtp;
  final HttpProviderStub http;
  final String topicPrefix;
  final EventLog events;
  final InquiryStream stream;
  private final SwitchboardService.Stack stack;
  private final Path directoryFile;
  private final List<ServiceInstance> instances = new CopyOnWriteArrayList<>();

  private SuiteSystem(Path root, Path work, Progress progress) {
    this.root = root;
    this.work = work;
    this.progress = progress;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> instances.forEach(ServiceInstance::killQuietly)));
    String run = UUID.randomUUID().toString().substring(0, 8);
    topicPrefix = "fs" + run + ".";

    postgres = SuitePostgres.start(work.resolve("postgres"), Ports.free());
    postgres.createDatabase(DATABASE);
    progress.log(
        "PostgreSQL pid %d on port %d: %s",
        postgres.pid(), postgres.port(), String.join(" ", postgres.command()));
    proxy = new StallingProxy(postgres.port());
    broker = SuiteBroker.start(work.resolve("kafka"));
    progress.log("Kafka broker pid %d at %s", broker.pid(), broker.bootstrapServers());
    smtp = new SmtpProvider();
    http = new HttpProviderStub();
    stack =
        new SwitchboardService.Stack(
            broker.bootstrapServers(),
            proxy.port(),
            DATABASE,
            SuitePostgres.USER,
            smtp.port(),
            topicPrefix);
    directoryFile = writeDirectory(work);

    List<ServiceInstance> first =
        Stream.of(SwitchboardService.values())
            .map(service -> instance(service, service.moduleName()))
            .toList();
    startAll(first);
    events = new EventLog(broker.bootstrapServers(), topicPrefix);
    stream = new InquiryStream(instance("ingest-service").baseUrl(), run);
  }

  static SuiteSystem start(Path root, Progress progress) {
    Path work = root.resolve("e2e-tests").resolve("target").resolve("fault-suite");
    deleteRecursively(work);
    return new SuiteSystem(root, work, progress);
  }

  /** A new instance of {@code service}, on a port of its own; not started. */
  ServiceInstance instance(SwitchboardService service, String name) {
    Map<String, String> properties = new HashMap<>(service.properties(stack, Ports.free()));
    properties.putAll(common());
    properties.putAll(specific(service));
    ServiceInstance instance =
        new ServiceInstance(service, name, root, work.resolve("service-logs"), properties);
    instances.add(instance);
    return instance;
  }

  void startAll(List<ServiceInstance> toStart) {
    toStart.forEach(ServiceInstance::start);
    CompletableFuture.allOf(
            toStart.stream()
                .map(i -> CompletableFuture.runAsync(() -> i.awaitReady(READY_LIMIT)))
                .toArray(CompletableFuture[]::new))
        .join();
    toStart.forEach(i -> progress.log("%s ready, pid %d at %s", i.name(), i.pid(), i.baseUrl()));
  }

  ServiceInstance instance(String name) {
    return instances.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  /** The instances the suite keeps running (not the ones killed for good). */
  List<ServiceInstance> serving() {
    return instances.stream().filter(i -> !i.retired()).toList();
  }

  /** Settings for every service: see the comments. */
  private static Map<String, String> common() {
    return Map.of(
        // A killed consumer's partitions wait for its session to expire before a rebalance hands
        // them on: 10 s instead of Kafka's 45 s keeps each kill within the suite's time budget
        // without changing what happens.
        "kafka.session.timeout.ms", "10000",
        "kafka.heartbeat.interval.ms", "3000");
  }

  /**
   * Settings under which nothing but the faults moves an inquiry during the run: room for every
   * inquiry at the duty operators, no accept or answer timeout, no SLA warning, breach or
   * escalation (which would reassign), and HTTP providers for chat, Telegram and SMS.
   */
  private Map<String, String> specific(SwitchboardService service) {
    Map<String, String> properties = new HashMap<>();
    switch (service) {
      case ROUTING -> {
        properties.put("switchboard.routing.directory-file", directoryFile.toString());
        for (String channel : new String[] {"CHAT", "PHONE", "TELEGRAM", "WEB_FORM", "EMAIL"}) {
          properties.put("switchboard.routing.forwarding.accept-timeout." + channel, "24h");
          properties.put("switchboard.routing.forwarding.answer-timeout." + channel, "24h");
        }
        properties.put("switchboard.routing.forwarding.default-accept-timeout", "24h");
        properties.put("switchboard.routing.forwarding.default-answer-timeout", "24h");
      }
      case SLA -> {
        properties.put("sla.rules.first.clock", "FIRST_RESPONSE");
        properties.put("sla.rules.first.target", "24h");
        properties.put("sla.rules.next.clock", "NEXT_RESPONSE");
        properties.put("sla.rules.next.target", "24h");
        properties.put("sla.rules.resolution.clock", "RESOLUTION");
        properties.put("sla.rules.resolution.target", "48h");
      }
      case NOTIFICATION -> {
        String base = http.baseUrl();
        properties.put("switchboard.notification.chat.webhook-url", base + "/chat");
        properties.put("switchboard.notification.telegram.base-url", base + "/telegram");
        properties.put(
            "switchboard.notification.telegram.bot-token", HttpProviderStub.TELEGRAM_TOKEN);
        properties.put("switchboard.notification.sms.gateway-url", base + "/sms");
        properties.put("switchboard.notification.sms.api-key", HttpProviderStub.SMS_API_KEY);
      }
      case INGEST -> {
        // The defaults: development keys and secrets, which InquiryStream signs with.
      }
    }
    return properties;
  }

  /** Two always-present duty operators with room for every inquiry of the run: none queues. */
  private static Path writeDirectory(Path work) {
    String operator =
        """
          - id: %s
            team: support
            name: Duty operator %s
            email: %s@switchboard.local
            alwaysPresent: true
            capacity: {default: 100000}
            schedule: {alwaysOn: true}
        """;
    String yaml =
        "teams:\n  - {id: support, name: Support, routingMode: LEAST_LOADED}\noperators:\n"
            + operator.formatted("duty-1", "1", "duty-1")
            + operator.formatted("duty-2", "2", "duty-2");
    try {
      Files.createDirectories(work);
      return Files.writeString(work.resolve("directory.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stream.close();
    CompletableFuture.allOf(
            instances.stream()
                .map(i -> CompletableFuture.runAsync(i::close))
                .toArray(CompletableFuture[]::new))
        .join();
    events.close();
    broker.close();
    proxy.close();
    postgres.close();
    smtp.close();
    http.close();
  }
}
