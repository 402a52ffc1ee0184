package io.switchboard.routing.priority;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Priority;
import java.util.List;
import java.util.Locale;

/** Decides urgency from what the customer wrote and how: pure, no I/O. */
public final class PriorityRules {
  private static final List<String> URGENT_WORDS =
      List.of("срочно", "не работает", "списали деньги", "urgent", "outage", "down", "charged");

  private PriorityRules() {}

  public static Priority decide(Channel channel, String subject, String text) {
    String words = ((subject == null ? "" : subject) + " " + text).toLowerCase(Locale.ROOT);
    if (URGENT_WORDS.stream().anyMatch(words::contains)) {
      return Priority.P2;
    }
    // A missed call is somebody who wanted an answer right away.
    return channel == Channel.PHONE ? Priority.P2 : Priority.P3;
  }
}
