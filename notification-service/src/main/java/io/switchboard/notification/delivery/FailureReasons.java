package io.switchboard.notification.delivery;

import io.switchboard.platform.privacy.Pii;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a send failed, as the ledger, the log and {@code DeliveryFailed} may say it. Providers quote
 * the recipient ("550 &lt;anna@…&gt; unknown"): the failure's text is kept with e-mail addresses
 * and phone numbers masked, and the exception itself is never logged, so that no stack trace prints
 * it unmasked. Pure, no I/O.
 */
public final class FailureReasons {
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"'@]+@[\\w.-]+");
  private static final Pattern PHONE = Pattern.compile("\\+\\d{7,15}");

  private FailureReasons() {}

  /** The failure's class and masked message. */
  public static String of(Throwable failure) {
    return failure.getClass().getSimpleName() + ": " + masked(failure.getMessage());
  }

  /** The reason a message was given up, as {@code DeliveryFailed} carries it. */
  public static String givenUp(String notificationId, int attempts, String lastFailure) {
    return notificationId + " not delivered after " + attempts + " attempt(s): " + lastFailure;
  }

  static String masked(String text) {
    if (text == null) {
      return "";
    }
    String emails =
        ADDRESS
            .matcher(text)
            .replaceAll(found -> Matcher.quoteReplacement(Pii.email(found.group())));
    return PHONE
        .matcher(emails)
        .replaceAll(found -> Matcher.quoteReplacement(Pii.phone(found.group())));
  }
}
