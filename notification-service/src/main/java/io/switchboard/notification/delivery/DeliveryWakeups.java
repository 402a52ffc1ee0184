package io.switchboard.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Listens on PostgreSQL for the commits of every instance that made deliveries due now (the
 * ledger's triggers notify {@code delivery_<schema>} with the medium), so that any instance's
 * worker may take them at once. A lost connection is opened again at the next check; every
 * (re)connect wakes all lanes, since notifications sent meanwhile were missed.
 */
final class DeliveryWakeups {
  private static final Logger LOG = Logger.getLogger(DeliveryWakeups.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final String listen;
  private final Duration checkEvery;
  private final Consumer<Optional<DeliveryMedium>> wake;
  private volatile PgConnection connection;
  private volatile boolean connecting;
  private volatile boolean stopped;
  private long timer = -1;

  /**
   * @param wake called with the medium a notification names, or empty to wake every lane
   */
  DeliveryWakeups(
      Vertx vertx,
      PgConnectOptions options,
      String schema,
      Duration checkEvery,
      Consumer<Optional<DeliveryMedium>> wake) {
    this.vertx = vertx;
    this.options = options;
    // Unquoted identifiers fold to lower case: this is the name tg_table_schema reports.
    this.listen = "listen \"delivery_" + schema.toLowerCase(Locale.ROOT) + "\"";
    this.checkEvery = checkEvery;
    this.wake = wake;
  }

  /** Connection options from the datasource's reactive URL and credentials. */
  static PgConnectOptions connectOptions(
      String reactiveUrl, Optional<String> user, Optional<String> password, String name) {
    PgConnectOptions options =
        PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
    user.ifPresent(options::setUser);
    password.ifPresent(options::setPassword);
    options.addProperty("application_name", name);
    options.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
    return options;
  }

  void start() {
    timer = vertx.setPeriodic(1, checkEvery.toMillis(), ignored -> check());
  }

  void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    PgConnection current = connection;
    connection = null;
    if (current != null) {
      current.closeAndForget();
    }
  }

  private void check() {
    if (stopped || connecting || connection != null) {
      return;
    }
    connecting = true;
    PgConnection.connect(vertx, options)
        .chain(this::listen)
        .ifNoItem()
        .after(CONNECT_TIMEOUT.multipliedBy(2))
        .fail()
        .subscribe()
        .with(
            opened -> {
              connecting = false;
              wake.accept(Optional.empty());
            },
            failure -> {
              connecting = false;
              LOG.debugf("Delivery wake-ups: cannot listen yet: %s", failure.toString());
            });
  }

  private Uni<PgConnection> listen(PgConnection opened) {
    if (stopped) {
      opened.closeAndForget();
      return Uni.createFrom().failure(new IllegalStateException("stopped"));
    }
    opened.notificationHandler(notification -> wake.accept(medium(notification.getPayload())));
    opened.closeHandler(
        () -> {
          if (connection == opened) {
            connection = null;
          }
        });
    return opened
        .query(listen)
        .execute()
        .invoke(() -> connection = opened)
        .onFailure()
        .invoke(opened::closeAndForget)
        .replaceWith(opened);
  }

  private static Optional<DeliveryMedium> medium(String payload) {
    try {
      return Optional.of(DeliveryMedium.valueOf(payload));
    } catch (RuntimeException unknown) {
      return Optional.empty();
    }
  }
}
