package io.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  @Test
  void everyEventSurvivesARoundTrip() {
    for (InquiryEvent event : SampleEvents.all()) {
      String json = EventCodec.encode(event);
      assertThat(EventCodec.decode(EventType.of(event).ceType(), json)).isEqualTo(event);
    }
  }

  @Test
  void instantsAreWrittenAsIsoStrings() {
    String json = EventCodec.encode(SampleEvents.all().getFirst());
    assertThat(json).contains("\"occurredAt\":\"2026-11-23T09:15:30.123Z\"");
  }

  @Test
  void unknownFieldsAreIgnoredSoProducersCanAddOptionalOnes() {
    String json =
        EventCodec.encode(SampleEvents.all().get(1)).replaceFirst("\\{", "{\"addedLater\":7,");
    assertThat(EventCodec.decode("switchboard.inquiry.assigned", json))
        .isEqualTo(SampleEvents.all().get(1));
  }

  @Test
  void unknownTypeAndBrokenPayloadAreMalformed() {
    assertThatThrownBy(() -> EventCodec.decode("switchboard.nope", "{}"))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("unknown event type");
    assertThatThrownBy(() -> EventCodec.decode("switchboard.inquiry.assigned", "{not json"))
        .isInstanceOf(EventCodec.MalformedEventException.class);
    assertThatThrownBy(() -> EventCodec.decode("switchboard.inquiry.assigned", "{}"))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("lacks");
  }

  @Test
  void aSchemaVersionNewerThanTheRecordIsMalformed() {
    InquiryEvent assigned = SampleEvents.all().get(1);
    String json =
        EventCodec.encode(assigned)
            .replace(
                "\"schemaVersion\":" + assigned.schemaVersion(),
                "\"schemaVersion\":" + (assigned.schemaVersion() + 1));
    assertThatThrownBy(() -> EventCodec.decode("switchboard.inquiry.assigned", json))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("newer");
  }

  @Test
  void cloudEventHeadersNameTheEvent() {
    InquiryEvent event = SampleEvents.all().getFirst();
    var headers = CloudEvents.headers(event, "/ingest-service");
    assertThat(headers)
        .containsEntry(CloudEvents.ID, event.eventId().toString())
        .containsEntry(CloudEvents.TYPE, "switchboard.inquiry.received")
        .containsEntry(CloudEvents.SOURCE, "/ingest-service")
        .containsEntry(CloudEvents.SUBJECT, SampleEvents.INQUIRY_ID)
        .containsEntry(CloudEvents.TIME, "2026-11-23T09:15:30.123Z")
        .containsEntry(CloudEvents.SPEC_VERSION, "1.0");
  }

  @Test
  void eventIdsAreVersion7AndTimeOrdered() {
    UUID first = EventIds.next();
    UUID later = first;
    for (int i = 0; i < 1000; i++) {
      later = EventIds.next();
    }
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(later.getMostSignificantBits() >>> 16)
        .isGreaterThanOrEqualTo(first.getMostSignificantBits() >>> 16);
  }
}
