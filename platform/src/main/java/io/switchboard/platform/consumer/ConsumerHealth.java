package io.switchboard.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Liveness: DOWN when a consumer loop stopped or stalled, which only a restart cures, so that an
 * orchestrator restarts the service. A dependency that is down is not a liveness problem (the loop
 * keeps polling and its batches keep retrying); readiness covers the database and the broker.
 */
public final class ConsumerHealth {
  // Far above a poll (0.5 s) plus a rebalance's synchronous commit (10 s).
  private static final Duration STALL_LIMIT = Duration.ofMinutes(2);

  private ConsumerHealth() {}

  @Liveness
  @ApplicationScoped
  public static class Alive implements HealthCheck {
    private final ConsumerRuntime runtime;

    public Alive(ConsumerRuntime runtime) {
      this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
      HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumers").up();
      for (ConsumerLoop loop : runtime.loops()) {
        String problem = loop.problem(STALL_LIMIT);
        response.withData(loop.name(), problem == null ? "running" : problem);
        if (problem != null) {
          response.down();
        }
      }
      return response.build();
    }
  }

  @Readiness
  @ApplicationScoped
  public static class Joined implements HealthCheck {
    private final ConsumerRuntime runtime;

    public Joined(ConsumerRuntime runtime) {
      this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
      HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumer groups").up();
      for (ConsumerLoop loop : runtime.loops()) {
        response.withData(loop.name(), loop.joined() ? "joined" : "joining");
        if (!loop.joined()) {
          response.down();
        }
      }
      return response.build();
    }
  }
}
