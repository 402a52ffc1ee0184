package io.switchboard.notification.delivery;

import static io.restassured.RestAssured.given;
import static io.switchboard.notification.ProvidersResource.providers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryFailed;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.contracts.Topics;
import io.switchboard.notification.GreenMailResource;
import io.switchboard.notification.ProvidersResource;
import io.switchboard.notification.ProvidersResource.Plan;
import io.switchboard.notification.QuarkusTestBase;
import io.switchboard.notification.TestInquiries;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The ledger as a delivery queue, against a provider that fails, stalls, goes down and honours
 * {@code Idempotency-Key}: durable retries, the maximum age, no second customer message across
 * timeouts, redelivery and a crash, and a consumer that keeps committing while a provider is down.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(ProvidersResource.class)
class DeliveryLedgerTest extends QuarkusTestBase {

  @Test
  void failedAttemptsAreRetriedWithTheSameIdempotencyKey() throws Exception {
    String phone = uniquePhone();
    providers().plan(phone, 2, new Plan(503, Duration.ZERO));
    InquiryReceived call = smsInquiry(phone);

    kafka.publish(call);

    kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(call.inquiryId()));
    assertThat(providers().requestsContaining(phone))
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.idempotencyKey()).isEqualTo(call.inquiryId() + ":ack:0"));
    assertThat(providers().deliveredContaining(phone)).hasSize(1);
    assertThat(ledgerStatus(call)).isEqualTo("SENT");
  }

  @Test
  void aProviderDownForAWhileGetsItsBacklogOnceWhileTheConsumerCommitsAndOtherMediaFlow()
      throws Exception {
    List<String> phones = new ArrayList<>();
    List<InquiryReceived> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      phones.add(uniquePhone());
      calls.add(smsInquiry(phones.getLast()));
    }
    String email = "during-outage." + uniqueId() + "@example.com";
    InquiryReceived mail = EventFixtures.inquiryReceived().customer("Anna", email, null).build();
    providers().down("/sms/", true);
    try {
      RecordMetadata last = null;
      for (InquiryReceived call : calls) {
        last = kafka.publish(call);
      }
      kafka.publish(mail);

      // The consumer commits past every inquiry although none of them could be acknowledged.
      kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), last);
      // E-mail keeps flowing while the SMS gateway is down.
      kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(mail.inquiryId()));
      Awaitility.await("every SMS tried and failed once")
          .atMost(KafkaTestClient.DEFAULT_WAIT)
          .until(() -> failedSoFar(calls) == calls.size());
      assertThat(providers().deliveredContaining(phones.getFirst())).isEmpty();
    } finally {
      providers().down("/sms/", false);
    }

    for (InquiryReceived call : calls) {
      kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(call.inquiryId()));
    }
    for (int i = 0; i < calls.size(); i++) {
      String phone = phones.get(i);
      InquiryReceived call = calls.get(i);
      assertThat(providers().deliveredContaining(phone)).as(phone).hasSize(1);
      assertThat(ledgerStatus(call)).isEqualTo("SENT");
      assertThat(
              kafka.eventsSoFar(
                  AcknowledgementSent.class, e -> e.inquiryId().equals(call.inquiryId())))
          .hasSize(1);
    }
    assertThat(
            kafka.recordsSoFar(
                kafka.topic(Topics.deadLetter(Topics.INQUIRIES_INBOUND, "notification"))))
        .noneMatch(r -> calls.stream().anyMatch(c -> c.inquiryId().equals(r.key())));
  }

  @Test
  void atTheMaximumAgeTheMessageIsGivenUpWithItsReason() throws Exception {
    String phone = uniquePhone();
    // Failing for longer than the tests' maximum age of 10 s.
    providers().plan(phone, 500, new Plan(503, Duration.ZERO));
    InquiryReceived call = smsInquiry(phone);

    kafka.publish(call);

    DeliveryFailed failed =
        kafka.awaitEvent(DeliveryFailed.class, e -> e.inquiryId().equals(call.inquiryId()));
    assertThat(failed.notificationId()).isEqualTo(call.inquiryId() + ":ack:0");
    assertThat(failed.kind()).isEqualTo(NotificationKind.ACKNOWLEDGEMENT);
    assertThat(failed.medium()).isEqualTo(DeliveryMedium.SMS);
    assertThat(failed.attempts()).isGreaterThan(1);
    assertThat(failed.reason()).contains("HTTP 503").doesNotContain(phone);
    assertThat(ledgerStatus(call)).isEqualTo("FAILED");
    assertThat(providers().deliveredContaining(phone)).isEmpty();
    assertThat(kafka.eventsSoFar(DeliveryFailed.class, e -> e.inquiryId().equals(call.inquiryId())))
        .hasSize(1);
    // Nothing of it is a dead letter: the event itself was fine.
    assertThat(
            kafka.recordsSoFar(
                kafka.topic(Topics.deadLetter(Topics.INQUIRIES_INBOUND, "notification"))))
        .noneMatch(r -> call.inquiryId().equals(r.key()));
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            matchesPattern(
                "(?s).*switchboard_notification_failed_total\\{kind=\"ACKNOWLEDGEMENT\",medium=\"SMS\"\\}"
                    + " [1-9].*"))
        .body(
            matchesPattern(
                "(?s).*switchboard_notification_retries_total\\{medium=\"SMS\"\\} [1-9].*"));
  }

  @Test
  void aRejectionIsNotRetried() throws Exception {
    String phone = uniquePhone();
    providers().plan(phone, 1, new Plan(400, Duration.ZERO));
    InquiryReceived call = smsInquiry(phone);

    kafka.publish(call);

    DeliveryFailed failed =
        kafka.awaitEvent(DeliveryFailed.class, e -> e.inquiryId().equals(call.inquiryId()));
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.reason()).contains("HTTP 400");
    assertThat(providers().requestsContaining(phone)).hasSize(1);
  }

  @Test
  void aProviderTimeoutSendsNoSecondMessage() throws Exception {
    String phone = uniquePhone();
    // Taken, but answered only after the service's 1 s timeout: the retry must not deliver again.
    providers().plan(phone, 1, new Plan(200, Duration.ofMillis(2500)));
    InquiryReceived call = smsInquiry(phone);

    kafka.publish(call);

    kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(call.inquiryId()));
    assertThat(providers().requestsContaining(phone)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(providers().deliveredContaining(phone)).hasSize(1);
    assertThat(ledgerStatus(call)).isEqualTo("SENT");
  }

  @Test
  void aCrashBetweenSendingAndRecordingSendsAgainAfterTheLeaseUnderTheSameKey() throws Exception {
    // The row as an instance leaves it when it dies after the gateway took the SMS and before it
    // recorded SENT: still PENDING, claimed, its lease running out in a second.
    String phone = uniquePhone();
    String inquiryId = UUID.randomUUID().toString();
    String id = inquiryId + ":ack:0";
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var insert =
            connection.prepareStatement(
                "insert into notification.notification (id, inquiry_id, kind, level, medium,"
                    + " recipient, recipient_key, address, ticket, template, language, data,"
                    + " status, created_at, due_at, next_attempt_at, attempts, claim_id)"
                    + " values (?, ?::uuid, 'ACKNOWLEDGEMENT', 0, 'SMS', ?, ?, ?, 'SB-CRASH1',"
                    + " 'ACKNOWLEDGEMENT', 'en',"
                    + " '{\"name\":\"Ivan\",\"ticket\":\"SB-CRASH1\",\"channel\":\"PHONE\"}',"
                    + " 'PENDING', now(), now(), now() + interval '1 second', 1,"
                    + " gen_random_uuid())")) {
      insert.setString(1, id);
      insert.setString(2, inquiryId);
      insert.setString(3, Addresses.masked(DeliveryMedium.SMS, phone));
      insert.setString(4, NotificationIds.recipientKey(phone));
      insert.setString(5, phone);
      insert.executeUpdate();
    }
    providers().deliveredBefore(id, "{\"to\":\"" + phone + "\",\"text\":\"SB-CRASH1\"}");

    AcknowledgementSent sent =
        kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(inquiryId));

    assertThat(sent.notificationId()).isEqualTo(id);
    assertThat(providers().requestsContaining(phone))
        .singleElement()
        .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo(id));
    assertThat(providers().deliveredContaining(phone)).hasSize(1);
    assertThat(query("select status from notification.notification where id = ?", id))
        .isEqualTo("SENT");
    assertThat(kafka.eventsSoFar(AcknowledgementSent.class, e -> e.inquiryId().equals(inquiryId)))
        .hasSize(1);
  }

  @Test
  void aRedeliveredEventOfASentNotificationDoesNotCallTheProvider() throws Exception {
    String phone = uniquePhone();
    InquiryReceived call = smsInquiry(phone);
    kafka.publish(call);
    kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(call.inquiryId()));

    var again = kafka.publish(call);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), again);

    assertThat(providers().requestsContaining(phone)).hasSize(1);
    assertThat(
            kafka.eventsSoFar(
                AcknowledgementSent.class, e -> e.inquiryId().equals(call.inquiryId())))
        .hasSize(1);
    assertThat(
            query(
                "select count(*)::text from notification.notification where inquiry_id = ?::uuid",
                call.inquiryId()))
        .isEqualTo("1");
  }

  private long failedSoFar(List<InquiryReceived> calls) throws Exception {
    String ids = String.join(",", calls.stream().map(InquiryReceived::inquiryId).toList());
    String count =
        query(
            "select count(*)::text from notification.notification where status = 'PENDING'"
                + " and failure is not null and inquiry_id::text = any(string_to_array(?, ','))",
            ids);
    return Long.parseLong(count);
  }

  private static InquiryReceived smsInquiry(String phone) {
    return TestInquiries.from(
        Channel.PHONE,
        new Customer(null, "Ivan", null, phone),
        "en",
        new ReplyAddress(Channel.PHONE, phone, null));
  }
}
