package io.switchboard.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole system on one machine without Docker: Kafka, PostgreSQL, a mail server and the four
 * services, state in {@code .switchboard/}. Ctrl-C stops everything in reverse order; a service
 * whose process ends meanwhile is started again ({@link SupervisedService}).
 *
 * <p>Ports come from environment variables with these defaults: {@code SWITCHBOARD_KAFKA_PORT}
 * 9092, {@code SWITCHBOARD_POSTGRES_PORT} 55432, {@code SWITCHBOARD_SMTP_PORT} 2525, {@code
 * SWITCHBOARD_MAIL_VIEWER_PORT} 8025, and each service's own (8081–8084). {@code
 * SWITCHBOARD_STATE_DIR} moves the state (default {@code .switchboard}), so that {@code ./bench.sh}
 * can run on a fresh stack without touching the one a developer keeps.
 *
 * <p>Each service connects to PostgreSQL as a role of its own ({@code ingest_service}, ...; all
 * superusers, like {@code postgres}), and pg_stat_statements is loaded: that is how the benchmark
 * tells every service's statements apart, transaction control included, at no cost on the wire.
 */
public final class LocalStack {
  private static final String DATABASE = "switchboard";

  private LocalStack() {}

  public static void main(String[] args) throws InterruptedException {
    try {
      run();
    } catch (RuntimeException e) {
      System.err.println("\nSwitchboard did not start: " + e.getMessage());
      // Exiting runs the shutdown hook, which stops whatever had started.
      System.exit(1);
    }
  }

  private static void run() throws InterruptedException {
    Path root = Path.of("").toAbsolutePath();
    String stateDir = System.getenv("SWITCHBOARD_STATE_DIR");
    Path state =
        root.resolve(stateDir == null || stateDir.isBlank() ? ".switchboard" : stateDir.trim());
    int kafkaPort = port("SWITCHBOARD_KAFKA_PORT", 9092);
    int postgresPort = port("SWITCHBOARD_POSTGRES_PORT", 55432);
    int smtpPort = port("SWITCHBOARD_SMTP_PORT", 2525);
    int viewerPort = port("SWITCHBOARD_MAIL_VIEWER_PORT", 8025);

    List<AutoCloseable> started = new ArrayList<>();
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  stopAll(started, stopped);
                }));

    say("Starting PostgreSQL on " + postgresPort + " ...");
    PostgresNode postgres =
        PostgresNode.start(state.resolve("postgres"), postgresPort, false, true);
    started.add(postgres);
    postgres.ensureDatabase(DATABASE);
    postgres.ensureStatementStatistics(DATABASE);
    for (SwitchboardService service : SwitchboardService.values()) {
      postgres.ensureRole(databaseRole(service));
    }
    say("Starting Kafka on " + kafkaPort + " ...");
    KafkaNode kafka =
        KafkaNode.start(state.resolve("kafka"), kafkaPort, System.getProperty("java.class.path"));
    started.add(kafka);
    MailServer mail = MailServer.start(smtpPort, viewerPort, state.resolve("mail"));
    started.add(mail);

    var stack =
        new SwitchboardService.Stack(
            kafka.bootstrapServers(), postgres.port(), DATABASE, PostgresNode.USER, smtpPort, "");
    say("Starting the services ...");
    List<ServiceProcess> services = new ArrayList<>();
    for (SwitchboardService service : SwitchboardService.values()) {
      int port = port("SWITCHBOARD_" + service.name() + "_PORT", service.defaultPort());
      Map<String, String> properties = service.properties(stack, port);
      properties.put("quarkus.datasource.username", databaseRole(service));
      SupervisedService supervised =
          SupervisedService.start(
              service, root, properties, state.resolve("logs"), LocalStack::say, stopping::get);
      services.add(supervised.process());
      started.add(supervised);
    }
    CompletableFuture.allOf(
            services.stream()
                .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofMinutes(3))))
                .toArray(CompletableFuture[]::new))
        .join();

    printWelcome(services, kafka, postgres, mail, state);
    stopped.await();
  }

  private static void printWelcome(
      List<ServiceProcess> services,
      KafkaNode kafka,
      PostgresNode postgres,
      MailServer mail,
      Path state) {
    StringBuilder text =
        new StringBuilder("\nSwitchboard is running. Ctrl-C stops everything.\n\n");
    for (ServiceProcess service : services) {
      text.append(
          String.format(
              "  %-22s %s  (health /q/health, metrics /q/metrics, API /q/swagger-ui)%n",
              service.service().moduleName(), service.baseUrl()));
    }
    text.append(String.format("  %-22s %s%n", "Kafka", kafka.bootstrapServers()));
    text.append(
        String.format(
            "  %-22s jdbc:postgresql://127.0.0.1:%d/%s (user postgres)%n",
            "PostgreSQL", postgres.port(), DATABASE));
    text.append(String.format("  %-22s %s%n", "Mail received", mail.viewerUrl()));
    text.append(String.format("  %-22s %s%n%n", "State and logs", state));
    text.append(
        """
          Try it:
            curl -i -X POST %s/inquiries \\
              -H 'Content-Type: application/json' -H 'X-Api-Key: local-dev-web-form-key' \\
              -d '{"name":"Анна","email":"anna@example.com","subject":"Не работает оплата","text":"Списали деньги"}'
            curl %s
        """
            .formatted(services.getFirst().baseUrl(), mail.viewerUrl()));
    say(text.toString());
  }

  private static void stopAll(List<AutoCloseable> started, CountDownLatch stopped) {
    say("Stopping ...");
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("Stopping " + started.get(i) + " failed: " + e.getMessage());
      }
    }
    say("Stopped.");
    stopped.countDown();
  }

  /** The PostgreSQL role a service connects as, e.g. {@code routing_service}. */
  public static String databaseRole(SwitchboardService service) {
    return service.moduleName().replace('-', '_');
  }

  private static int port(String variable, int fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
