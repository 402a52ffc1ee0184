package io.switchboard.platform.privacy;

/** Masks personal data before it reaches a log line or a topic that does not need it. */
public final class Pii {
  private Pii() {}

  /** {@code anna.petrova@example.com} becomes {@code a***@example.com}. */
  public static String email(String email) {
    if (email == null || email.isBlank()) {
      return email;
    }
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }

  /** {@code +79161234567} becomes {@code +7*******567}: country code and last three digits. */
  public static String phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return phone;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() <= 4) {
      return "***";
    }
    String tail = digits.substring(digits.length() - 3);
    return "+" + digits.charAt(0) + "*".repeat(digits.length() - 4) + tail;
  }

  /** Masks whichever of e-mail and phone the address is. */
  public static String address(String address) {
    return address != null && address.contains("@") ? email(address) : phone(address);
  }
}
