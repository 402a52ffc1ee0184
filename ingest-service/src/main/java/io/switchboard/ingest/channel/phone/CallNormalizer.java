package io.switchboard.ingest.channel.phone;

import io.switchboard.contracts.Attachment;
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
import io.switchboard.ingest.normalize.TextLimit;
import io.switchboard.ingest.normalize.Tickets;
import io.switchboard.ingest.problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Turns a PBX call event into the event it means: pure, no I/O. A missed call or a voicemail is an
 * inquiry that needs a call back; an answered call from a number with an open inquiry is the
 * company's answer to it.
 */
public final class CallNormalizer {
  private static final Set<String> EVENTS =
      Set.of(CallEvent.MISSED, CallEvent.ANSWERED, CallEvent.VOICEMAIL);

  private CallNormalizer() {}

  public static List<FieldError> validate(CallEvent call, String defaultRegion) {
    List<FieldError> errors = new ArrayList<>();
    if (call.callId() == null || call.callId().isBlank() || call.callId().length() > 200) {
      errors.add(new FieldError("callId", "is required, at most 200 characters"));
    }
    if (call.event() == null || !EVENTS.contains(call.event())) {
      errors.add(new FieldError("event", "one of missed, answered, voicemail"));
    }
    if (call.caller() == null || call.caller().isBlank()) {
      errors.add(new FieldError("caller", "a number to call back is needed"));
    } else if (Contacts.phone(call.caller(), defaultRegion).isEmpty()) {
      errors.add(new FieldError("caller", "not a valid phone number"));
    }
    return errors;
  }

  public static String threadRef(String callerE164) {
    return "PHONE:" + callerE164;
  }

  public static String sourceKey(CallEvent call) {
    return "PHONE:" + call.callId() + ":" + call.event();
  }

  public static String fingerprint(CallEvent call) {
    return Fingerprints.of(call.event(), call.caller(), call.operatorId());
  }

  /** Russian for Russian numbers: the text is what an operator reads before calling back. */
  static String language(String callerE164) {
    return callerE164.startsWith("+7") ? "ru" : "en";
  }

  static String text(CallEvent call, String language) {
    boolean ru = language.equals("ru");
    if (call.event().equals(CallEvent.VOICEMAIL)) {
      String transcript = call.recording() == null ? null : call.recording().transcript();
      if (transcript != null && !transcript.isBlank()) {
        return transcript.strip();
      }
      return ru ? "Голосовое сообщение: перезвоните клиенту" : "Voicemail: call the customer back";
    }
    String waited =
        call.waitSeconds() == null
            ? ""
            : ru
                ? " (ждал " + call.waitSeconds() + " с)"
                : " (waited " + call.waitSeconds() + " s)";
    return ru
        ? "Пропущенный звонок" + waited + ": перезвоните клиенту"
        : "Missed call" + waited + ": call the customer back";
  }

  static List<Attachment> attachments(CallEvent call) {
    CallEvent.Recording recording = call.recording();
    if (recording == null || recording.url() == null) {
      return List.of();
    }
    return List.of(
        new Attachment(
            recording.url(),
            recording.contentType() == null ? "audio/mpeg" : recording.contentType(),
            recording.sizeBytes() == null ? 0 : recording.sizeBytes()));
  }

  public static InquiryReceived received(
      CallEvent call,
      String callerE164,
      String customerId,
      Instant receivedAt,
      int maxTextLength,
      RandomGenerator random) {
    String language = language(callerE164);
    TextLimit.Limited text = TextLimit.apply(text(call, language), maxTextLength);
    return new InquiryReceived(
        EventIds.next(),
        EventIds.next().toString(),
        receivedAt,
        InquiryReceived.SCHEMA_VERSION,
        Tickets.next(random),
        Channel.PHONE,
        new Customer(customerId, null, null, callerE164),
        null,
        text.text(),
        language,
        call.callId(),
        false,
        call.event().equals(CallEvent.VOICEMAIL) ? InquiryKind.VOICEMAIL : InquiryKind.MISSED_CALL,
        text.truncated(),
        attachments(call),
        new ReplyAddress(Channel.PHONE, callerE164, null),
        null);
  }

  /** The caller tried again (another missed call or a voicemail) while the inquiry is open. */
  public static CustomerReplied customerReplied(
      CallEvent call, String callerE164, String inquiryId, Instant receivedAt, int maxTextLength) {
    TextLimit.Limited text = TextLimit.apply(text(call, language(callerE164)), maxTextLength);
    return new CustomerReplied(
        EventIds.next(),
        inquiryId,
        receivedAt,
        CustomerReplied.SCHEMA_VERSION,
        Channel.PHONE,
        text.text(),
        text.truncated(),
        attachments(call),
        call.callId(),
        false);
  }

  /** An operator spoke with a caller whose inquiry is open: that is its first response. */
  public static OperatorReplied operatorReplied(
      CallEvent call, String inquiryId, Instant receivedAt) {
    return new OperatorReplied(
        EventIds.next(),
        inquiryId,
        receivedAt,
        OperatorReplied.SCHEMA_VERSION,
        Channel.PHONE,
        call.operatorId(),
        null,
        call.callId());
  }
}
