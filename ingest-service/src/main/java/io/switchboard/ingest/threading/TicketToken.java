package io.switchboard.ingest.threading;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an inquiry's ticket ({@code [SB-7K3QZ9XD2M4P]}) in a subject or text: the acknowledgement
 * asks the customer to keep it, and mail clients keep it through "Re:" and "Fwd:". Pure.
 */
public final class TicketToken {
  private static final Pattern TICKET =
      Pattern.compile(
          "(?<![0-9A-Z-])SB-([0-9A-HJKMNP-TV-Z]{12})(?![0-9A-Z])", Pattern.CASE_INSENSITIVE);

  private TicketToken() {}

  public static Optional<String> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = TICKET.matcher(text);
    return matcher.find()
        ? Optional.of("SB-" + matcher.group(1).toUpperCase(Locale.ROOT))
        : Optional.empty();
  }
}
