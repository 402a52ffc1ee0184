package io.switchboard.platform.consumer;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Side effects that must happen once per committed change, not once per attempt: metrics, chiefly.
 * A consumer's batch that fails is rolled back and applied again, maybe record by record, and an
 * API transaction the database aborted for a deadlock runs again; a counter incremented during the
 * failed attempt would count twice. Inside a {@link #scope} the action waits until the scope's work
 * succeeded and is dropped if it failed; anywhere else it runs at once.
 */
public final class AfterCommit {
  private static final Logger LOG = Logger.getLogger(AfterCommit.class);
  private static final String KEY = AfterCommit.class.getName();

  private AfterCommit() {}

  public static void run(Runnable action) {
    List<Runnable> pending =
        VertxContext.isOnDuplicatedContext() ? ContextLocals.<List<Runnable>>get(KEY, null) : null;
    if (pending == null) {
      action.run();
    } else {
      pending.add(action);
    }
  }

  /**
   * Runs {@code work} (which commits a transaction) and then the actions registered during it, if
   * it succeeded. A scope within another hands its actions to the outer one: they wait for the
   * outer commit.
   */
  public static <T> Uni<T> scope(Supplier<Uni<? extends T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              if (!VertxContext.isOnDuplicatedContext()) {
                return Uni.createFrom().<T>deferred(work);
              }
              List<Runnable> outer = ContextLocals.<List<Runnable>>get(KEY, null);
              List<Runnable> mine = new ArrayList<>();
              ContextLocals.put(KEY, mine);
              return Uni.createFrom()
                  .<T>deferred(work)
                  .onTermination()
                  .invoke(() -> restore(outer))
                  .invoke(
                      () -> {
                        if (outer == null) {
                          runAll(mine);
                        } else {
                          outer.addAll(mine);
                        }
                      });
            });
  }

  private static void restore(List<Runnable> outer) {
    if (outer == null) {
      ContextLocals.remove(KEY);
    } else {
      ContextLocals.put(KEY, outer);
    }
  }

  private static void runAll(List<Runnable> actions) {
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException failure) {
        LOG.warn("An after-commit action failed", failure);
      }
    }
  }
}
