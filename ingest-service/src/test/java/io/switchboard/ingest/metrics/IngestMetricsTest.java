package io.switchboard.ingest.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.channel.Webhooks;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.PrometheusScrape;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogued ingest series, read from {@code /q/metrics} after real requests. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class IngestMetricsTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @Inject IngestConfig config;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void aChatInquiryCountsOneArrivalAtItsLocalWeekdayAndHour() {
    PrometheusScrape before = scrape();
    String session = "metrics-" + UUID.randomUUID();
    String inquiryId =
        Webhooks.signed(
                "/channels/chat",
                Webhooks.CHAT_SECRET,
                """
                {"sessionId": "%s", "messageId": "m-1", "author": "visitor",
                 "visitor": {"name": "Олег", "email": "oleg.metrics@example.com"},
                 "text": "Где мой заказ?"}
                """
                    .formatted(session))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    InquiryReceived received =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    Arrival arrival = Arrival.of(received.occurredAt(), config.metrics().arrivalsZone());
    Map<String, String> slot =
        Map.of("channel", "CHAT", "weekday", arrival.weekday(), "hour", arrival.hour());

    PrometheusScrape after = scrape();
    assertThat(after.sum("switchboard_ingest_arrivals_total", slot))
        .isEqualTo(before.sum("switchboard_ingest_arrivals_total", slot) + 1);
    Map<String, String> chat = Map.of("channel", "CHAT");
    assertThat(after.sum("switchboard_ingest_inquiries_received_total", chat))
        .isEqualTo(before.sum("switchboard_ingest_inquiries_received_total", chat) + 1);
    assertThat(
            after.sum(
                "switchboard_ingest_messages_received_total",
                Map.of("channel", "CHAT", "type", "switchboard.inquiry.received")))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.buckets("switchboard_ingest_latency_seconds", chat))
        .contains("0.005", "0.1", "30.0", "120.0", "900.0", "3600.0", "+Inf");
  }

  @Test
  void everyChannelStartsAtZero() {
    PrometheusScrape scrape = scrape();
    for (String channel : new String[] {"EMAIL", "WEB_FORM", "CHAT", "PHONE", "TELEGRAM"}) {
      assertThat(
              scrape.has("switchboard_ingest_inquiries_received_total", Map.of("channel", channel)))
          .as(channel)
          .isTrue();
    }
  }

  @Test
  void kafkaClientMetricsIncludingConsumerLagAreExported() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        scrape().samples().stream()
                            .map(PrometheusScrape.Sample::name)
                            .filter(name -> name.startsWith("kafka_")))
                    .contains(
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "kafka_producer_record_send_total"));
  }

  @Test
  void exportsOnlyCataloguedSeriesAndTags() {
    scrape().assertConformsToCatalogue();
  }

  private static PrometheusScrape scrape() {
    return PrometheusScrape.parse(given().get("/q/metrics").then().extract().asString());
  }
}
