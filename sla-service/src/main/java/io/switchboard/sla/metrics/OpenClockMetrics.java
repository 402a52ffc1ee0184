package io.switchboard.sla.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gauges of open and overdue clocks by kind and channel, and of pending timers, counted in the
 * database every 15 s: every instance reports the same shared state, so dashboards take the max,
 * not the sum. Every known combination is registered at zero.
 */
@ApplicationScoped
public class OpenClockMetrics {
  private static final Logger LOG = Logger.getLogger(OpenClockMetrics.class);
  private static final long PERIOD_MS = 15_000;
  private static final List<String> OPEN_STATUSES = List.of("RUNNING", "PAUSED");
  private static final String OVERDUE = "OVERDUE";

  /** Keyed by {@code kind|channel|status}, status {@value #OVERDUE} for the overdue gauge. */
  private final Map<String, AtomicLong> gauges = new HashMap<>();

  private final AtomicLong pendingTimers = new AtomicLong();
  private final String countClocks;
  private final String countTimers;
  private volatile Vertx vertx;
  private volatile long timer;

  public OpenClockMetrics(
      MeterRegistry registry,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    for (ClockKind kind : ClockKind.values()) {
      for (Channel channel : Channel.values()) {
        for (String status : OPEN_STATUSES) {
          AtomicLong open = holder(kind.name(), channel.name(), status);
          Gauge.builder("switchboard.sla.clocks.open", open, AtomicLong::get)
              .description("Open SLA clocks (unanswered now)")
              .tags("clock", kind.name(), "channel", channel.name(), "status", status)
              .register(registry);
        }
        AtomicLong overdue = holder(kind.name(), channel.name(), OVERDUE);
        Gauge.builder("switchboard.sla.clocks.overdue", overdue, AtomicLong::get)
            .description("Running SLA clocks past their due time (unanswered and late now)")
            .tags("clock", kind.name(), "channel", channel.name())
            .register(registry);
      }
    }
    Gauge.builder("switchboard.sla.timers.pending", pendingTimers, AtomicLong::get)
        .description("Warnings, breaches and escalations not yet fired")
        .register(registry);
    this.countClocks =
        "select kind, channel, status, count(*),"
            + " count(*) filter (where status = 'RUNNING' and due_at < clock_timestamp())"
            + " from "
            + schema
            + ".sla_clock where status <> 'STOPPED' group by kind, channel, status";
    this.countTimers = "select count(*) from " + schema + ".sla_timer where fired_at is null";
  }

  private AtomicLong holder(String kind, String channel, String status) {
    AtomicLong value = new AtomicLong();
    gauges.put(kind + "|" + channel + "|" + status, value);
    return value;
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    timer = vertx.setPeriodic(1, PERIOD_MS, ignored -> refresh());
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void refresh() {
    ContextExecutor.runOnSafeContext(
        vertx,
        () ->
            Panache.withSession(
                    () ->
                        Panache.getSession()
                            .chain(
                                session ->
                                    session
                                        .<Object[]>createNativeQuery(countClocks)
                                        .getResultList()
                                        .invoke(this::setClocks)
                                        .chain(
                                            () ->
                                                session
                                                    .<Number>createNativeQuery(countTimers)
                                                    .getSingleResult())))
                .subscribe()
                .with(
                    pending -> pendingTimers.set(pending.longValue()),
                    failure ->
                        LOG.debugf("Clock metrics not refreshed: %s", failure.getMessage())));
  }

  private void setClocks(List<Object[]> rows) {
    gauges.values().forEach(v -> v.set(0));
    for (Object[] row : rows) {
      String prefix = row[0] + "|" + row[1] + "|";
      set(prefix + row[2], ((Number) row[3]).longValue());
      if ("RUNNING".equals(row[2])) {
        set(prefix + OVERDUE, ((Number) row[4]).longValue());
      }
    }
  }

  private void set(String key, long value) {
    AtomicLong gauge = gauges.get(key);
    if (gauge != null) {
      gauge.set(value);
    }
  }
}
