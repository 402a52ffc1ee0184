package io.switchboard.routing.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

  @Test
  void aDeadlockOrSerializationFailureAnywhereInTheCausesIsTransient() {
    assertThat(TransientFailures.isTransient(wrapped(new SQLException("deadlock", "40P01"))))
        .isTrue();
    assertThat(TransientFailures.isTransient(wrapped(new SQLException("serialize", "40001"))))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(TransientFailures.isTransient(wrapped(new SQLException("duplicate", "23505"))))
        .isFalse();
    assertThat(TransientFailures.isTransient(new IllegalStateException("refused"))).isFalse();
    assertThat(TransientFailures.isTransient(null)).isFalse();
  }

  private static Throwable wrapped(SQLException cause) {
    return new CompletionException(new IllegalStateException("flush failed", cause));
  }
}
