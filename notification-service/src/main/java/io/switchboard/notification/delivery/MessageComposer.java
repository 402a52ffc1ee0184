package io.switchboard.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.template.ExpectedTime;
import io.switchboard.notification.template.Language;
import io.switchboard.notification.template.MessageTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a claimed ledger row into the message to send, at send time: an acknowledgement tells the
 * due time sla-service announced by then, phrased for the moment the customer reads it.
 */
@ApplicationScoped
public class MessageComposer {
  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  private final MessageTemplates templates;
  private final ObjectMapper json;

  public MessageComposer(MessageTemplates templates, ObjectMapper json) {
    this.templates = templates;
    this.json = json;
  }

  public OutgoingMessage compose(ClaimedDelivery row, Instant now) {
    Map<String, Object> data = read(row.data());
    MessageTemplates.Rendered text;
    if (row.template() == null) {
      text =
          new MessageTemplates.Rendered(
              (String) data.get("subject"), String.valueOf(data.get("text")));
    } else {
      Language language = Language.of(row.language());
      if (row.kind() == NotificationKind.ACKNOWLEDGEMENT) {
        data.putAll(promised(row.promise(), now, language));
      }
      text =
          templates.render(
              MessageTemplates.Name.valueOf(row.template())
                  .forMedium(row.medium() == DeliveryMedium.EMAIL),
              language,
              data);
    }
    return new OutgoingMessage(
        row.id(),
        row.kind(),
        row.medium(),
        row.address(),
        text.subject(),
        text.body(),
        row.threadRef(),
        row.ticket());
  }

  /**
   * The acknowledgement's {@code expected} and {@code offHours}: sla-service's due time in the zone
   * of its calendar, or, when it did not come in time, no time at all (the templates then say "as
   * soon as we can") and no claim about working hours.
   */
  static Map<String, Object> promised(
      ClaimedDelivery.Promise promise, Instant now, Language language) {
    if (promise == null) {
      return Map.of("expected", "", "offHours", false);
    }
    return Map.of(
        "expected",
        ExpectedTime.phrase(
            now,
            promise.dueAt(),
            promise.zone() == null ? ZoneOffset.UTC : promise.zone(),
            language),
        "offHours",
        promise.offHours());
  }

  private Map<String, Object> read(String data) {
    try {
      return data == null ? new HashMap<>() : new HashMap<>(json.readValue(data, DATA));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable message data", e);
    }
  }
}
