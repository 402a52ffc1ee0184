package io.switchboard.sla.timer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.platform.vertx.ContextExecutor;
import io.switchboard.sla.policy.SlaConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Polls for due timers on a Vert.x timer (the scheduler's floor is one second, too coarse for
 * second-precise firing). The first round runs at startup, so timers that fell due while the
 * service was down fire at once; a full batch is followed by another round straight away.
 */
@ApplicationScoped
public class TimerPoller {
  private static final Logger LOG = Logger.getLogger(TimerPoller.class);

  private final AtomicBoolean running = new AtomicBoolean();
  private final TimerFiring firing;
  private final SlaConfig.Timers config;
  private volatile Vertx vertx;
  private volatile long timer;

  public TimerPoller(TimerFiring firing, SlaConfig config) {
    this.firing = firing;
    this.config = config.timers();
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    long interval = Math.max(10, config.pollInterval().toMillis());
    timer = vertx.setPeriodic(1, interval, ignored -> runRound());
  }

  // Before the database pool closes, so that no round starts against a closed pool.
  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void runRound() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    ContextExecutor.runOnSafeContext(
        vertx,
        () ->
            firing
                .fireDue()
                .onTermination()
                .invoke(() -> running.set(false))
                .subscribe()
                .with(
                    fired -> {
                      if (fired >= config.batchSize()) {
                        runRound();
                      }
                    },
                    failure -> LOG.warnf("Timer round failed: %s", failure.getMessage())));
  }
}
