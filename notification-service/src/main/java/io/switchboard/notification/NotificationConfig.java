package io.switchboard.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.switchboard.contracts.DeliveryMedium;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * notification-service's own settings, beside the {@code switchboard.*} ones every service has.
 * Working hours and the zone a promised time is told in are not here: they come with sla-service's
 * {@code ClockStarted}, from the one calendar that also decides the due time.
 */
@ConfigMapping(prefix = "switchboard.notification")
public interface NotificationConfig {

  /**
   * How long after receipt an acknowledgement waits for sla-service's due time. Without it by then
   * the acknowledgement goes out promising no time ("as soon as we can"), never a guessed one.
   */
  @WithDefault("3s")
  Duration expectedTimeWait();

  /**
   * With {@link #acknowledgementsPerWindow()}: a loop guard. An address that got that many
   * acknowledgements within this window gets no more until it has fewer, so two systems that answer
   * each other's mail without marking it automatic stop after a few rounds, while a customer who
   * writes about two things in a row learns both tickets. Zero turns the guard off.
   */
  @WithDefault("10m")
  Duration acknowledgementWindow();

  /** Acknowledgements one address may get within {@link #acknowledgementWindow()}. */
  @WithDefault("3")
  int acknowledgementsPerWindow();

  /**
   * A folder whose {@code <template>.<language>.txt} files replace the built-in texts; read at
   * start, so a change needs a restart, not a rebuild.
   */
  Optional<Path> templateFolder();

  Email email();

  Telegram telegram();

  Chat chat();

  Sms sms();

  Delivery delivery();

  Csat csat();

  Alerts alerts();

  /**
   * Where a chat visitor nobody answered in time is invited to continue, so that the answer can
   * reach them after they leave the page.
   */
  @WithDefault("https://t.me/switchboard_support")
  String chatFallbackMessengerUrl();

  interface Email {
    /**
     * Customers' replies go here, with the ticket added as a sub-address ({@code support+SB-…@…})
     * so that ingest can thread them without parsing the subject.
     */
    @WithDefault("support@switchboard.local")
    String replyAddress();
  }

  interface Telegram {
    @WithDefault("https://api.telegram.org")
    URI baseUrl();

    /** Without a token, inquiries from Telegram are not acknowledged. */
    Optional<String> botToken();
  }

  interface Chat {
    /** The chat provider's webhook that posts a message into a visitor's session. */
    Optional<URI> webhookUrl();
  }

  interface Sms {
    /** The HTTP SMS gateway; without it, phone inquiries are not acknowledged. */
    Optional<URI> gatewayUrl();

    /** Sent as a bearer token when present. */
    Optional<String> apiKey();
  }

  interface Alerts {
    /** The operator told about every missed call, with the caller's number; none when unset. */
    Optional<String> dutyOperator();
  }

  interface Csat {
    /** The public address of this service's rating page; the link adds the inquiry and a token. */
    @WithDefault("http://localhost:8084/csat")
    String linkBase();

    /**
     * Signs rating links, so that nobody rates an inquiry that is not theirs. Set per deployment.
     */
    @WithDefault("local-dev-csat-secret")
    String secret();
  }

  /**
   * The delivery queue: every message is a row of the ledger that a worker claims when it is due,
   * sends, and marks sent, reschedules or gives up.
   */
  interface Delivery {
    /** The longest one send may take before it counts as a transient failure. */
    @WithDefault("10s")
    Duration timeout();

    /** The delay before the second attempt; it doubles with every further failure. */
    @WithDefault("1s")
    Duration initialBackoff();

    /**
     * The longest delay between two attempts of one message, and between two probes of a provider
     * that looks down: once it answers again, its backlog is due at once.
     */
    @WithDefault("1m")
    Duration maxBackoff();

    /**
     * The fraction (0..1) by which a delay may randomly shrink, so retries do not come together.
     */
    @WithDefault("0.3")
    double jitter();

    /**
     * How long after it was due a message keeps being retried. A failure after that gives it up:
     * {@code DeliveryFailed} and the operational alert. A rejection (a 4xx other than 408 and 429,
     * a permanent SMTP reply) gives up at once.
     */
    @WithDefault("24h")
    Duration maxAge();

    /**
     * How long a claimed message belongs to the instance that claimed it. An instance that died
     * before recording the outcome leaves it to be sent again after this (HTTP providers get the
     * same {@code Idempotency-Key}; e-mail may arrive twice). Must exceed twice {@link #timeout()}.
     */
    @WithDefault("30s")
    Duration lease();

    /** The most messages of one medium claimed, sent and recorded together. */
    @WithDefault("100")
    int batchSize();

    /** Sends in flight at once on a medium without its own {@link #concurrency()} entry. */
    @WithDefault("8")
    int defaultConcurrency();

    /** Sends in flight at once per medium, e.g. {@code concurrency.SMS=16}. */
    Map<DeliveryMedium, Integer> concurrency();

    /**
     * A fallback only: a commit that queues a message wakes the worker at once (in this instance
     * directly, in the others by PostgreSQL NOTIFY), and a delayed message sets its own timer.
     */
    @WithDefault("5s")
    Duration pollInterval();

    default int concurrency(DeliveryMedium medium) {
      return Math.max(1, concurrency().getOrDefault(medium, defaultConcurrency()));
    }
  }
}
