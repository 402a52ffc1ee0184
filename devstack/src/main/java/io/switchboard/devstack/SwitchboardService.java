package io.switchboard.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The four services, where their packaged form lives and how they are wired to the stack. */
public enum SwitchboardService {
  INGEST("ingest-service", 8081),
  ROUTING("routing-service", 8082),
  SLA("sla-service", 8083),
  NOTIFICATION("notification-service", 8084);

  private final String moduleName;
  private final int defaultPort;

  SwitchboardService(String moduleName, int defaultPort) {
    this.moduleName = moduleName;
    this.defaultPort = defaultPort;
  }

  public String moduleName() {
    return moduleName;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /** The Quarkus fast-jar that {@code ./mvnw package} builds. */
  public Path jar(Path repositoryRoot) {
    return repositoryRoot
        .resolve(moduleName)
        .resolve("target")
        .resolve("quarkus-app")
        .resolve("quarkus-run.jar");
  }

  /** System properties that point this service at the stack. */
  public Map<String, String> properties(Stack stack, int httpPort) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("quarkus.http.port", Integer.toString(httpPort));
    properties.put("kafka.bootstrap.servers", stack.bootstrapServers());
    properties.put("quarkus.datasource.jdbc.url", stack.jdbcUrl());
    properties.put("quarkus.datasource.reactive.url", stack.reactiveUrl());
    properties.put("quarkus.datasource.username", stack.databaseUser());
    properties.put("quarkus.datasource.password", "");
    if (!stack.topicPrefix().isEmpty()) {
      properties.put("switchboard.topic-prefix", stack.topicPrefix());
    }
    properties.put("quarkus.mailer.host", "127.0.0.1");
    properties.put("quarkus.mailer.port", Integer.toString(stack.smtpPort()));
    return properties;
  }

  /** Where the infrastructure listens. */
  public record Stack(
      String bootstrapServers,
      int postgresPort,
      String database,
      String databaseUser,
      int smtpPort,
      String topicPrefix) {

    String jdbcUrl() {
      return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    String reactiveUrl() {
      return "postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }
  }
}
