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
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The ledger against a provider that fails, stalls and honours {@code Idempotency-Key}: retries,
 * dead letters, and no second customer message across timeouts, redelivery and restarts.
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
  void afterTheLastAttemptDeliveryFailsToTheDeadLetterTopicWithItsReason() throws Exception {
    String phone = uniquePhone();
    providers().plan(phone, 3, new Plan(503, Duration.ZERO));
    InquiryReceived call = smsInquiry(phone);

    kafka.publish(call);

    DeliveryFailed failed =
        kafka.awaitEvent(DeliveryFailed.class, e -> e.inquiryId().equals(call.inquiryId()));
    assertThat(failed.notificationId()).isEqualTo(call.inquiryId() + ":ack:0");
    assertThat(failed.kind()).isEqualTo(NotificationKind.ACKNOWLEDGEMENT);
    assertThat(failed.medium()).isEqualTo(DeliveryMedium.SMS);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.reason()).contains("HTTP 503").doesNotContain(phone);
    var dead =
        kafka.awaitRecord(
            kafka.topic(Topics.deadLetter(Topics.INQUIRIES_INBOUND, "notification")),
            r -> call.inquiryId().equals(r.key()));
    assertThat(KafkaTestClient.header(dead, "dead-letter-reason"))
        .contains("not delivered after 3 attempt(s)", "HTTP 503");
    assertThat(ledgerStatus(call)).isEqualTo("FAILED");
    assertThat(providers().deliveredContaining(phone)).isEmpty();
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
                "(?s).*switchboard_notification_retries_total\\{medium=\"SMS\"\\} [1-9].*"))
        .body(
            matchesPattern(
                "(?s).*switchboard_messaging_dead_letters_total\\{incoming=\"inquiries-inbound\"\\}"
                    + " [1-9].*"));
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
  void aRestartBetweenSendingAndCommittingSendsNoSecondMessage() throws Exception {
    String phone = uniquePhone();
    InquiryReceived call = smsInquiry(phone);
    kafka.publish(call);
    awaitDelivered(phone);
    awaitStatus(call, "SENT");
    // As if the process died after the gateway took the SMS but before SENT was committed: the
    // row is still PENDING and the broker redelivers the event.
    update(
        "update notification.notification set status = 'PENDING', sent_at = null"
            + " where inquiry_id = ?::uuid",
        call.inquiryId());

    var again = kafka.publish(call);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), again);

    assertThat(providers().requestsContaining(phone))
        .hasSize(2)
        .extracting(ProvidersResource.Request::idempotencyKey)
        .containsOnly(call.inquiryId() + ":ack:0");
    assertThat(providers().deliveredContaining(phone)).hasSize(1);
    assertThat(ledgerStatus(call)).isEqualTo("SENT");
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
  }

  private void awaitStatus(InquiryReceived received, String status) {
    Awaitility.await("ledger status " + status)
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .until(() -> status.equals(ledgerStatus(received)));
  }

  private static InquiryReceived smsInquiry(String phone) {
    return TestInquiries.from(
        Channel.PHONE,
        new Customer(null, "Ivan", null, phone),
        "en",
        new ReplyAddress(Channel.PHONE, phone, null));
  }
}
