package io.switchboard.ingest.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normal forms of the ways to reach a customer: pure, no I/O. */
public final class Contacts {
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}$");
  // What people really type around a number; anything else (letters) means it is not one.
  private static final Pattern PHONE_CHARACTERS = Pattern.compile("^[+0-9\\s().\\-]{3,40}$");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

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
   * The number in E.164 ({@code +79161234567}), or empty when it is not a valid number. A number
   * without a country code ({@code 8 916 123-45-67}) is read as one of {@code defaultRegion}.
   */
  public static Optional<String> phone(String raw, String defaultRegion) {
    if (raw == null || !PHONE_CHARACTERS.matcher(raw.trim()).matches()) {
      return Optional.empty();
    }
    String trimmed = raw.trim();
    if (trimmed.startsWith("00")) {
      trimmed = "+" + trimmed.substring(2);
    }
    try {
      PhoneNumber number = PHONES.parse(trimmed, defaultRegion);
      return PHONES.isValidNumber(number)
          ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
