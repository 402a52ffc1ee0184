package io.switchboard.ingest.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Set;

/**
 * Tells machine-written mail from a person's (RFC 3834 and the headers mail systems really send),
 * so that nobody auto-acknowledges an auto-reply and two robots do not answer each other forever.
 */
final class AutomaticMail {
  private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");
  private static final Set<String> DAEMON_MAILBOXES = Set.of("mailer-daemon", "postmaster");

  private AutomaticMail() {}

  static boolean isAutomatic(MimeMessage message, String fromAddress) throws MessagingException {
    String autoSubmitted = first(message, "Auto-Submitted");
    if (autoSubmitted != null && !autoSubmitted.equalsIgnoreCase("no")) {
      return true;
    }
    String precedence = first(message, "Precedence");
    if (precedence != null && BULK_PRECEDENCE.contains(precedence.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null) {
      return true;
    }
    // A bounce comes from the mailer daemon, with the null reverse path or as a delivery report.
    return fromMailSystem(message, fromAddress) || message.isMimeType("multipart/report");
  }

  /** Written by the mail system itself: its daemon's mailbox, or the null reverse path. */
  static boolean fromMailSystem(MimeMessage message, String fromAddress) throws MessagingException {
    if (fromAddress != null) {
      String local = fromAddress.substring(0, Math.max(0, fromAddress.indexOf('@')));
      if (DAEMON_MAILBOXES.contains(local.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    String returnPath = first(message, "Return-Path");
    return returnPath != null && returnPath.replaceAll("\\s", "").equals("<>");
  }

  private static String first(MimeMessage message, String name) throws MessagingException {
    String value = message.getHeader(name, null);
    return value == null ? null : value.strip();
  }
}
