package io.switchboard.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.switchboard.platform.SwitchboardConfig;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets processed event ids older than the retention, a bounded number per statement so that a
 * sweep never holds many locks or a long transaction. Every instance sweeps; they delete disjoint
 * or already-deleted rows, which is harmless.
 */
@ApplicationScoped
public class InboxRetention {
  private static final Logger LOG = Logger.getLogger(InboxRetention.class);
  private static final Duration EVERY = Duration.ofMinutes(10);
  private static final int PER_STATEMENT = 10_000;

  private final Duration retention;
  private final String sweep;
  private volatile Vertx vertx;
  private volatile long timer;

  public InboxRetention(
      SwitchboardConfig config,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.retention = config.processing().inboxRetention();
    this.sweep =
        "delete from "
            + schema
            + ".processed_event where ctid in (select ctid from "
            + schema
            + ".processed_event where processed_at < :before limit "
            + PER_STATEMENT
            + ")";
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    timer = vertx.setPeriodic(EVERY.toMillis(), ignored -> sweepNow());
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void sweepNow() {
    Instant before = Instant.now().minus(retention);
    ContextExecutor.runOnSafeContext(
        vertx,
        () ->
            deleteOlderThan(before)
                .subscribe()
                .with(
                    deleted -> {
                      if (deleted > 0) {
                        LOG.debugf("Forgot %d processed event ids older than %s", deleted, before);
                      }
                    },
                    failure -> LOG.debugf("Inbox sweep failed, next one retries: %s", failure)));
  }

  Uni<Integer> deleteOlderThan(Instant before) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(sweep)
                            .setParameter("before", before)
                            .executeUpdate()));
  }
}
