package io.switchboard.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** notification-service's own settings, beside the {@code switchboard.*} ones every service has. */
@ConfigMapping(prefix = "switchboard.notification")
public interface NotificationConfig {

  /**
   * The zone in which customers are told when to expect a reply. The text names it, because the
   * customer's own zone is unknown.
   */
  @WithDefault("UTC")
  ZoneId customerTimeZone();
}
