package io.switchboard.sla.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * SLA targets. Durations are written {@code 90s}, {@code 2m}, {@code 1h} or in ISO-8601 ({@code
 * PT2M}); each must be a whole number of seconds.
 */
@ConfigMapping(prefix = "sla")
public interface SlaConfig {

  /** How long a customer may wait for the first answer, per channel, in calendar time. */
  FirstResponse firstResponse();

  interface FirstResponse {
    /** {@code sla.first-response.chat}: the customer is waiting in the chat window. */
    @WithDefault("2m")
    Duration chat();

    /** {@code sla.first-response.phone}: calling back a missed call. */
    @WithDefault("15m")
    Duration phone();

    /** {@code sla.first-response.email}. */
    @WithDefault("1h")
    Duration email();

    /** {@code sla.first-response.web-form}. */
    @WithDefault("1h")
    Duration webForm();

    /** {@code sla.first-response.telegram}. */
    @WithDefault("1h")
    Duration telegram();
  }
}
