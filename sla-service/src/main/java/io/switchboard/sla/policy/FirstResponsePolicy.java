package io.switchboard.sla.policy;

import io.switchboard.contracts.Channel;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a customer may wait for the first answer on each channel: pure, no I/O. Targets run in
 * calendar time; business hours come later.
 */
public final class FirstResponsePolicy {
  /** Somebody in a chat window is looking at the screen right now. */
  public static final Duration DEFAULT_CHAT = Duration.ofMinutes(2);

  /** A missed call is called back while the customer still remembers why they called. */
  public static final Duration DEFAULT_PHONE = Duration.ofMinutes(15);

  /** E-mail, web form and Telegram: the customer expects an answer within the hour. */
  public static final Duration DEFAULT_WRITTEN = Duration.ofHours(1);

  private final Duration chat;
  private final Duration phone;
  private final Duration email;
  private final Duration webForm;
  private final Duration telegram;

  /**
   * @throws IllegalArgumentException for a target that is not a positive whole number of seconds:
   *     ClockStarted carries the target in seconds, and it must agree with the due time
   */
  public FirstResponsePolicy(
      Duration chat, Duration phone, Duration email, Duration webForm, Duration telegram) {
    this.chat = wholeSeconds(Channel.CHAT, chat);
    this.phone = wholeSeconds(Channel.PHONE, phone);
    this.email = wholeSeconds(Channel.EMAIL, email);
    this.webForm = wholeSeconds(Channel.WEB_FORM, webForm);
    this.telegram = wholeSeconds(Channel.TELEGRAM, telegram);
  }

  public static FirstResponsePolicy defaults() {
    return new FirstResponsePolicy(
        DEFAULT_CHAT, DEFAULT_PHONE, DEFAULT_WRITTEN, DEFAULT_WRITTEN, DEFAULT_WRITTEN);
  }

  public Duration target(Channel channel) {
    // No default branch: a new channel must not quietly inherit another channel's promise.
    return switch (Objects.requireNonNull(channel, "channel")) {
      case CHAT -> chat;
      case PHONE -> phone;
      case EMAIL -> email;
      case WEB_FORM -> webForm;
      case TELEGRAM -> telegram;
    };
  }

  /** False until business hours exist: a target promised at 23:00 is due during the night. */
  public boolean businessTime() {
    return false;
  }

  private static Duration wholeSeconds(Channel channel, Duration target) {
    Objects.requireNonNull(target, () -> "first-response target for " + channel);
    if (target.toSeconds() < 1 || target.getNano() != 0) {
      throw new IllegalArgumentException(
          "first-response target for "
              + channel
              + " must be whole seconds, at least 1s: "
              + target);
    }
    return target;
  }
}
