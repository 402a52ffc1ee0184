package io.switchboard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Points a {@code @QuarkusTest} at the real broker and PostgreSQL of {@link TestInfra}: a fresh
 * database and a fresh topic prefix per test JVM, so that modules never read each other's events.
 */
public class SwitchboardTestResource implements QuarkusTestResourceLifecycleManager {
  /** Init argument: {@value #UNREACHABLE} points the service at a port where no broker listens. */
  public static final String KAFKA = "kafka";

  public static final String UNREACHABLE = "unreachable";
  private boolean unreachableKafka;

  @Override
  public void init(Map<String, String> initArgs) {
    unreachableKafka = UNREACHABLE.equals(initArgs.get(KAFKA));
  }

  @Override
  public Map<String, String> start() {
    TestInfra infra = TestInfra.get();
    String database = infra.newDatabase("sb");
    String topicPrefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    return Map.of(
        "kafka.bootstrap.servers",
        unreachableKafka ? "127.0.0.1:" + closedPort() : infra.bootstrapServers(),
        "quarkus.datasource.jdbc.url",
        infra.jdbcUrl(database),
        "quarkus.datasource.reactive.url",
        infra.reactiveUrl(database),
        "quarkus.datasource.username",
        infra.postgresUser(),
        "quarkus.datasource.password",
        "",
        "switchboard.topic-prefix",
        topicPrefix);
  }

  private static int closedPort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    // The daemon outlives this JVM on purpose; the database is left for post-mortem reading.
  }
}
