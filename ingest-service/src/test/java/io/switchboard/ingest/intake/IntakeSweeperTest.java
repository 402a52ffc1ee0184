package io.switchboard.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Topics;
import io.switchboard.ingest.channel.webform.WebFormNormalizer;
import io.switchboard.ingest.channel.webform.WebFormRequest;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.PrometheusScrape;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The intake sweeper on the real broker and database. Rows are written as a crashed or refused
 * request leaves them and aged past the grace period (30s) instead of waiting it out.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class IntakeSweeperTest {
  private static final Duration PAST_GRACE = Duration.ofMinutes(5);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String databaseUser;

  @Inject IntakeSweeper sweeper;

  private KafkaTestClient kafka;
  private StoredIntake stored;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
    stored = new StoredIntake(jdbcUrl, databaseUser);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void aRowLeftPendingByACrashIsPublishedOnceWithItsOriginalEventIdAndMarkedPublished()
      throws Throwable {
    InquiryReceived event = inquiry("crashed before answering");
    String key = "WEB_FORM:crashed-" + event.inquiryId();
    stored.insert(key, IntakeStatus.PENDING, PAST_GRACE, event, "hash");

    awaitStatus(key, IntakeStatus.PUBLISHED);
    var record =
        kafka.awaitRecord(
            kafka.topic(Topics.INQUIRIES_INBOUND),
            r -> event.eventId().toString().equals(KafkaTestClient.header(r, CloudEvents.ID)));
    assertThat(record.key()).isEqualTo(event.inquiryId());
    assertThat(KafkaTestClient.header(record, CloudEvents.TYPE))
        .isEqualTo("switchboard.inquiry.received");

    // A round that starts after the mark must find nothing of it left to publish.
    sweepOnce();
    assertThat(kafka.eventsSoFar(InquiryReceived.class, e -> e.eventId().equals(event.eventId())))
        .containsExactly(event);
  }

  @Test
  void aPendingRowInsideItsGracePeriodIsLeftToTheRequestStillPublishingIt() throws Throwable {
    InquiryReceived event = inquiry("request still waiting for the broker");
    String key = "WEB_FORM:in-flight-" + event.inquiryId();
    stored.insert(key, IntakeStatus.PENDING, Duration.ofSeconds(1), event, "hash");

    sweepOnce();

    assertThat(stored.status(key)).contains(IntakeStatus.PENDING);
    assertThat(kafka.eventsSoFar(InquiryReceived.class, e -> e.eventId().equals(event.eventId())))
        .isEmpty();
  }

  @Test
  void aRefusedRowIsNeverSweptAndARetryWithItsKeyPublishesTheStoredInquiry() throws Throwable {
    String idempotencyKey = "refused-" + UUID.randomUUID();
    String key = "WEB_FORM:" + idempotencyKey;
    WebFormRequest form =
        new WebFormRequest(
            null,
            "Анна",
            "refused@example.com",
            null,
            "Оплата",
            "Told 503 " + idempotencyKey,
            null);
    InquiryReceived refused =
        WebFormNormalizer.toEvent(
            form,
            new Customer(UUID.randomUUID().toString(), "Анна", "refused@example.com", null),
            key,
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            20_000,
            new SecureRandom());
    // As BrokerDownTest shows a refusal leaves it: past the grace period, within the retention.
    stored.insert(
        key, IntakeStatus.REFUSED, PAST_GRACE, refused, WebFormNormalizer.fingerprint(form));

    sweepOnce();
    assertThat(stored.status(key)).contains(IntakeStatus.REFUSED);
    assertThat(kafka.eventsSoFar(InquiryReceived.class, e -> e.eventId().equals(refused.eventId())))
        .isEmpty();

    double receivedBefore = received();
    String inquiryId =
        given()
            .contentType("application/json")
            .header("X-Api-Key", "local-dev-web-form-key")
            .header("Idempotency-Key", idempotencyKey)
            .body(
                """
                {"name": "Анна", "email": "refused@example.com", "subject": "Оплата",
                 "text": "Told 503 %s"}
                """
                    .formatted(idempotencyKey))
            .post("/inquiries")
            .then()
            .statusCode(202)
            .extract()
            .path("inquiryId");

    assertThat(inquiryId).isEqualTo(refused.inquiryId());
    InquiryReceived published =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(published).isEqualTo(refused);
    assertThat(stored.status(key)).contains(IntakeStatus.PUBLISHED);
    // Its first attempt was counted as rejected, so this is the inquiry's first arrival.
    assertThat(received()).isEqualTo(receivedBefore + 1);
  }

  @Test
  void twoSweepersRacingPublishEachRowOnce() throws Exception {
    // Three rounds' worth (100 each): the periodic sweeper and both rounds here all find rows, and
    // each must skip the ones another holds.
    String prefix = "WEB_FORM:raced-" + UUID.randomUUID() + "-";
    Map<String, InquiryReceived> events = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      InquiryReceived event = inquiry("raced " + prefix + i);
      events.put(prefix + i, event);
    }
    stored.insertAll(events, IntakeStatus.PENDING, Duration.ZERO, "hash");
    CyclicBarrier together = new CyclicBarrier(3);
    List<CompletableFuture<SweepTally>> rounds =
        List.of(1, 2).stream()
            .map(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            together.await();
                            return VertxContextSupport.subscribeAndAwait(sweeper::sweep);
                          } catch (Throwable e) {
                            throw new IllegalStateException(e);
                          }
                        }))
            .toList();
    stored.ageAll(prefix, PAST_GRACE);
    together.await();
    int publishedByBoth = rounds.get(0).get().published() + rounds.get(1).get().published();

    events.keySet().forEach(key -> awaitStatus(key, IntakeStatus.PUBLISHED));
    Map<UUID, Long> copies =
        kafka
            .eventsSoFar(
                InquiryReceived.class,
                e -> e.text() != null && e.text().startsWith("raced " + prefix))
            .stream()
            .collect(Collectors.groupingBy(InquiryReceived::eventId, Collectors.counting()));
    assertThat(copies).hasSize(events.size());
    assertThat(copies.values()).containsOnly(1L);
    // Both rounds took part, and no row was published by both.
    assertThat(publishedByBoth).isBetween(1, events.size());
  }

  @Test
  void refusedRowsExpireAfterTheRetentionAndNotBefore() throws Throwable {
    double expiredBefore = swept("expired");
    InquiryReceived old = inquiry("refused long ago");
    String oldKey = "WEB_FORM:expired-" + old.inquiryId();
    stored.insert(oldKey, IntakeStatus.REFUSED, Duration.ofDays(8), old, "hash");
    InquiryReceived recent = inquiry("refused yesterday");
    String recentKey = "WEB_FORM:kept-" + recent.inquiryId();
    stored.insert(recentKey, IntakeStatus.REFUSED, Duration.ofDays(1), recent, "hash");

    Awaitility.await("the expired row deleted")
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> stored.row(oldKey).isEmpty());
    sweepOnce();

    assertThat(stored.status(recentKey)).contains(IntakeStatus.REFUSED);
    assertThat(swept("expired")).isGreaterThanOrEqualTo(expiredBefore + 1);
    assertThat(
            kafka.eventsSoFar(
                InquiryReceived.class,
                e -> e.eventId().equals(old.eventId()) || e.eventId().equals(recent.eventId())))
        .isEmpty();
  }

  private void sweepOnce() throws Throwable {
    VertxContextSupport.subscribeAndAwait(sweeper::sweep);
  }

  private void awaitStatus(String key, IntakeStatus status) {
    Awaitility.await(key + " " + status)
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> stored.status(key).filter(status::equals).isPresent());
  }

  private static InquiryReceived inquiry(String text) {
    return EventFixtures.inquiryReceived().text("Sweeper", text, "en").build();
  }

  private static double received() {
    return scrape()
        .sum("switchboard_ingest_inquiries_received_total", Map.of("channel", "WEB_FORM"));
  }

  static double swept(String outcome) {
    return scrape().sum("switchboard_ingest_intake_swept_total", Map.of("outcome", outcome));
  }

  private static PrometheusScrape scrape() {
    return PrometheusScrape.parse(given().get("/q/metrics").then().extract().asString());
  }
}
