package io.switchboard.routing.bench;

import io.switchboard.contracts.Topics;
import io.switchboard.testing.RoundTripProxy;
import io.switchboard.testing.SwitchboardTestResource;
import io.switchboard.testing.TestInfra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The usual broker and database, with the service's reactive connections (all its runtime SQL)
 * going through a {@link RoundTripProxy} (every round trip counted, preparations too). Flyway and
 * the benchmark's own JDBC reads go straight to the database and are not counted.
 */
public class CountedDatabaseResource extends SwitchboardTestResource {
  /** Marks the benchmark's {@code RoundTripProxy} field that receives the counting proxy. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface RoundTrips {}

  static final int PARTITIONS = 4;

  private RoundTripProxy proxy;

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    try {
      proxy = new RoundTripProxy(TestInfra.get().postgresPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    createInboundTopic(config);
    String direct = config.get("quarkus.datasource.reactive.url");
    String database = direct.substring(direct.lastIndexOf('/') + 1);
    config.put(
        "quarkus.datasource.reactive.url",
        "postgresql://127.0.0.1:" + proxy.port() + "/" + database);
    return config;
  }

  /**
   * The inbound topic with {@value #PARTITIONS} partitions before the service subscribes, so that
   * platform's consumer has batches of several partitions to apply side by side.
   */
  private static void createInboundTopic(Map<String, String> config) {
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get("kafka.bootstrap.servers")))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(
                      config.get("switchboard.topic-prefix") + Topics.INQUIRIES_INBOUND,
                      PARTITIONS,
                      (short) 1)))
          .all()
          .get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot create the inbound topic", e);
    }
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        proxy, new TestInjector.AnnotatedAndMatchesType(RoundTrips.class, RoundTripProxy.class));
  }

  @Override
  public void stop() {
    try {
      if (proxy != null) {
        proxy.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the round-trip proxy", e);
    }
  }
}
