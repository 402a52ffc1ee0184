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
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The four packaged services as processes on the shared broker and PostgreSQL (one database, a
 * schema per service, as in production) with an SMTP server in this JVM.
 */
final class RunningSystem implements AutoCloseable {
  final GreenMail mail;
  final KafkaTestClient kafka;
  private final Map<SwitchboardService, ServiceProcess> services =
      new EnumMap<>(SwitchboardService.class);

  RunningSystem() {
    TestInfra infra = TestInfra.get();
    Path root = Path.of(System.getProperty("sbtest.root"));
    String topicPrefix = "e2e" + UUID.randomUUID().toString().substring(0, 8) + ".";
    mail = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    var stack =
        new SwitchboardService.Stack(
            infra.bootstrapServers(),
            infra.postgresPort(),
            infra.newDatabase("e2e"),
            infra.postgresUser(),
            mail.getSmtp().getPort(),
            topicPrefix);
    Path logs = root.resolve("e2e-tests").resolve("target").resolve("service-logs");
    for (SwitchboardService service : SwitchboardService.values()) {
      services.put(
          service,
          ServiceProcess.start(service, root, service.properties(stack, Ports.free()), logs));
    }
    CompletableFuture.allOf(
            services.values().stream()
                .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofMinutes(3))))
                .toArray(CompletableFuture[]::new))
        .join();
    kafka = new KafkaTestClient(infra.bootstrapServers(), topicPrefix);
  }

  String url(SwitchboardService service) {
    return services.get(service).baseUrl();
  }

  @Override
  public void close() {
    if (kafka != null) {
      kafka.close();
    }
    services.values().forEach(ServiceProcess::close);
    mail.stop();
  }
}
