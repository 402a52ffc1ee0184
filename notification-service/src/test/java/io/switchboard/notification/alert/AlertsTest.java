package io.switchboard.notification.alert;

import static io.restassured.RestAssured.given;
import static io.switchboard.notification.ProvidersResource.providers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.AlertSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.contracts.Topics;
import io.switchboard.notification.GreenMailResource;
import io.switchboard.notification.ProvidersResource;
import io.switchboard.notification.QuarkusTestBase;
import io.switchboard.notification.TestInquiries;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Operator and supervisor alerts by each recipient's preferred medium, on the real broker. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(ProvidersResource.class)
class AlertsTest extends QuarkusTestBase {
  private static final String SUPERVISOR = DevTokens.of("sofia", "supervisor");
  private static final String ALWAYS =
      "\"workDays\": [\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\","
          + "\"SUNDAY\"], \"workStart\": \"00:00\", \"workEnd\": \"23:59:59\", \"timeZone\": \"UTC\"";

  @Test
  void anAssignmentAlertsTheOperatorOnTheirSlack() {
    String operator = "op-" + uniqueId();
    String hook = slackRecipient(operator, ALWAYS);
    String inquiryId = UUID.randomUUID().toString();

    kafka.publish(assigned(inquiryId, operator, Priority.P1));

    AlertSent sent = kafka.awaitEvent(AlertSent.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(sent.kind()).isEqualTo(NotificationKind.ASSIGNMENT_ALERT);
    assertThat(sent.medium()).isEqualTo(DeliveryMedium.SLACK);
    assertThat(sent.recipientId()).isEqualTo(operator);
    assertThat(providers().requestsTo(hook))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).contains("is assigned to you", "priority P1"))
        .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo(sent.notificationId()));
  }

  @Test
  void aReassignedInquiryAlertsTheNewOperatorAndARedeliveryAlertsNobodyAgain() {
    String first = "op-" + uniqueId();
    String second = "op-" + uniqueId();
    String firstHook = slackRecipient(first, ALWAYS);
    String secondHook = slackRecipient(second, ALWAYS);
    String inquiryId = UUID.randomUUID().toString();
    InquiryAssigned toFirst = assigned(inquiryId, first, Priority.P2);

    kafka.publish(toFirst);
    kafka.awaitEvent(AlertSent.class, e -> e.inquiryId().equals(inquiryId));
    kafka.publish(assigned(inquiryId, second, Priority.P2));
    kafka.awaitEvent(
        AlertSent.class, e -> e.inquiryId().equals(inquiryId) && e.recipientId().equals(second));
    var redelivery = kafka.publish(toFirst);
    kafka.awaitConsumed(
        "notification-service", kafka.topic(Topics.INQUIRIES_LIFECYCLE), redelivery);

    assertThat(providers().requestsTo(firstHook)).hasSize(1);
    assertThat(providers().requestsTo(secondHook)).hasSize(1);
    assertThat(kafka.eventsSoFar(AlertSent.class, e -> e.inquiryId().equals(inquiryId)))
        .extracting(AlertSent::recipientId)
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void aBreachAlertsTheAssigneeOnTelegramAndLevelThreeTheSupervisorByEmail() throws Exception {
    String supervisor = "sup-" + uniqueId();
    String supervisorEmail = supervisor + "@example.com";
    put(
        supervisor,
        "{\"medium\": \"EMAIL\", \"address\": \"" + supervisorEmail + "\", " + ALWAYS + "}");
    String operator = "op-" + uniqueId();
    String chatId = String.valueOf(Math.abs(operator.hashCode()));
    put(
        operator,
        "{\"medium\": \"TELEGRAM\", \"address\": \""
            + chatId
            + "\", \"supervisorId\": \""
            + supervisor
            + "\", "
            + ALWAYS
            + "}");
    String inquiryId = UUID.randomUUID().toString();

    kafka.publish(
        new SlaBreached(
            EventIds.next(),
            inquiryId,
            Instant.now(),
            1,
            ClockKind.FIRST_RESPONSE,
            Channel.EMAIL,
            Priority.P2,
            Instant.now(),
            operator));
    kafka.publish(escalated(inquiryId, operator, 3));

    assertThat(awaitDelivered("\"" + chatId + "\"").getFirst()).contains("SLA breached");
    MimeMessage mail = awaitMailTo(supervisorEmail);
    assertThat(mail.getSubject()).contains("Escalation level 3");
    assertThat((String) mail.getContent()).contains("assignee " + operator);
    AlertSent escalation =
        kafka.awaitEvent(
            AlertSent.class,
            e -> e.inquiryId().equals(inquiryId) && e.kind() == NotificationKind.ESCALATION_ALERT);
    assertThat(escalation.recipientId()).isEqualTo(supervisor);
    assertThat(escalation.level()).isEqualTo(3);
  }

  @Test
  void anAlertTellsTimesInItsRecipientsOwnZone() {
    String operator = "op-" + uniqueId();
    String hook =
        slackRecipient(
            operator, ALWAYS.replace("\"timeZone\": \"UTC\"", "\"timeZone\": \"Europe/Moscow\""));
    String inquiryId = UUID.randomUUID().toString();
    Instant dueAt = Instant.parse("2026-11-24T09:19:00Z");

    kafka.publish(
        new SlaBreached(
            EventIds.next(),
            inquiryId,
            Instant.now(),
            1,
            ClockKind.FIRST_RESPONSE,
            Channel.EMAIL,
            Priority.P2,
            dueAt,
            operator));

    kafka.awaitEvent(AlertSent.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(providers().requestsTo(hook))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).contains("was due at 12:19 MSK, 24 Nov"));
  }

  @Test
  void aMissedCallAlertsTheDutyOperatorWithTheCallersNumber() {
    String hook = slackRecipient("duty-1", ALWAYS);
    String phone = uniquePhone();
    InquiryReceived call =
        TestInquiries.from(
            Channel.PHONE,
            new Customer(null, "", null, phone),
            "ru",
            new ReplyAddress(Channel.PHONE, phone, null),
            InquiryKind.MISSED_CALL);

    kafka.publish(call);

    AlertSent sent =
        kafka.awaitEvent(
            AlertSent.class,
            e ->
                e.inquiryId().equals(call.inquiryId())
                    && e.kind() == NotificationKind.MISSED_CALL_ALERT);
    assertThat(sent.recipientId()).isEqualTo("duty-1");
    assertThat(providers().requestsTo(hook))
        .filteredOn(r -> r.body().contains(phone))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).contains("Missed call from " + phone, call.ticket()));
  }

  @Test
  void aRoutineAlertWaitsForTheRecipientsWorkingHours() {
    String operator = "op-" + uniqueId();
    String tomorrow = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(1).name();
    String closedToday =
        "\"workDays\": [\""
            + tomorrow
            + "\"], \"workStart\": \"09:00\", \"workEnd\": \"18:00\","
            + " \"timeZone\": \"UTC\"";
    String hook = slackRecipient(operator, closedToday);
    String inquiryId = UUID.randomUUID().toString();

    var written = kafka.publish(assigned(inquiryId, operator, Priority.P4));
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_LIFECYCLE), written);

    assertThat(providers().requestsTo(hook)).isEmpty();
    assertThat(kafka.eventsSoFar(AlertSent.class, e -> e.inquiryId().equals(inquiryId))).isEmpty();

    // The operator starts work (their hours now include this moment): the held alert goes out.
    slackRecipient(operator, ALWAYS);

    AlertSent sent = kafka.awaitEvent(AlertSent.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(sent.kind()).isEqualTo(NotificationKind.ASSIGNMENT_ALERT);
    assertThat(providers().requestsTo(hook)).hasSize(1);
  }

  @Test
  void theRecipientApiValidatesAndFillsInTheServiceDefaults() {
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .contentType("application/json")
        .body("{\"medium\": \"PIGEON\", \"address\": \"x\"}")
        .put("/recipients/op-x")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("medium"));
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .get("/recipients/nobody-" + uniqueId())
        .then()
        .statusCode(404);
    given().get("/recipients/nobody").then().statusCode(401);
    given()
        .auth()
        .oauth2(DevTokens.of("duty-1", "operator"))
        .get("/recipients/nobody")
        .then()
        .statusCode(403);

    String operator = "op-" + uniqueId();
    put(operator, "{\"name\": \"Olga\", \"medium\": \"EMAIL\", \"address\": \"olga@example.com\"}");

    given()
        .auth()
        .oauth2(SUPERVISOR)
        .get("/recipients/" + operator)
        .then()
        .statusCode(200)
        .body("medium", equalTo("EMAIL"))
        .body("timeZone", equalTo("UTC"))
        .body("workStart", equalTo("09:00"))
        .body("workDays", hasItems("MONDAY", "FRIDAY"));
  }

  private static String slackRecipient(String operator, String hours) {
    String path = "/slack/" + operator;
    put(
        operator,
        "{\"medium\": \"SLACK\", \"address\": \""
            + providers().baseUrl()
            + path
            + "\", "
            + hours
            + "}");
    return path;
  }

  private static void put(String operator, String body) {
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .contentType("application/json")
        .body(body)
        .put("/recipients/" + operator)
        .then()
        .statusCode(200);
  }

  private static InquiryAssigned assigned(String inquiryId, String operator, Priority priority) {
    return new InquiryAssigned(
        EventIds.next(), inquiryId, Instant.now(), 1, "billing", operator, priority, "skills");
  }

  private static SlaEscalated escalated(String inquiryId, String operator, int level) {
    return new SlaEscalated(
        EventIds.next(),
        inquiryId,
        Instant.now(),
        1,
        ClockKind.FIRST_RESPONSE,
        Channel.EMAIL,
        Priority.P2,
        level,
        operator,
        "billing");
  }

  private static MimeMessage awaitMailTo(String address) {
    return Awaitility.await("an e-mail to " + address)
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                    .filter(mail -> to(mail).equalsIgnoreCase(address))
                    .toList(),
            (List<MimeMessage> mails) -> !mails.isEmpty())
        .getFirst();
  }

  private static String to(MimeMessage mail) {
    try {
      return ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
