package io.switchboard.e2e.fault;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message a provider took from notification-service.
 *
 * @param provider {@code smtp}, {@code chat}, {@code telegram} or {@code sms}
 * @param notificationId the ledger's id the message carried ({@code <inquiry>:<kind>:<level>}): the
 *     e-mail's Message-ID or the HTTP call's Idempotency-Key; a resend carries the same one
 * @param ticket the inquiry number the customer reads in the message, or null
 */
record ProviderMessage(String provider, String notificationId, String ticket) {
  private static final Pattern TICKET = Pattern.compile("SB-[0-9A-Z]{12}");

  /** The inquiry the notification id names. */
  String inquiryId() {
    int colon = notificationId.indexOf(':');
    return colon < 0 ? notificationId : notificationId.substring(0, colon);
  }

  boolean isAcknowledgement() {
    return notificationId.contains(":ack:");
  }

  static String ticketIn(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = TICKET.matcher(text);
    return matcher.find() ? matcher.group() : null;
  }
}
