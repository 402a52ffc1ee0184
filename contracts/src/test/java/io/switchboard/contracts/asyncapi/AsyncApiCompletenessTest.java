package io.switchboard.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The completeness check sees each kind of gap (the document itself: AsyncApiContractTest). */
class AsyncApiCompletenessTest {
  private static final Set<String> EVENT_HEADERS =
      CloudEvents.headers(
              new InquiryStatusChanged(
                  EventIds.next(),
                  UUID.randomUUID().toString(),
                  Instant.now(),
                  InquiryStatusChanged.SCHEMA_VERSION,
                  InquiryStatus.NEW,
                  InquiryStatus.ASSIGNED,
                  "duty-1",
                  null,
                  false),
              "/test")
          .keySet();

  @Test
  void theUndamagedDocumentHasNoGaps() {
    assertThat(problemsOf(AsyncApiDocument.load().root())).isEmpty();
  }

  @Test
  void aMessageWithoutHeadersIsReported() {
    assertThat(problemsAfter(d -> message(d, "inquiryReceived").remove("headers")))
        .anyMatch(p -> p.contains("inquiryReceived") && p.contains("lacks headers"));
  }

  @Test
  void aMessageWithoutKeyIsReported() {
    assertThat(problemsAfter(d -> message(d, "slaBreached").remove("bindings")))
        .anyMatch(p -> p.contains("slaBreached") && p.contains("no Kafka key"));
  }

  @Test
  void aMessageWithoutPayloadIsReported() {
    assertThat(problemsAfter(d -> message(d, "csatReceived").remove("payload")))
        .anyMatch(p -> p.contains("csatReceived") && p.contains("no payload"));
  }

  @Test
  void aTopicWithoutProducerIsReported() {
    assertThat(problemsAfter(d -> ((ObjectNode) d.path("operations")).remove("slaPublishes")))
        .anyMatch(p -> p.contains("sla.events") && p.contains("no producer"));
  }

  @Test
  void aDeadLetterChannelLackingItsHeadersIsReported() {
    assertThat(
            problemsAfter(
                d ->
                    ((ObjectNode) d.at("/components/schemas/deadLetterHeaders/properties"))
                        .remove("dead-letter-offset")))
        .anyMatch(
            p -> p.contains("inquiries.inbound.routing.dlq") && p.contains("dead-letter-offset"));
  }

  @Test
  void aConsumerWithoutDeadLetterChannelIsReported() {
    assertThat(problemsAfter(d -> ((ObjectNode) d.path("channels")).remove("slaDeadLetters")))
        .anyMatch(p -> p.contains("slaConsumesInbound") && p.contains("inquiries.inbound.sla.dlq"));
  }

  private static ObjectNode message(JsonNode doc, String key) {
    return (ObjectNode) doc.path("components").path("messages").path(key);
  }

  private static List<String> problemsAfter(Consumer<JsonNode> damage) {
    JsonNode copy = AsyncApiDocument.load().root().deepCopy();
    damage.accept(copy);
    return problemsOf(copy);
  }

  private static List<String> problemsOf(JsonNode root) {
    return new AsyncApiCompleteness(AsyncApiDocument.of(root), EVENT_HEADERS).problems();
  }
}
