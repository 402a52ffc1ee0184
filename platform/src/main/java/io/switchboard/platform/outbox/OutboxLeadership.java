package io.switchboard.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Elects one relay per service schema: the instance whose own connection holds a session-level
 * advisory lock on a key derived from the schema. The same connection listens for the commits that
 * stage events. When the leader dies its connection drops, PostgreSQL releases the lock, and the
 * next follower to try takes over; a leader whose connection broke steps down at once.
 */
final class OutboxLeadership {
  /** What the relay hears from its leadership. Called on the lock connection's event loop. */
  interface Listener {
    /** This instance became the leader and listens: everything committed so far is waiting. */
    void elected();

    /** A transaction that staged events committed. */
    void notified();
  }

  private static final Logger LOG = Logger.getLogger(OutboxLeadership.class);

  // Bounds every step on the lock connection (connect, lock, listen, proof of life). Shorter than
  // the server-side keepalives below on purpose: a leader cut off from the database steps down
  // before the server lets the lock go to someone else.
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  // Without these the server keeps a vanished host's session, and the lock, for the kernel's
  // default of two hours: now it gives up after about 11 s of silence (5 s idle, then 3 probes 2 s
  // apart) or 10 s of unacknowledged data. Set per session, so the server's defaults stay.
  private static final Map<String, String> SERVER_KEEPALIVES =
      Map.of(
          "tcp_keepalives_idle", "5",
          "tcp_keepalives_interval", "2",
          "tcp_keepalives_count", "3",
          "tcp_user_timeout", "10000");

  // An instance whose lock connection just broke is the likeliest to be in trouble: it leaves the
  // next term to the others for this many checks.
  private static final int SIT_OUT_CHECKS = 3;

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final String lockName;
  private final String listen;
  private final Duration interval;
  private final Listener listener;
  private volatile PgConnection connection;
  private volatile long term;
  private volatile boolean checking;
  private volatile boolean stopped;
  private volatile int sitOut;
  private long terms;
  private long timer = -1;

  OutboxLeadership(
      Vertx vertx, PgConnectOptions options, String schema, Duration interval, Listener listener) {
    // Unquoted identifiers fold to lower case: this is the name tg_table_schema reports.
    String folded = schema.toLowerCase(Locale.ROOT);
    this.vertx = vertx;
    this.options = options;
    this.lockName = "switchboard.outbox." + folded;
    this.listen = "listen \"outbox_" + folded + "\"";
    this.interval = interval;
    this.listener = listener;
  }

  /**
   * Connection options of the lock connection, from the datasource's reactive URL and credentials;
   * {@code name} shows in {@code pg_stat_activity.application_name}.
   */
  static PgConnectOptions connectOptions(
      String reactiveUrl, Optional<String> user, Optional<String> password, String name) {
    PgConnectOptions options =
        PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
    user.ifPresent(options::setUser);
    password.ifPresent(options::setPassword);
    options.addProperty("application_name", name);
    SERVER_KEEPALIVES.forEach(options::addProperty);
    options.setConnectTimeout((int) CHECK_TIMEOUT.toMillis() * 2 / 3);
    return options;
  }

  void start() {
    timer = vertx.setPeriodic(1, interval.toMillis(), ignored -> check());
  }

  /** Steps down and closes the lock connection, which releases the lock at once. */
  void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    term = 0;
    PgConnection current = connection;
    if (current != null) {
      current
          .close()
          .onFailure()
          .recoverWithNull()
          .ifNoItem()
          .after(CHECK_TIMEOUT)
          .recoverWithItem((Void) null)
          .await()
          .indefinitely();
    }
  }

  boolean leading() {
    return term != 0;
  }

  /** The current term, 0 when not leading: a round started in one term publishes only in it. */
  long term() {
    return term;
  }

  boolean holds(long term) {
    return term != 0 && this.term == term;
  }

  private void check() {
    if (stopped || checking) {
      return;
    }
    if (!leading() && sitOut > 0) {
      sitOut--;
      return;
    }
    checking = true;
    Uni.createFrom()
        .deferred(() -> leading() ? proveAlive() : campaign())
        .ifNoItem()
        .after(CHECK_TIMEOUT)
        .failWith(() -> new TimeoutException("no answer within " + CHECK_TIMEOUT))
        .subscribe()
        .with(done -> checking = false, this::giveUp);
  }

  private Uni<Void> campaign() {
    return connected()
        .chain(
            lockConnection ->
                lockConnection
                    .preparedQuery("select pg_try_advisory_lock(hashtextextended($1, 0))")
                    .execute(Tuple.of(lockName))
                    .map(rows -> rows.iterator().next().getBoolean(0))
                    .chain(
                        won -> won ? listenAndLead(lockConnection) : Uni.createFrom().voidItem()));
  }

  private Uni<Void> listenAndLead(PgConnection lockConnection) {
    return lockConnection
        .query(listen)
        .execute()
        .invoke(
            () -> {
              term = ++terms;
              LOG.infof("Outbox relay: this instance leads (%s)", lockName);
              listener.elected();
            })
        .replaceWithVoid();
  }

  // A notification proves the connection alive too, but an idle system sends none.
  private Uni<Void> proveAlive() {
    return connection.query("select 1").execute().replaceWithVoid();
  }

  private Uni<PgConnection> connected() {
    PgConnection current = connection;
    if (current != null) {
      return Uni.createFrom().item(current);
    }
    return PgConnection.connect(vertx, options).invoke(this::adopt);
  }

  private void adopt(PgConnection opened) {
    if (stopped) {
      opened.closeAndForget();
      throw new IllegalStateException("outbox relay stopped");
    }
    connection = opened;
    opened.closeHandler(() -> closed(opened));
    opened.exceptionHandler(
        failure -> LOG.debugf("Outbox relay: lock connection: %s", failure.toString()));
    opened.notificationHandler(notification -> listener.notified());
  }

  private void giveUp(Throwable failure) {
    PgConnection current = connection;
    if (!leading()) {
      LOG.debugf("Outbox relay: cannot campaign for leadership yet: %s", failure.toString());
    }
    stepDown(current, failure.toString());
    if (current != null) {
      current.closeAndForget();
    }
    checking = false;
  }

  private void closed(PgConnection closedConnection) {
    stepDown(closedConnection, "lock connection closed");
  }

  private void stepDown(PgConnection lost, String why) {
    if (lost != null && connection != lost) {
      return;
    }
    connection = null;
    if (leading()) {
      term = 0;
      sitOut = SIT_OUT_CHECKS;
      LOG.warnf("Outbox relay: no longer leading (%s): %s", lockName, why);
    }
  }
}
