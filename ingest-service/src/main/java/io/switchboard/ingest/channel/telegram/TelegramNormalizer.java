package io.switchboard.ingest.channel.telegram;

import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.ingest.normalize.Contacts;
import io.switchboard.ingest.normalize.Fingerprints;
import io.switchboard.ingest.normalize.Languages;
import io.switchboard.ingest.normalize.TextLimit;
import io.switchboard.ingest.normalize.Tickets;
import io.switchboard.ingest.problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns a Telegram message into the event it means: pure, no I/O. */
public final class TelegramNormalizer {
  private TelegramNormalizer() {}

  public static List<FieldError> validate(TelegramUpdate.Message message) {
    List<FieldError> errors = new ArrayList<>();
    if (message.chat() == null || message.chat().id() == null) {
      errors.add(new FieldError("message.chat.id", "is required"));
    }
    if (message.messageId() == null) {
      errors.add(new FieldError("message.message_id", "is required"));
    }
    if (text(message).isBlank() && attachments(message).isEmpty() && message.contact() == null) {
      errors.add(new FieldError("message.text", "no text, caption, file or contact"));
    }
    return errors;
  }

  public static String threadRef(TelegramUpdate.Message message) {
    return "TELEGRAM:" + message.chat().id();
  }

  public static String sourceMessageId(TelegramUpdate.Message message) {
    return message.chat().id() + ":" + message.messageId();
  }

  public static String sourceKey(TelegramUpdate.Message message) {
    return "TELEGRAM:" + sourceMessageId(message);
  }

  public static String fingerprint(TelegramUpdate.Message message) {
    return Fingerprints.of(text(message), String.valueOf(attachments(message)));
  }

  static String text(TelegramUpdate.Message message) {
    String text = message.text() != null ? message.text() : message.caption();
    return text == null ? "" : text.strip();
  }

  /** Files as metadata; of a photo's sizes only the largest, which is the photo itself. */
  static List<Attachment> attachments(TelegramUpdate.Message message) {
    Stream<Attachment> document =
        message.document() == null
            ? Stream.empty()
            : Stream.of(
                new Attachment(
                    message.document().fileName(),
                    message.document().mimeType() == null
                        ? "application/octet-stream"
                        : message.document().mimeType(),
                    message.document().fileSize() == null ? 0 : message.document().fileSize()));
    Stream<Attachment> photo =
        message.photo() == null
            ? Stream.empty()
            : message.photo().stream()
                .filter(Objects::nonNull)
                .max(Comparator.comparingLong(p -> p.fileSize() == null ? 0 : p.fileSize()))
                .map(
                    p ->
                        new Attachment(
                            "photo.jpg", "image/jpeg", p.fileSize() == null ? 0 : p.fileSize()))
                .stream();
    return Stream.concat(document, photo).collect(Collectors.toList());
  }

  /**
   * Who wrote: the Telegram name, and the phone only when the user shared their own contact (a
   * shared contact of somebody else is not the customer's number).
   */
  public static Customer customer(TelegramUpdate.Message message, String defaultRegion) {
    TelegramUpdate.User from = message.from();
    String name =
        from == null
            ? null
            : Stream.of(from.firstName(), from.lastName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
    String phone = null;
    TelegramUpdate.Contact contact = message.contact();
    if (contact != null && from != null && Objects.equals(contact.userId(), from.id())) {
      String raw = contact.phoneNumber();
      // Telegram sends the number without "+"; it always carries the country code.
      phone =
          Contacts.phone(raw != null && !raw.startsWith("+") ? "+" + raw : raw, defaultRegion)
              .orElse(null);
    }
    return new Customer(null, name == null || name.isBlank() ? null : name, null, phone);
  }

  // The text says best what language to answer in; a file without a caption falls back on the
  // language of the user's Telegram app.
  static String language(TelegramUpdate.Message message, String text) {
    if (!text.isBlank()) {
      return Languages.detect(text);
    }
    String code = message.from() == null ? null : message.from().languageCode();
    return code != null && code.startsWith("ru") ? "ru" : "en";
  }

  public static InquiryReceived received(
      TelegramUpdate.Message message,
      Customer customer,
      Instant receivedAt,
      int maxTextLength,
      RandomGenerator random) {
    TextLimit.Limited text = TextLimit.apply(text(message), maxTextLength);
    return new InquiryReceived(
        EventIds.next(),
        EventIds.next().toString(),
        receivedAt,
        InquiryReceived.SCHEMA_VERSION,
        Tickets.next(random),
        Channel.TELEGRAM,
        customer,
        null,
        text.text(),
        language(message, text.text()),
        sourceMessageId(message),
        false,
        InquiryKind.MESSAGE,
        text.truncated(),
        attachments(message),
        new ReplyAddress(
            Channel.TELEGRAM,
            String.valueOf(message.chat().id()),
            String.valueOf(message.messageId())),
        null);
  }

  public static CustomerReplied customerReplied(
      TelegramUpdate.Message message, String inquiryId, Instant receivedAt, int maxTextLength) {
    TextLimit.Limited text = TextLimit.apply(text(message), maxTextLength);
    return new CustomerReplied(
        EventIds.next(),
        inquiryId,
        receivedAt,
        CustomerReplied.SCHEMA_VERSION,
        Channel.TELEGRAM,
        text.text(),
        text.truncated(),
        attachments(message),
        sourceMessageId(message),
        false);
  }
}
