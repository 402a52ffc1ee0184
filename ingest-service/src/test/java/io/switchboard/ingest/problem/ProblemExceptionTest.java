package io.switchboard.ingest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ProblemExceptionTest {

  @Test
  void aDatabaseAwayUnderALookupIsAnsweredRetryLater() {
    // What a thread lookup met while FaultSuiteIT held PostgreSQL unreachable (answered 500
    // before).
    for (Throwable away :
        new Throwable[] {
          new IOException("Connection reset by peer"),
          new ConnectException("Connection refused"),
          new PgException("terminating connection", "FATAL", "57P01", null)
        }) {
      ProblemException problem = ProblemException.unexpected(away);
      assertThat(problem.status()).as(away.toString()).isEqualTo(503);
      assertThat(problem.retryAfterSeconds()).isPositive();
    }
  }

  @Test
  void anythingElseUnforeseenIsAnInternalError() {
    assertThat(ProblemException.unexpected(new IllegalStateException("bug")).status())
        .isEqualTo(500);
    assertThat(
            ProblemException.unexpected(new PgException("no such column", "ERROR", "42703", null))
                .status())
        .isEqualTo(500);
  }
}
