package io.switchboard.notification.delivery.email;

import java.util.Arrays;
import java.util.Optional;

/** Header values of the mail we send: pure. */
public final class MailHeaders {
  private MailHeaders() {}

  private static final String DOMAIN = "@switchboard>";

  // RFC 5322 allows no colon left of the @ of a Message-ID, so the ledger id's colons become dots.
  public static String messageId(String notificationId) {
    return "<" + notificationId.replace(':', '.') + DOMAIN;
  }

  /**
   * The ledger id of the message we sent with {@code messageId}, or empty when it is not one of
   * ours. Inquiry ids, kinds and levels hold no dots, so the first three dots are the colons; an
   * assignment alert's operator id after them is kept as it is.
   */
  public static Optional<String> notificationIdOf(String messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    String id = messageId.strip();
    if (!id.startsWith("<") || !id.endsWith(DOMAIN)) {
      return Optional.empty();
    }
    String[] parts = id.substring(1, id.length() - DOMAIN.length()).split("\\.", 4);
    if (parts.length < 3 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(String.join(":", parts));
  }

  /** The message id the customer's mail had, in angle brackets, or null when there is none. */
  public static String bracketed(String threadRef) {
    if (threadRef == null || threadRef.isBlank()) {
      return null;
    }
    String id = threadRef.strip();
    return id.startsWith("<") ? id : "<" + id + ">";
  }

  /**
   * {@code support@example.com} with ticket {@code SB-1} becomes {@code support+SB-1@example.com}:
   * a reply names its inquiry even when the customer rewrites the subject.
   */
  public static String withToken(String address, String ticket) {
    int at = address.lastIndexOf('@');
    if (ticket == null || ticket.isBlank() || at <= 0) {
      return address;
    }
    return address.substring(0, at) + "+" + ticket + address.substring(at);
  }
}
