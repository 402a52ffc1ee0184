package io.switchboard.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.switchboard.devstack.Ports;
import io.switchboard.devstack.ServiceProcess;
import io.switchboard.devstack.SwitchboardService;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.TestInfra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The four packaged services as processes on the shared broker and PostgreSQL (one database, a
 * schema per service, as in production) with an SMTP server in this JVM.
 */
final class RunningSystem implements AutoCloseable {
  /** The SMTP server in this JVM; null when the test brought its own. */
  final GreenMail mail;

  final KafkaTestClient kafka;
  private final String bootstrapServers;
  private final String topicPrefix;
  private final List<ServiceProcess> processes = new ArrayList<>();

  RunningSystem() {
    this(List.of(SwitchboardService.values()), Map.of());
  }

  /**
   * @param instances the services to start; a service named twice runs as two instances
   * @param extra properties for every instance, e.g. short SLA targets
   */
  RunningSystem(List<SwitchboardService> instances, Map<String, String> extra) {
    this(instances, extra, Map.of());
  }

  /**
   * @param perService properties for the instances of one service only: a {@code switchboard.*} key
   *     that another service does not know would stop that service at startup
   */
  RunningSystem(
      List<SwitchboardService> instances,
      Map<String, String> extra,
      Map<SwitchboardService, Map<String, String>> perService) {
    this(instances, extra, perService, 0);
  }

  /**
   * @param smtpPort an SMTP server the test runs itself (e.g. devstack's MailServer, whose viewer
   *     lists what customers received); 0 starts GreenMail in this JVM as {@link #mail}
   */
  RunningSystem(
      List<SwitchboardService> instances,
      Map<String, String> extra,
      Map<SwitchboardService, Map<String, String>> perService,
      int smtpPort) {
    TestInfra infra = TestInfra.get();
    Path root = Path.of(System.getProperty("sbtest.root"));
    topicPrefix = "e2e" + UUID.randomUUID().toString().substring(0, 8) + ".";
    bootstrapServers = infra.bootstrapServers();
    if (smtpPort > 0) {
      mail = null;
    } else {
      mail = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
    }
    var stack =
        new SwitchboardService.Stack(
            infra.bootstrapServers(),
            infra.postgresPort(),
            infra.newDatabase("e2e"),
            infra.postgresUser(),
            smtpPort > 0 ? smtpPort : mail.getSmtp().getPort(),
            topicPrefix);
    Path logs = root.resolve("e2e-tests").resolve("target").resolve("service-logs");
    for (SwitchboardService service : instances) {
      Map<String, String> properties = new HashMap<>(service.properties(stack, Ports.free()));
      properties.putAll(extra);
      properties.putAll(perService.getOrDefault(service, Map.of()));
      processes.add(ServiceProcess.start(service, root, properties, logs));
    }
    CompletableFuture.allOf(
            processes.stream()
                .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofMinutes(3))))
                .toArray(CompletableFuture[]::new))
        .join();
    kafka = new KafkaTestClient(infra.bootstrapServers(), topicPrefix);
  }

  /** The first instance of a service. */
  String url(SwitchboardService service) {
    return processes.stream()
        .filter(p -> p.service() == service)
        .findFirst()
        .orElseThrow()
        .baseUrl();
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** The prefix of every topic name of this system. */
  String topicPrefix() {
    return topicPrefix;
  }

  /** Every instance, in start order. */
  List<ServiceProcess> processes() {
    return List.copyOf(processes);
  }

  @Override
  public void close() {
    if (kafka != null) {
      kafka.close();
    }
    processes.forEach(ServiceProcess::close);
    if (mail != null) {
      mail.stop();
    }
  }
}
