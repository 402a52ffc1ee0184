package io.switchboard.ingest.normalize;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normal forms of the ways to reach a customer: pure, no I/O. */
public final class Contacts {
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}$");
  private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");
  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

  private Contacts() {}

  /** The address lower-cased, or empty when it is not an e-mail address. */
  public static Optional<String> email(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String trimmed = raw.trim().toLowerCase(Locale.ROOT);
    return EMAIL.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
  }

  /**
   * The number in E.164 ({@code +79161234567}), or empty. Spaces, dots, dashes and brackets are
   * dropped; the number must carry its country code.
   */
  public static Optional<String> phone(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String compact = PHONE_PUNCTUATION.matcher(raw.trim()).replaceAll("");
    if (compact.startsWith("00")) {
      compact = "+" + compact.substring(2);
    }
    return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
  }
}
