package io.switchboard.sla.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.contracts.ClockKind;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gauges of open clocks by kind and of pending timers, counted in the database every 15 s: every
 * instance reports the same shared state, so dashboards take the max, not the sum.
 */
@ApplicationScoped
public class OpenClockMetrics {
  private static final Logger LOG = Logger.getLogger(OpenClockMetrics.class);
  private static final long PERIOD_MS = 15_000;

  private final Map<ClockKind, AtomicLong> running = new EnumMap<>(ClockKind.class);
  private final Map<ClockKind, AtomicLong> paused = new EnumMap<>(ClockKind.class);
  private final AtomicLong pendingTimers = new AtomicLong();
  private final String countClocks;
  private final String countTimers;
  private volatile Vertx vertx;
  private volatile long timer;

  public OpenClockMetrics(
      MeterRegistry registry,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    for (ClockKind kind : ClockKind.values()) {
      running.put(kind, gauge(registry, kind, "RUNNING"));
      paused.put(kind, gauge(registry, kind, "PAUSED"));
    }
    Gauge.builder("sla.timers.pending", pendingTimers, AtomicLong::get)
        .description("Warnings, breaches and escalations not yet fired")
        .register(registry);
    this.countClocks =
        "select kind, status, count(*) from "
            + schema
            + ".sla_clock where status <> 'STOPPED' group by kind, status";
    this.countTimers = "select count(*) from " + schema + ".sla_timer where fired_at is null";
  }

  private static AtomicLong gauge(MeterRegistry registry, ClockKind kind, String status) {
    AtomicLong value = new AtomicLong();
    Gauge.builder("sla.clocks.open", value, AtomicLong::get)
        .description("Open SLA clocks by kind and status")
        .tag("clock", kind.name())
        .tag("status", status)
        .register(registry);
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
    running.values().forEach(v -> v.set(0));
    paused.values().forEach(v -> v.set(0));
    for (Object[] row : rows) {
      ClockKind kind = ClockKind.valueOf((String) row[0]);
      long count = ((Number) row[2]).longValue();
      ("PAUSED".equals(row[1]) ? paused : running).get(kind).set(count);
    }
  }
}
