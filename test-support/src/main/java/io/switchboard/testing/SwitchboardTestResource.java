package io.switchboard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Points a {@code @QuarkusTest} at the real broker and PostgreSQL of {@link TestInfra}: a fresh
 * database and a fresh topic prefix per test JVM, so that modules never read each other's events.
 */
public class SwitchboardTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    TestInfra infra = TestInfra.get();
    String database = infra.newDatabase("sb");
    String topicPrefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    return Map.of(
        "kafka.bootstrap.servers", infra.bootstrapServers(),
        "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
        "quarkus.datasource.reactive.url", infra.reactiveUrl(database),
        "quarkus.datasource.username", infra.postgresUser(),
        "quarkus.datasource.password", "",
        "switchboard.topic-prefix", topicPrefix);
  }

  @Override
  public void stop() {
    // The daemon outlives this JVM on purpose; the database is left for post-mortem reading.
  }
}
