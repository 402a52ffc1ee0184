package io.switchboard.notification.acknowledgement;

import io.switchboard.platform.privacy.Pii;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail server did not take an acknowledgement. Its message becomes a log line and the record's
 * {@code dead-letter-reason}, and SMTP replies quote the recipient ("550 &lt;anna@…&gt; unknown"):
 * the cause's text is kept with addresses masked, the cause itself is dropped so that no stack
 * trace prints it unmasked.
 */
public class AcknowledgementNotSent extends RuntimeException {
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"'@]+@[\\w.-]+");

  public AcknowledgementNotSent(String notificationId, Throwable failure) {
    super(
        "acknowledgement "
            + notificationId
            + " not sent: "
            + failure.getClass().getSimpleName()
            + ": "
            + masked(failure.getMessage()));
  }

  static String masked(String text) {
    if (text == null) {
      return "";
    }
    Matcher addresses = ADDRESS.matcher(text);
    return addresses.replaceAll(found -> Matcher.quoteReplacement(Pii.email(found.group())));
  }
}
