package io.switchboard.devstack.bench;

import io.switchboard.devstack.LocalStack;
import io.switchboard.devstack.SwitchboardService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The local stack the benchmark measures: where it listens (its fixed ports, or the {@code
 * SWITCHBOARD_*_PORT} overrides) and which processes are its.
 */
final class StackUnderTest {
  static final String DATABASE = "switchboard";
  static final String API_KEY = "local-dev-web-form-key";

  private final String bootstrap;
  private final int postgresPort;
  private final int smtpPort;
  private final String mailUrl;
  private final Map<SwitchboardService, Integer> servicePorts = new LinkedHashMap<>();

  StackUnderTest() {
    this.bootstrap = "127.0.0.1:" + port("SWITCHBOARD_KAFKA_PORT", 9092);
    this.postgresPort = port("SWITCHBOARD_POSTGRES_PORT", 55432);
    this.smtpPort = port("SWITCHBOARD_SMTP_PORT", 2525);
    this.mailUrl = "http://127.0.0.1:" + port("SWITCHBOARD_MAIL_VIEWER_PORT", 8025);
    for (SwitchboardService service : SwitchboardService.values()) {
      servicePorts.put(
          service, port("SWITCHBOARD_" + service.name() + "_PORT", service.defaultPort()));
    }
  }

  String bootstrap() {
    return bootstrap;
  }

  int postgresPort() {
    return postgresPort;
  }

  int smtpPort() {
    return smtpPort;
  }

  String mailUrl() {
    return mailUrl;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
  }

  /** Each service's database role and the label its statements are counted under. */
  Map<String, String> roles() {
    Map<String, String> roles = new LinkedHashMap<>();
    for (SwitchboardService service : SwitchboardService.values()) {
      roles.put(LocalStack.databaseRole(service), label(service));
    }
    return roles;
  }

  /** The services with their ports, for the report's header. */
  String describeServices() {
    StringBuilder services = new StringBuilder();
    servicePorts.forEach((s, p) -> services.append(label(s)).append(" :").append(p).append("  "));
    return services.toString();
  }

  /** The services, Kafka, PostgreSQL and the launcher, found by the ports they listen on. */
  List<Sampler.Target> processes() {
    List<Sampler.Target> processes = new ArrayList<>();
    for (var entry : servicePorts.entrySet()) {
      OptionalLong pid = Procs.listening(entry.getValue());
      if (pid.isEmpty()) {
        throw new IllegalStateException(
            label(entry.getKey())
                + " does not listen on "
                + entry.getValue()
                + ": is the stack up?");
      }
      processes.add(
          new Sampler.Target(
              label(entry.getKey()),
              pid.getAsLong(),
              serviceUrl(entry.getKey()) + "/q/metrics",
              false));
    }
    addProcess(
        processes,
        "kafka",
        Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1)),
        false);
    addProcess(processes, "postgres", postgresPort, true);
    addProcess(
        processes,
        "launcher+mail",
        Integer.parseInt(mailUrl.substring(mailUrl.lastIndexOf(':') + 1)),
        false);
    return processes;
  }

  private static void addProcess(
      List<Sampler.Target> processes, String name, int port, boolean withChildren) {
    Procs.listening(port)
        .ifPresent(pid -> processes.add(new Sampler.Target(name, pid, null, withChildren)));
  }

  String serviceUrl(SwitchboardService service) {
    return "http://127.0.0.1:" + servicePorts.get(service);
  }

  static String label(SwitchboardService service) {
    return service.moduleName().replace("-service", "");
  }

  private static int port(String variable, int fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
