package io.switchboard.devstack.sim;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;

/**
 * Raw RFC 5322 messages as mail systems really write them: Russian mail in UTF-8, windows-1251 or
 * KOI8-R, HTML-only mail, replies in a thread, an operator's answer from the support address,
 * out-of-office replies, newsletters and delivery reports (bounces). Pure.
 */
final class MailComposer {
  private static final Session SESSION = Session.getInstance(new Properties());

  /** How a customer's mail program encodes the message. */
  enum Encoding {
    UTF8_PLAIN,
    WINDOWS_1251,
    KOI8_R,
    HTML_ONLY
  }

  private MailComposer() {}

  static byte[] customerMail(
      SimCustomer customer,
      String to,
      String subject,
      String body,
      String messageId,
      Encoding encoding) {
    MimeMessage mail = message(messageId);
    try {
      mail.setFrom(address(customer.email(), customer.name()));
      mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
      String charset =
          switch (encoding) {
            case WINDOWS_1251 -> "windows-1251";
            case KOI8_R -> "KOI8-R";
            case UTF8_PLAIN, HTML_ONLY -> "UTF-8";
          };
      mail.setSubject(subject, charset);
      if (encoding == Encoding.HTML_ONLY) {
        mail.setContent(
            "<html><body><p>"
                + body.replace("&", "&amp;").replace("<", "&lt;")
                + "</p></body></html>",
            "text/html; charset=UTF-8");
      } else {
        mail.setText(body, charset);
      }
      return bytes(mail);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The customer answers in the thread of their inquiry (the ticket in the subject). */
  static byte[] customerReply(
      SimCustomer customer,
      String to,
      String ticket,
      String subject,
      String inReplyTo,
      String body,
      String messageId) {
    MimeMessage mail = message(messageId);
    try {
      mail.setFrom(address(customer.email(), customer.name()));
      mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
      mail.setSubject("Re: [" + ticket + "] " + subject, "UTF-8");
      if (inReplyTo != null) {
        mail.setHeader("In-Reply-To", inReplyTo);
        mail.setHeader("References", inReplyTo);
      }
      mail.setText(body, "UTF-8");
      return bytes(mail);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An operator answers from the support mailbox; the MTA hands ingest a copy. */
  static byte[] operatorReply(
      String supportAddress,
      String operatorName,
      String customerEmail,
      String ticket,
      String subject,
      String inReplyTo,
      String body,
      String messageId) {
    MimeMessage mail = message(messageId);
    try {
      mail.setFrom(address(supportAddress, operatorName + " (support)"));
      mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(customerEmail));
      mail.setSubject("Re: [" + ticket + "] " + subject, "UTF-8");
      if (inReplyTo != null) {
        mail.setHeader("In-Reply-To", inReplyTo);
        mail.setHeader("References", inReplyTo);
      }
      mail.setText(body, "UTF-8");
      return bytes(mail);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An out-of-office reply (RFC 3834) to mail of somebody else's: no thread of ours. */
  static byte[] autoReply(SimCustomer sender, String to, String messageId) {
    MimeMessage mail = message(messageId);
    try {
      mail.setFrom(address(sender.email(), sender.name()));
      mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
      mail.setSubject(
          sender.russian() ? "Автоматический ответ: Не в офисе" : "Automatic reply: Out of office",
          "UTF-8");
      mail.setHeader("Auto-Submitted", "auto-replied");
      mail.setHeader("X-Autoreply", "yes");
      mail.setText(
          sender.russian()
              ? "Я в отпуске до понедельника, без доступа к почте."
              : "I am out of the office until Monday with no access to e-mail.",
          "UTF-8");
      return bytes(mail);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A newsletter somebody subscribed the support address to. */
  static byte[] newsletter(SimCustomer sender, String to, String messageId) {
    MimeMessage mail = message(messageId);
    try {
      mail.setFrom(
          address(
              "news@" + sender.email().substring(sender.email().indexOf('@') + 1),
              "Новости магазина"));
      mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
      mail.setSubject("Скидки недели: до -30% на всё", "UTF-8");
      mail.setHeader("Precedence", "bulk");
      mail.setHeader("List-Unsubscribe", "<https://news.example.com/unsubscribe>");
      mail.setContent(
          "<html><body><h1>Скидки недели</h1><p>Только до воскресенья.</p></body></html>",
          "text/html; charset=UTF-8");
      return bytes(mail);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The receiving side's MTA returns our own message (a delivery status notification, RFC 3464):
   * the failed recipient, and the returned message's headers with its Message-ID.
   */
  static byte[] bounce(
      String supportAddress,
      String failedRecipient,
      String returnedMessageId,
      String returnedSubject,
      String messageId) {
    String domain = failedRecipient.substring(failedRecipient.indexOf('@') + 1);
    String boundary = "bounce-" + Math.abs(messageId.hashCode());
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now());
    String text =
        """
        Return-Path: <>
        From: Mail Delivery System <MAILER-DAEMON@mx.%1$s>
        To: %2$s
        Subject: Undelivered Mail Returned to Sender
        Date: %3$s
        Message-ID: %4$s
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="%5$s"

        --%5$s
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.%1$s.
        I'm sorry to have to inform you that your message could not be delivered.

        <%6$s>: host mx.%1$s said: 550 5.1.1 User unknown

        --%5$s
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.%1$s
        Original-Recipient: rfc822;%6$s
        Final-Recipient: rfc822;%6$s
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 User unknown

        --%5$s
        Content-Type: text/rfc822-headers

        From: %2$s
        To: %6$s
        Subject: %7$s
        Message-ID: %8$s

        --%5$s--
        """
            .formatted(
                domain,
                supportAddress,
                date,
                messageId,
                boundary,
                failedRecipient,
                encoded(returnedSubject),
                returnedMessageId);
    return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String encoded(String header) {
    try {
      return MimeUtility.encodeText(header, "UTF-8", "B");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage message(String messageId) {
    MimeMessage mail =
        new MimeMessage(SESSION) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    try {
      mail.setSentDate(new Date());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    return mail;
  }

  private static InternetAddress address(String email, String name) {
    try {
      return new InternetAddress(email, name, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(MimeMessage mail) throws MessagingException {
    try {
      mail.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      mail.writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
