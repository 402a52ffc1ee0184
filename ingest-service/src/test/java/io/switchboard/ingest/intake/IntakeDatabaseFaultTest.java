package io.switchboard.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client is told when the database fails around the broker's answer, and what the intake row
 * says afterwards. The faults are real: a trigger makes PostgreSQL refuse one row's write.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class IntakeDatabaseFaultTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String databaseUser;

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
  void anAcknowledgedInquiryIs202EvenWhenMarkingItFailsAndTheSweeperFinishesIt() {
    String idempotencyKey = "mark-fails-" + UUID.randomUUID();
    String key = "WEB_FORM:" + idempotencyKey;
    stored.failWhen("fail_mark_published", key, "new.status = 'PUBLISHED'");
    String inquiryId;
    try {
      inquiryId =
          post(idempotencyKey, "Broker has it, database does not")
              .statusCode(202)
              .extract()
              .path("inquiryId");
      assertThat(stored.status(key)).contains(IntakeStatus.PENDING);
    } finally {
      stored.heal("fail_mark_published");
    }
    InquiryReceived first =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));

    stored.age(key, Duration.ofMinutes(5));
    Awaitility.await("the sweeper marks " + key)
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> stored.status(key).filter(IntakeStatus.PUBLISHED::equals).isPresent());

    // The sweeper republished the stored event: the same event id, which consumers deduplicate.
    assertThat(kafka.eventsSoFar(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId)))
        .hasSize(2)
        .allSatisfy(copy -> assertThat(copy).isEqualTo(first));
  }

  @Test
  void aDatabaseLostBetweenClaimAndMarkStillAnswers202AndTheSweeperPublishes() {
    String idempotencyKey = "connection-lost-" + UUID.randomUUID();
    String key = "WEB_FORM:" + idempotencyKey;
    // The claim commits; the connection of the update that would mark the row dies under it.
    stored.dropConnectionWhen("drop_at_mark", key, "new.status = 'PUBLISHED'");
    String inquiryId;
    try {
      inquiryId =
          post(idempotencyKey, "Claimed, published, then the database went away")
              .statusCode(202)
              .extract()
              .path("inquiryId");
      assertThat(stored.status(key)).contains(IntakeStatus.PENDING);
    } finally {
      stored.heal("drop_at_mark");
    }
    InquiryReceived first =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));

    stored.age(key, Duration.ofMinutes(5));
    Awaitility.await("the sweeper publishes and marks " + key)
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> stored.status(key).filter(IntakeStatus.PUBLISHED::equals).isPresent());
    assertThat(kafka.eventsSoFar(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId)))
        .hasSize(2)
        .allSatisfy(copy -> assertThat(copy).isEqualTo(first));

    // The pool recovered from the lost connection: the next inquiry is an ordinary one.
    String next = "after-connection-lost-" + UUID.randomUUID();
    post(next, "And the next one").statusCode(202);
    assertThat(stored.status("WEB_FORM:" + next)).contains(IntakeStatus.PUBLISHED);
  }

  @Test
  void aDatabaseFailureAtTheClaimIs503AndAcceptsNothing() {
    String idempotencyKey = "claim-fails-" + UUID.randomUUID();
    String key = "WEB_FORM:" + idempotencyKey;
    String text = "Nowhere to store me " + idempotencyKey;
    stored.failWhen("fail_claim", key, "tg_op = 'INSERT'");
    try {
      post(idempotencyKey, text)
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", equalTo("5"))
          .body("detail", containsString("could not be stored"));
    } finally {
      stored.heal("fail_claim");
    }
    assertThat(stored.row(key)).isEmpty();

    String inquiryId = post(idempotencyKey, text).statusCode(202).extract().path("inquiryId");
    kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(kafka.eventsSoFar(InquiryReceived.class, e -> text.equals(e.text()))).hasSize(1);
  }

  private static ValidatableResponse post(String idempotencyKey, String text) {
    return given()
        .contentType("application/json")
        .header("X-Api-Key", "local-dev-web-form-key")
        .header("Idempotency-Key", idempotencyKey)
        .body(
            """
            {"name": "Пётр", "email": "db-fault@example.com", "text": "%s"}
            """
                .formatted(text))
        .post("/inquiries")
        .then();
  }
}
