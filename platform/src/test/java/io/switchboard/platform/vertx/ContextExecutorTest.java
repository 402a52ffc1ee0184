package io.switchboard.platform.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContextExecutorTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void workStartedFromADuplicatedContextGetsAFreshOneThatSharesNoLocals() throws Exception {
    CompletableFuture<Context> caller = new CompletableFuture<>();
    CompletableFuture<Context> worker = new CompletableFuture<>();
    CompletableFuture<Object> seenByWorker = new CompletableFuture<>();
    Context duplicated = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    duplicated.runOnContext(
        ignored -> {
          // What a consumer's transaction keeps in its context: its session, among others.
          ContextLocals.put("session", "the caller's");
          caller.complete(Vertx.currentContext());
          ContextExecutor.runOnSafeContext(
              vertx,
              () -> {
                worker.complete(Vertx.currentContext());
                seenByWorker.complete(ContextLocals.get("session", "nothing"));
              });
        });

    Context work = worker.get(10, TimeUnit.SECONDS);
    assertThat(VertxContext.isDuplicatedContext(work)).isTrue();
    assertThat(work).isNotSameAs(caller.get(10, TimeUnit.SECONDS));
    assertThat(seenByWorker.get(10, TimeUnit.SECONDS)).isEqualTo("nothing");
  }

  @Test
  void workStartedOutsideVertxRunsOnADuplicatedContext() throws Exception {
    CompletableFuture<Context> worker = new CompletableFuture<>();
    ContextExecutor.runOnSafeContext(vertx, () -> worker.complete(Vertx.currentContext()));
    assertThat(VertxContext.isDuplicatedContext(worker.get(10, TimeUnit.SECONDS))).isTrue();
  }
}
