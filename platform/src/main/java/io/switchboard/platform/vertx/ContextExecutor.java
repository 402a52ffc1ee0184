package io.switchboard.platform.vertx;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Runs continuations back on the caller's Vert.x context. Broker acknowledgements and mail sends
 * complete on their clients' own threads, and a Hibernate Reactive session may only be used on the
 * context that opened it: {@code uni.emitOn(ContextExecutor.current())} before touching it.
 */
public final class ContextExecutor {
  private ContextExecutor() {}

  public static Executor current() {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Infrastructure.getDefaultExecutor();
    }
    return task -> context.runOnContext(ignored -> task.run());
  }
}
