package io.switchboard.ingest.channel.chat;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.ingest.normalize.Contacts;
import io.switchboard.ingest.normalize.Fingerprints;
import io.switchboard.ingest.normalize.Languages;
import io.switchboard.ingest.normalize.TextLimit;
import io.switchboard.ingest.normalize.Tickets;
import io.switchboard.ingest.problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Turns a chat message into the event it means: pure, no I/O. */
public final class ChatNormalizer {
  static final int MAX_ID = 200;

  private ChatNormalizer() {}

  public static List<FieldError> validate(ChatMessage message, String defaultRegion) {
    List<FieldError> errors = new ArrayList<>();
    id(errors, "sessionId", message.sessionId());
    id(errors, "messageId", message.messageId());
    if (message.author() != null
        && !message.author().equals("visitor")
        && !message.author().equals("operator")) {
      errors.add(new FieldError("author", "visitor or operator"));
    }
    if (message.text() == null || message.text().isBlank()) {
      errors.add(new FieldError("text", "must not be empty"));
    }
    ChatMessage.Visitor visitor = message.visitor();
    if (visitor != null) {
      if (visitor.email() != null
          && !visitor.email().isBlank()
          && Contacts.email(visitor.email()).isEmpty()) {
        errors.add(new FieldError("visitor.email", "not a valid e-mail address"));
      }
      if (visitor.phone() != null
          && !visitor.phone().isBlank()
          && Contacts.phone(visitor.phone(), defaultRegion).isEmpty()) {
        errors.add(new FieldError("visitor.phone", "not a valid phone number"));
      }
    }
    return errors;
  }

  private static void id(List<FieldError> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.length() > MAX_ID || value.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError(field, "at most " + MAX_ID + " printable characters"));
    }
  }

  public static String threadRef(ChatMessage message) {
    return "CHAT:" + message.sessionId();
  }

  public static String sourceKey(ChatMessage message) {
    return "CHAT:" + message.sessionId() + ":" + message.messageId();
  }

  public static String fingerprint(ChatMessage message) {
    return Fingerprints.of(message.author(), message.operatorId(), message.text());
  }

  /** The visitor, contacts in their normal forms; the customer id is resolved later. */
  public static Customer visitor(ChatMessage message, String defaultRegion) {
    ChatMessage.Visitor visitor = message.visitor();
    if (visitor == null) {
      return new Customer(null, null, null, null);
    }
    return new Customer(
        null,
        visitor.name() == null || visitor.name().isBlank() ? null : visitor.name().strip(),
        Contacts.email(visitor.email()).orElse(null),
        Contacts.phone(visitor.phone(), defaultRegion).orElse(null));
  }

  public static InquiryReceived received(
      ChatMessage message,
      Customer customer,
      Instant receivedAt,
      int maxTextLength,
      RandomGenerator random) {
    TextLimit.Limited text = TextLimit.apply(message.text(), maxTextLength);
    return new InquiryReceived(
        EventIds.next(),
        EventIds.next().toString(),
        receivedAt,
        InquiryReceived.SCHEMA_VERSION,
        Tickets.next(random),
        Channel.CHAT,
        customer,
        null,
        text.text(),
        Languages.detect(text.text()),
        message.messageId(),
        false,
        InquiryKind.MESSAGE,
        text.truncated(),
        List.of(),
        new ReplyAddress(Channel.CHAT, message.sessionId(), null),
        null);
  }

  public static CustomerReplied customerReplied(
      ChatMessage message, String inquiryId, Instant receivedAt, int maxTextLength) {
    TextLimit.Limited text = TextLimit.apply(message.text(), maxTextLength);
    return new CustomerReplied(
        EventIds.next(),
        inquiryId,
        receivedAt,
        CustomerReplied.SCHEMA_VERSION,
        Channel.CHAT,
        text.text(),
        text.truncated(),
        List.of(),
        message.messageId(),
        false);
  }

  public static OperatorReplied operatorReplied(
      ChatMessage message, String inquiryId, Instant receivedAt) {
    return new OperatorReplied(
        EventIds.next(),
        inquiryId,
        receivedAt,
        OperatorReplied.SCHEMA_VERSION,
        Channel.CHAT,
        message.operatorId(),
        null,
        message.messageId());
  }
}
