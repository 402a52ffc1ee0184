package io.switchboard.notification.delivery.email;

/** Header values of the mail we send: pure. */
public final class MailHeaders {
  private MailHeaders() {}

  // RFC 5322 allows no colon left of the @ of a Message-ID, so the ledger id's colons become dots.
  public static String messageId(String notificationId) {
    return "<" + notificationId.replace(':', '.') + "@switchboard>";
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
