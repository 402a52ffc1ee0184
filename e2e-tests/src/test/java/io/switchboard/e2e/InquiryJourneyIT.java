package io.switchboard.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Topics;
import io.switchboard.devstack.SwitchboardService;
import io.switchboard.testing.KafkaTestClient;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One inquiry, posted over HTTP, travels through all four services as separate processes. */
class InquiryJourneyIT {
  private static RunningSystem system;

  @BeforeAll
  static void start() {
    system = new RunningSystem();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void postedInquiryIsAssignedTimedAndAcknowledgedOnceEvenWhenRedelivered() throws Exception {
    String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    var accepted =
        given()
            .baseUri(system.url(SwitchboardService.INGEST))
            .contentType("application/json")
            .header("X-Api-Key", "local-dev-web-form-key")
            .body(
                """
                {"name": "Анна Петрова", "email": "%s", "subject": "Не работает оплата",
                 "text": "Списали деньги, а заказ не оформлен"}
                """
                    .formatted(email))
            .post("/inquiries")
            .then()
            .statusCode(202)
            .extract();
    String inquiryId = accepted.path("inquiryId");
    String ticket = accepted.path("ticket");
    KafkaTestClient kafka = system.kafka;

    InquiryAssigned assigned =
        kafka.awaitEvent(InquiryAssigned.class, e -> e.inquiryId().equals(inquiryId));
    ClockStarted clock = kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(inquiryId));
    AcknowledgementSent ack =
        kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(inquiryId));
    MimeMessage mail = awaitMailTo(email);

    assertThat(assigned.operatorId()).isNotBlank();
    assertThat(clock.clock()).isEqualTo(ClockKind.FIRST_RESPONSE);
    assertThat(clock.dueAt()).isAfter(clock.startedAt());
    assertThat(ack.recipient()).doesNotContain(email).endsWith("@example.com");
    assertThat(mail.getSubject()).contains(ticket);
    assertThat(mail.getContent().toString()).contains("Анна");

    redeliver(inquiryId);

    assertThat(mailsTo(email)).isEqualTo(1);
    assertThat(kafka.eventsSoFar(AcknowledgementSent.class, e -> e.inquiryId().equals(inquiryId)))
        .hasSize(1);
    assertThat(kafka.eventsSoFar(InquiryAssigned.class, e -> e.inquiryId().equals(inquiryId)))
        .hasSize(1);
    assertThat(kafka.eventsSoFar(ClockStarted.class, e -> e.inquiryId().equals(inquiryId)))
        .hasSize(1);
  }

  /** Publishes the very same record again, as a broker redelivery would, and waits for all. */
  private static void redeliver(String inquiryId) {
    KafkaTestClient kafka = system.kafka;
    String topic = kafka.topic(Topics.INQUIRIES_INBOUND);
    var original = kafka.awaitRecord(topic, r -> inquiryId.equals(r.key()));
    Map<String, String> headers = new HashMap<>();
    original
        .headers()
        .forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    var again = kafka.publishRaw(topic, original.key(), original.value(), headers);
    assertThat(kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId)))
        .isNotNull();
    for (String group : new String[] {"routing-service", "sla-service", "notification-service"}) {
      kafka.awaitConsumed(group, topic, again);
    }
  }

  private static MimeMessage awaitMailTo(String email) {
    return Awaitility.await("acknowledgement e-mail to " + email)
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Arrays.stream(system.mail.getReceivedMessages())
                    .filter(m -> isTo(m, email))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static long mailsTo(String email) {
    return Arrays.stream(system.mail.getReceivedMessages()).filter(m -> isTo(m, email)).count();
  }

  private static boolean isTo(MimeMessage message, String email) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().contains(email));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
