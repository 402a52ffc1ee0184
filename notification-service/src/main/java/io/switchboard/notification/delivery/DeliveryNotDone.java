package io.switchboard.notification.delivery;

import io.switchboard.platform.privacy.Pii;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification was not delivered after its last attempt. Its message becomes a log line, the
 * {@code DeliveryFailed} reason and the record's {@code dead-letter-reason}, and providers quote
 * the recipient ("550 &lt;anna@…&gt; unknown"): the cause's text is kept with e-mail addresses and
 * phone numbers masked, the cause itself is dropped so that no stack trace prints it unmasked.
 */
public class DeliveryNotDone extends RuntimeException {
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"'@]+@[\\w.-]+");
  private static final Pattern PHONE = Pattern.compile("\\+\\d{7,15}");

  private final int attempts;

  public DeliveryNotDone(String notificationId, int attempts, Throwable failure) {
    super(
        notificationId
            + " not delivered after "
            + attempts
            + " attempt(s): "
            + failure.getClass().getSimpleName()
            + ": "
            + masked(failure.getMessage()));
    this.attempts = attempts;
  }

  public int attempts() {
    return attempts;
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
