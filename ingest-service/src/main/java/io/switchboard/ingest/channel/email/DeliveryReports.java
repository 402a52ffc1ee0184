package io.switchboard.ingest.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recognizes a delivery report (a bounce) that returns a message Switchboard sent, and names that
 * message, so that the failed delivery is reported instead of threaded into the customer's
 * conversation as a reply. Pure: reads only the given message.
 *
 * <p>The shapes mail systems really send:
 *
 * <ul>
 *   <li>RFC 3464 reports ({@code multipart/report; report-type=delivery-status}: Postfix, Exim,
 *       Gmail, Exchange): the returned message is a {@code message/rfc822} part, or only its
 *       headers in a {@code text/rfc822-headers} part. A report whose every recipient is {@code
 *       delayed}, {@code delivered}, {@code relayed} or {@code expanded} is a warning, not a
 *       bounce. Other report types (read receipts) are never bounces.
 *   <li>Plain-text bounces from the mail system (qmail, older Exim and Sendmail), with the returned
 *       message's headers copied into the text ("--- Below this line is a copy of the message."); a
 *       delay warning ("Delayed Mail", "Warning: message ... delayed") is not a bounce.
 * </ul>
 */
final class DeliveryReports {
  /**
   * How every Message-ID Switchboard writes ends: notification-service's {@code
   * MailHeaders.messageId}, e.g. {@code <0192f1d4-….ack.0@switchboard>}.
   */
  static final String OWN_MESSAGE_ID_SUFFIX = "@switchboard>";

  private static final Set<String> NOT_FAILED =
      Set.of("delayed", "delivered", "relayed", "expanded");
  private static final Pattern ACTION = Pattern.compile("(?im)^action:\\s*([a-z]+)");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  // A Message-ID header line copied into a plain-text bounce, possibly folded onto the next line.
  private static final Pattern COPIED_MESSAGE_ID =
      Pattern.compile("(?im)^message-id:[ \\t]*(?:\\r?\\n[ \\t]+)?(<[^<>\\s]+>)");
  private static final Pattern DELAY_WARNING =
      Pattern.compile("(?i)\\b(delayed|delay|still being retried|warning: message)\\b");

  private DeliveryReports() {}

  /**
   * @param fromAddress the report's sender as written, or null
   * @return the Message-ID, in angle brackets, of a message of ours this report says could not be
   *     delivered; empty for any other mail
   */
  static Optional<String> ownMessageReturned(MimeMessage message, String fromAddress)
      throws MessagingException, IOException {
    Report report = new Report();
    if (message.isMimeType("multipart/report")) {
      String type = new ContentType(message.getContentType()).getParameter("report-type");
      if (!"delivery-status".equalsIgnoreCase(type)) {
        return Optional.empty();
      }
      report.read(message);
      if (!report.actions.isEmpty() && NOT_FAILED.containsAll(report.actions)) {
        return Optional.empty();
      }
      return report.ownMessageId();
    }
    if (!AutomaticMail.fromMailSystem(message, fromAddress) || delayWarning(message)) {
      return Optional.empty();
    }
    report.read(message);
    Optional<String> returned = report.ownMessageId();
    return returned.isPresent() ? returned : report.copiedOwnMessageId();
  }

  /** What the report's parts say: recipients' actions, returned Message-IDs, plain texts. */
  private static final class Report {
    final List<String> actions = new ArrayList<>();
    final List<String> returnedIds = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    // The returned message is read for its headers only: its own parts are no part of the report.
    void read(Part part) throws MessagingException, IOException {
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          read(child);
        }
      } else if (part.isMimeType("message/delivery-status")) {
        Matcher action = ACTION.matcher(content(part));
        while (action.find()) {
          actions.add(action.group(1).toLowerCase(Locale.ROOT));
        }
      } else if (part.isMimeType("message/rfc822")
          || part.isMimeType("text/rfc822-headers")
          || part.isMimeType("message/rfc822-headers")) {
        try (InputStream in = part.getInputStream()) {
          String id = new InternetHeaders(in).getHeader("Message-ID", " ");
          if (id != null) {
            returnedIds.add(MimeUtility.unfold(id));
          }
        }
      } else if (part.isMimeType("text/plain")) {
        texts.add(content(part));
      }
    }

    Optional<String> ownMessageId() {
      return returnedIds.stream().flatMap(id -> own(MESSAGE_ID.matcher(id))).findFirst();
    }

    Optional<String> copiedOwnMessageId() {
      return texts.stream().flatMap(text -> own(COPIED_MESSAGE_ID.matcher(text))).findFirst();
    }

    private static Stream<String> own(Matcher matcher) {
      List<String> ids = new ArrayList<>();
      while (matcher.find()) {
        String id = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
        if (id.toLowerCase(Locale.ROOT).endsWith(OWN_MESSAGE_ID_SUFFIX)) {
          ids.add(id);
        }
      }
      return ids.stream();
    }
  }

  private static String content(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static boolean delayWarning(MimeMessage message) throws MessagingException {
    if (message.getHeader("X-Failed-Recipients", null) != null) {
      return false;
    }
    String subject = message.getSubject();
    return subject != null && DELAY_WARNING.matcher(subject).find();
  }
}
