package io.switchboard.platform.vertx;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
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

  /**
   * Runs work that a timer or a wake-up starts, not a request or a message, on a new duplicated
   * context marked safe: the only kind of context Hibernate Reactive Panache opens a session on.
   * Always a new one: called from a consumer's after-commit action, the caller's own duplicated
   * context still holds its session, which the work would otherwise share and see closed under it.
   */
  public static void runOnSafeContext(Vertx vertx, Runnable work) {
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(ignored -> work.run());
  }

  public static Executor current() {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Infrastructure.getDefaultExecutor();
    }
    return task -> context.runOnContext(ignored -> task.run());
  }
}
