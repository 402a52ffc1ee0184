package io.switchboard.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.switchboard.contracts.EventCodec;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.hibernate.HibernateException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  private static PgException pg(String state) {
    return new PgException("message", "ERROR", state, null);
  }

  @Test
  void aDatabaseThatIsDownRestartingOrSlowIsUnavailable() {
    assertThat(Failures.classify(new ConnectException("Connection refused")))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(
            Failures.classify(
                new HibernateException(
                    "HR000092: Unable to open a connection to the database",
                    new ConnectException("Connection refused"))))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(new HibernateException("HR000092: no cause kept")))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(ClosedConnectionException.INSTANCE))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(pg("57P01")))
        .as("admin shutdown")
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(pg("57P03"))).as("starting up").isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(pg("08006")))
        .as("connection failure")
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(pg("53300")))
        .as("too many connections")
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(pg("57014")))
        .as("statement timeout")
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(new io.smallrye.mutiny.TimeoutException()))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(new java.util.concurrent.TimeoutException("attempt")))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(io.vertx.core.Future.failedFuture("Pool closed").cause()))
        .as("the service is stopping")
        .isEqualTo(FailureKind.UNAVAILABLE);
  }

  @Test
  void thePoolGivingUpOnAConnectionIsUnavailable() {
    // What Vert.x's SQL pool fails a waiting statement with when the database does not answer
    // within the pool's connection timeout (FaultSuiteIT saw one dead-lettered as permanent).
    assertThat(Failures.classify(io.vertx.core.Future.failedFuture("Timeout").cause()))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(
            Failures.classify(
                new CompositeException(
                    io.vertx.core.Future.failedFuture(
                            "Pending requests failed to be sent due to connection has been"
                                + " closed.")
                        .cause(),
                    new IllegalStateException("rollback"))))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(new IllegalArgumentException("Timeout")))
        .as("the word alone, from anything but the pool")
        .isEqualTo(FailureKind.PERMANENT);
  }

  @Test
  void aBrokerThatIsAwayIsUnavailable() {
    assertThat(Failures.classify(new org.apache.kafka.common.errors.TimeoutException("metadata")))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(new NotLeaderOrFollowerException("moving")))
        .isEqualTo(FailureKind.UNAVAILABLE);
  }

  @Test
  void aTransactionTheDatabaseAbortedForAConflictIsAConflict() {
    assertThat(Failures.classify(pg("40P01"))).as("deadlock").isEqualTo(FailureKind.CONFLICT);
    assertThat(Failures.classify(pg("40001"))).as("serialization").isEqualTo(FailureKind.CONFLICT);
    assertThat(Failures.classify(pg("23505")))
        .as("concurrent insert")
        .isEqualTo(FailureKind.CONFLICT);
    assertThat(Failures.classify(new PersistenceException("wrapped", pg("40P01"))))
        .isEqualTo(FailureKind.CONFLICT);
    assertThat(Failures.classify(new OptimisticLockException("version")))
        .isEqualTo(FailureKind.CONFLICT);
    assertThat(Failures.classify(new StaleObjectStateException("Inquiry", 1)))
        .isEqualTo(FailureKind.CONFLICT);
    assertThat(Failures.classify(new RetryableConflict("moved"))).isEqualTo(FailureKind.CONFLICT);
    assertThat(
            Failures.classify(
                new HibernateException(
                    "HR000090: Live transaction detected while closing the connection")))
        .as("connection reset mid-transaction")
        .isEqualTo(FailureKind.CONFLICT);
  }

  @Test
  void badInputAndBugsArePermanent() {
    assertThat(Failures.classify(new EventCodec.MalformedEventException("no ce_type")))
        .isEqualTo(FailureKind.PERMANENT);
    assertThat(Failures.classify(new IllegalStateException("Unknown team x")))
        .isEqualTo(FailureKind.PERMANENT);
    assertThat(Failures.classify(new NullPointerException())).isEqualTo(FailureKind.PERMANENT);
    assertThat(
            Failures.classify(
                new IllegalStateException(
                    "unreadable payload",
                    new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected '}'"))))
        .as("a parse error is an IOException, not the network's")
        .isEqualTo(FailureKind.PERMANENT);
    assertThat(Failures.classify(pg("23502"))).as("not null").isEqualTo(FailureKind.PERMANENT);
    assertThat(Failures.classify(pg("42P01"))).as("no such table").isEqualTo(FailureKind.PERMANENT);
    assertThat(Failures.classify(new HibernateException("HR000069: wrong thread")))
        .isEqualTo(FailureKind.PERMANENT);
  }

  @Test
  void anUnavailableCauseAnywhereInTheChainWins() {
    assertThat(Failures.classify(new CompletionException(new ConnectException("refused"))))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(new IllegalStateException("wrapper", pg("57P01"))))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(
            Failures.classify(
                new PersistenceException(
                    "deadlock", new PersistenceException("then", new ConnectException("lost")))))
        .isEqualTo(FailureKind.UNAVAILABLE);
  }

  @Test
  void aResetConnectionCollectedWithItsRollbackIsUnavailable() {
    // As routing dead-lettered it when the fault suite stalled PostgreSQL for 30 s.
    Throwable reset = new java.io.IOException("Connection reset by peer");
    Throwable rollback =
        new IllegalStateException(
            "HR000090: Live transaction detected while closing the connection: it will be roll"
                + " backed (cause: Connection reset by peer)");
    assertThat(Failures.classify(new CompositeException(reset, rollback)))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(new CompositeException(rollback, reset)))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(new CompletionException(new CompositeException(rollback, reset))))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(Failures.classify(rollback)).isEqualTo(FailureKind.CONFLICT);
    Throwable withSuppressed = new IllegalStateException("commit failed");
    withSuppressed.addSuppressed(reset);
    assertThat(Failures.classify(withSuppressed)).isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(
            Failures.classify(
                new CompositeException(
                    new IllegalStateException("Unknown team x"), new NullPointerException())))
        .isEqualTo(FailureKind.PERMANENT);
  }

  @Test
  void theDescriptionNamesTheRootCause() {
    assertThat(
            Failures.describe(
                new HibernateException("HR000092", new ConnectException("Connection refused"))))
        .isEqualTo("ConnectException: Connection refused");
    assertThat(Failures.describe(new NullPointerException())).isEqualTo("NullPointerException");
  }
}
