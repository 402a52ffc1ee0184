package io.switchboard.ingest.channel.webform;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.ingest.normalize.Contacts;
import io.switchboard.ingest.normalize.Languages;
import io.switchboard.ingest.normalize.Tickets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/** Turns a valid web form into the one normalized inquiry event: pure, no I/O. */
public final class WebFormNormalizer {
  static final String TRUNCATION_MARK = " […]";

  private WebFormNormalizer() {}

  public static InquiryReceived toEvent(
      WebFormRequest form,
      String sourceKey,
      Instant receivedAt,
      int maxTextLength,
      RandomGenerator random) {
    String text = form.text().strip();
    boolean truncated = text.length() > maxTextLength;
    if (truncated) {
      text = text.substring(0, maxTextLength) + TRUNCATION_MARK;
    }
    Customer customer =
        new Customer(
            null,
            form.name() == null ? null : form.name().strip(),
            Contacts.email(form.email()).orElse(null),
            Contacts.phone(form.phone()).orElse(null));
    return new InquiryReceived(
        EventIds.next(),
        EventIds.next().toString(),
        receivedAt,
        InquiryReceived.SCHEMA_VERSION,
        Tickets.next(random),
        form.channel() == null ? Channel.WEB_FORM : Channel.valueOf(form.channel()),
        customer,
        form.subject() == null ? null : form.subject().strip(),
        text,
        Languages.detect(form.subject(), text),
        sourceKey,
        false,
        InquiryKind.MESSAGE,
        truncated,
        List.of(),
        replyAddress(customer));
  }

  // Forms carry no channel of their own to answer on: e-mail when given, otherwise the phone.
  private static ReplyAddress replyAddress(Customer customer) {
    return customer.email() != null
        ? new ReplyAddress(Channel.EMAIL, customer.email(), null)
        : new ReplyAddress(Channel.PHONE, customer.phone(), null);
  }

  /** Fingerprint of what the customer sent, to tell a true retry from a reused key. */
  public static String fingerprint(WebFormRequest form) {
    String content =
        String.join(
            "\u0000",
            String.valueOf(form.channel()),
            String.valueOf(form.name()),
            String.valueOf(form.email()),
            String.valueOf(form.phone()),
            String.valueOf(form.subject()),
            String.valueOf(form.text()));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
