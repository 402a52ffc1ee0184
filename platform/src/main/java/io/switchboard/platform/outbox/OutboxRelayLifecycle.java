package io.switchboard.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.platform.SwitchboardConfig;
import io.switchboard.platform.kafka.RecordPublisher;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the service's outbox relay from startup until shutdown. */
@ApplicationScoped
public class OutboxRelayLifecycle {
  private final OutboxRelay relay;

  public OutboxRelayLifecycle(
      SwitchboardConfig config,
      RecordPublisher publisher,
      OutboxMetrics metrics,
      Vertx vertx,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema,
      @ConfigProperty(name = "quarkus.application.name") String application,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.relay =
        new OutboxRelay(
            vertx,
            config.outbox(),
            schema,
            OutboxLeadership.connectOptions(
                reactiveUrl, user, password, application + " outbox relay"),
            new OutboxSender(publisher, "/" + application, metrics));
  }

  void start(@Observes StartupEvent startup) {
    relay.start();
  }

  // Before the datasource closes: no round starts, and no lock connection outlives the service.
  void stop(@Observes ShutdownEvent shutdown) {
    relay.stop();
  }

  OutboxRelay relay() {
    return relay;
  }
}
