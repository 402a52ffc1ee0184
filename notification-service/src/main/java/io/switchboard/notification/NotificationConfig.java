package io.switchboard.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** notification-service's own settings, beside the {@code switchboard.*} ones every service has. */
@ConfigMapping(prefix = "switchboard.notification")
public interface NotificationConfig {

  /** The zone of the company and its customers: expected times are phrased in it. */
  @WithDefault("UTC")
  ZoneId customerTimeZone();

  /**
   * How long after receipt an acknowledgement may wait for sla-service's honest due time before it
   * goes out with the channel's general promise instead.
   */
  @WithDefault("3s")
  Duration expectedTimeWait();

  /**
   * At most one acknowledgement per customer address within this window, so two systems never loop.
   */
  @WithDefault("10m")
  Duration acknowledgementWindow();

  /**
   * A folder whose {@code <template>.<language>.txt} files replace the built-in texts; read at
   * start, so a change needs a restart, not a rebuild.
   */
  Optional<Path> templateFolder();

  BusinessHours businessHours();

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

  /** When the team works; an inquiry outside these hours gets the off-hours acknowledgement. */
  interface BusinessHours {
    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    Set<DayOfWeek> days();

    @WithDefault("09:00")
    LocalTime start();

    @WithDefault("18:00")
    LocalTime end();
  }

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

    /** How often alerts held for their recipient's working hours are checked. */
    @WithDefault("30s")
    Duration releaseEvery();
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

  /** Retries of one notification; all of them must fit in the Kafka channel's 60 s record limit. */
  interface Delivery {
    @WithDefault("3")
    int attempts();

    @WithDefault("10s")
    Duration timeout();

    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("8s")
    Duration maxBackoff();

    @WithDefault("0.3")
    double jitter();
  }
}
