package io.switchboard.platform.retry;

import io.smallrye.mutiny.CompositeException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.HibernateException;
import org.hibernate.StaleStateException;

/**
 * Tells transient failures from permanent ones by walking the cause chain. Pure: no I/O,
 * unit-tested on the exceptions the database, Hibernate Reactive, Vert.x and Kafka actually throw.
 */
public final class Failures {
  // Class 08: connection exceptions. 57P01-03: admin/crash shutdown, cannot connect now (starting
  // or in recovery). 57014: statement timeout or cancel. 53xxx: out of connections, memory or
  // disk. 58030: I/O error. 25006: read-only transaction (a replica being promoted).
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of("57P01", "57P02", "57P03", "57014", "58030", "25006");
  // Deadlock, serialization failure, lock not available, unique violation of a concurrent insert.
  private static final Set<String> CONFLICT_STATES = Set.of("40P01", "40001", "55P03", "23505");
  // Hibernate Reactive: "Unable to open a connection to the database".
  private static final String HR_NO_CONNECTION = "HR000092";
  // Vert.x: no pooled connection became free in time (internal class, hence by name).
  private static final String VERTX_TIMEOUT = "io.vertx.core.impl.NoStackTraceTimeoutException";
  // Vert.x: the pool is closing (the service stops). Never a reason to dead-letter a record.
  private static final String POOL_CLOSED = "Pool closed";
  // Vert.x's SQL pool fails with a bare message (Future.failedFuture(String) makes it a
  // NoStackTraceThrowable): "Timeout" when no connection could be had within the pool's
  // connection timeout (the database does not answer), the other when a connection closed under
  // queued statements. Matched with the class, since "Timeout" alone says little.
  private static final String VERTX_BARE_FAILURE = "io.vertx.core.impl.NoStackTraceThrowable";
  private static final Set<String> VERTX_POOL_UNAVAILABLE =
      Set.of("Timeout", "Pending requests failed to be sent due to connection has been closed.");
  // Netty's native transport reports a reset or broken socket as its own IOException subclass.
  private static final String NETTY_IO = "io.netty.channel.unix.Errors$NativeIoException";
  // Hibernate Reactive: the connection closed under a live transaction (it was reset). Bounded, as
  // a conflict: the next attempt meets the outage itself (unavailable) or succeeds.
  private static final String HR_CLOSED_IN_TRANSACTION = "HR000090";

  private Failures() {}

  public static FailureKind classify(Throwable failure) {
    FailureKind kind = FailureKind.PERMANENT;
    for (Throwable t : everyCause(failure)) {
      FailureKind here = classifyOne(t);
      if (here == FailureKind.UNAVAILABLE) {
        return here;
      }
      if (here == FailureKind.CONFLICT) {
        kind = here;
      }
    }
    return kind;
  }

  // The cause chain and, where several failures were collected into one (Mutiny's
  // CompositeException, suppressed exceptions), each of theirs: a connection reset can be the first
  // of two causes, its HR000090 rollback the second. Each throwable once, at most 64.
  private static List<Throwable> everyCause(Throwable failure) {
    List<Throwable> all = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
    while (!todo.isEmpty() && all.size() < 64) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      all.add(t);
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof CompositeException composite) {
        todo.addAll(composite.getCauses());
      }
      todo.addAll(List.of(t.getSuppressed()));
    }
    return all;
  }

  /** A short description of the root cause, for log lines and dead-letter reasons. */
  public static String describe(Throwable failure) {
    Throwable root = failure;
    for (int depth = 0; next(root) != null && depth < 32; depth++) {
      root = next(root);
    }
    String message = root.getMessage();
    String name = root.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }

  private static FailureKind classifyOne(Throwable t) {
    String state = sqlState(t);
    if (state != null) {
      if (state.startsWith("08") || state.startsWith("53") || UNAVAILABLE_STATES.contains(state)) {
        return FailureKind.UNAVAILABLE;
      }
      if (CONFLICT_STATES.contains(state)) {
        return FailureKind.CONFLICT;
      }
      return FailureKind.PERMANENT;
    }
    if (t instanceof SocketException
        || t instanceof SocketTimeoutException
        || t instanceof UnknownHostException
        || t instanceof ClosedChannelException
        // The JDK's NIO transport reports a reset peer as a plain IOException (subclasses such as
        // Jackson's parse errors are not the network's and stay permanent).
        || t.getClass() == IOException.class
        || t instanceof ClosedConnectionException
        || t instanceof TimeoutException
        || t instanceof io.smallrye.mutiny.TimeoutException
        || t instanceof RetriableException
        || t instanceof DependencyUnavailable
        || VERTX_TIMEOUT.equals(t.getClass().getName())
        || POOL_CLOSED.equals(t.getMessage())
        || (VERTX_BARE_FAILURE.equals(t.getClass().getName())
            && VERTX_POOL_UNAVAILABLE.contains(t.getMessage()))
        || NETTY_IO.equals(t.getClass().getName())) {
      return FailureKind.UNAVAILABLE;
    }
    if (t instanceof HibernateException
        && t.getMessage() != null
        && t.getMessage().startsWith(HR_NO_CONNECTION)) {
      return FailureKind.UNAVAILABLE;
    }
    // Hibernate Reactive 3 raises it as an IllegalStateException, earlier ones as
    // HibernateException.
    if (t.getMessage() != null && t.getMessage().startsWith(HR_CLOSED_IN_TRANSACTION)) {
      return FailureKind.CONFLICT;
    }
    if (t instanceof RetryableConflict
        || t instanceof OptimisticLockException
        || t instanceof PessimisticLockException
        || t instanceof LockTimeoutException
        || t instanceof StaleStateException) {
      return FailureKind.CONFLICT;
    }
    return FailureKind.PERMANENT;
  }

  private static String sqlState(Throwable t) {
    if (t instanceof DatabaseException database) {
      return database.getSqlState();
    }
    if (t instanceof SQLException sql) {
      return sql.getSQLState();
    }
    return null;
  }

  private static Throwable next(Throwable t) {
    Throwable cause = t.getCause();
    return cause == t ? null : cause;
  }
}
