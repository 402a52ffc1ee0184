package io.switchboard.ingest.channel.email;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.ingest.normalize.Fingerprints;
import io.switchboard.ingest.normalize.Languages;
import io.switchboard.ingest.normalize.TextLimit;
import io.switchboard.ingest.normalize.Tickets;
import io.switchboard.ingest.problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Turns a parsed e-mail into the event it means: pure, no I/O. */
public final class EmailNormalizer {
  private EmailNormalizer() {}

  /** Every reason this e-mail cannot be taken in. */
  public static List<FieldError> validate(ParsedEmail mail, String sender) {
    List<FieldError> errors = new ArrayList<>();
    if (sender == null) {
      errors.add(new FieldError("From", "no valid sender address to answer"));
    }
    if (mail.text().isBlank() && mail.attachments().isEmpty()) {
      errors.add(new FieldError("text", "the message has no text and no attachments"));
    }
    return errors;
  }

  /** The idempotency key: the Message-ID, or the exact bytes when the message carries none. */
  public static String sourceKey(ParsedEmail mail, byte[] raw) {
    return "EMAIL:" + (mail.messageId() != null ? mail.messageId() : Fingerprints.sha256(raw));
  }

  public static String fingerprint(ParsedEmail mail) {
    return Fingerprints.of(mail.fromAddress(), mail.subject(), mail.text());
  }

  public static String threadRef(String messageId) {
    return "EMAIL:" + messageId;
  }

  public static InquiryReceived received(
      ParsedEmail mail,
      String sender,
      String customerId,
      Instant receivedAt,
      int maxTextLength,
      RandomGenerator random) {
    TextLimit.Limited text = TextLimit.apply(mail.text(), maxTextLength);
    return new InquiryReceived(
        EventIds.next(),
        EventIds.next().toString(),
        receivedAt,
        InquiryReceived.SCHEMA_VERSION,
        Tickets.next(random),
        Channel.EMAIL,
        new Customer(customerId, mail.fromName(), sender, null),
        mail.subject(),
        text.text(),
        Languages.detect(mail.subject(), text.text()),
        mail.messageId(),
        mail.automatic(),
        InquiryKind.MESSAGE,
        text.truncated(),
        mail.attachments(),
        new ReplyAddress(Channel.EMAIL, sender, mail.messageId()),
        mail.bounceOf());
  }

  public static CustomerReplied customerReplied(
      ParsedEmail mail, String inquiryId, Instant receivedAt, int maxTextLength) {
    TextLimit.Limited text = TextLimit.apply(mail.text(), maxTextLength);
    return new CustomerReplied(
        EventIds.next(),
        inquiryId,
        receivedAt,
        CustomerReplied.SCHEMA_VERSION,
        Channel.EMAIL,
        text.text(),
        text.truncated(),
        mail.attachments(),
        mail.messageId(),
        mail.automatic());
  }

  public static OperatorReplied operatorReplied(
      ParsedEmail mail, String sender, String inquiryId, Instant receivedAt) {
    return new OperatorReplied(
        EventIds.next(),
        inquiryId,
        receivedAt,
        OperatorReplied.SCHEMA_VERSION,
        Channel.EMAIL,
        null,
        sender,
        mail.messageId());
  }
}
