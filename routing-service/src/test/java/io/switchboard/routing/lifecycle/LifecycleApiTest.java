package io.switchboard.routing.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAccepted;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator API, its role checks and the events from ingest, on the real broker and DB. */
@QuarkusTest
@WithTestResource(io.switchboard.testing.SwitchboardTestResource.class)
class LifecycleApiTest extends RoutingTestBase {

  @Test
  void anAnswerRecordedThroughTheApiIsAnOperatorReplyForTheClocks() {
    InquiryReceived received = EventFixtures.inquiryReceived().build();
    InquiryAssigned assigned = publishAndAwaitAssignment(received);
    String path = "/api/inquiries/" + received.inquiryId();
    String assignee = DevTokens.of(assigned.operatorId(), "operator");
    post(assignee, path + "/accept", null).statusCode(200);
    InquiryStatusChanged accepted =
        awaitChange(received, InquiryStatus.ASSIGNED, InquiryStatus.ACCEPTED);
    assertThat(accepted.operatorReplied()).isFalse();

    post(assignee, path + "/replies", null)
        .statusCode(200)
        .body("status", equalTo("WAITING_ON_CUSTOMER"));

    InquiryStatusChanged replied =
        awaitChange(received, InquiryStatus.ACCEPTED, InquiryStatus.WAITING_ON_CUSTOMER);
    assertThat(replied.operatorReplied()).isTrue();
    assertThat(replied.actor()).isEqualTo(assigned.operatorId());
  }

  @Test
  void operatorWorksTheInquiryAndTheCustomerReopensItAfterResolution() {
    InquiryReceived received = EventFixtures.inquiryReceived().build();
    InquiryAssigned assigned = publishAndAwaitAssignment(received);
    String path = "/api/inquiries/" + received.inquiryId();
    String assignee = DevTokens.of(assigned.operatorId(), "operator");

    post(assignee, path + "/accept", null).statusCode(200).body("status", equalTo("ACCEPTED"));
    assertThat(
            kafka
                .awaitEvent(InquiryAccepted.class, e -> e.inquiryId().equals(received.inquiryId()))
                .operatorId())
        .isEqualTo(assigned.operatorId());
    awaitChange(received, InquiryStatus.ASSIGNED, InquiryStatus.ACCEPTED);

    // The operator answers in the mail client: ingest reports it, the inquiry waits on the
    // customer.
    kafka.publish(
        new OperatorReplied(
            EventIds.next(),
            received.inquiryId(),
            Instant.now(),
            OperatorReplied.SCHEMA_VERSION,
            Channel.EMAIL,
            assigned.operatorId(),
            "support@example.com",
            "m-1"));
    assertThat(awaitChange(received, InquiryStatus.ACCEPTED, InquiryStatus.WAITING_ON_CUSTOMER))
        .as("an answer by a channel is marked, so the response clocks stop")
        .extracting(InquiryStatusChanged::operatorReplied)
        .isEqualTo(true);

    post(assignee, path + "/resolve", null).statusCode(200).body("status", equalTo("RESOLVED"));
    post(assignee, path + "/resolve", null)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409))
        .body("detail", notNullValue());

    kafka.publish(customerReplied(received));
    InquiryStatusChanged reopened =
        awaitChange(received, InquiryStatus.RESOLVED, InquiryStatus.REOPENED);
    assertThat(reopened.actor()).isEqualTo("customer");
    given()
        .auth()
        .oauth2(assignee)
        .get(path)
        .then()
        .statusCode(200)
        .body("status", equalTo("REOPENED"))
        .body("operatorId", equalTo(assigned.operatorId()));
  }

  @Test
  void operatorActsOnlyOnTheirOwnInquiriesAndOnlySupervisorsReassign() {
    InquiryReceived received = EventFixtures.inquiryReceived().build();
    InquiryAssigned assigned = publishAndAwaitAssignment(received);
    String path = "/api/inquiries/" + received.inquiryId();
    String other = assigned.operatorId().equals("duty-1") ? "duty-2" : "duty-1";

    given().post(path + "/accept").then().statusCode(401);
    post(DevTokens.of(other, "operator"), path + "/accept", null).statusCode(403);
    post(DevTokens.of(assigned.operatorId(), "operator"), path + "/reassign", null).statusCode(403);
    post(DevTokens.of(assigned.operatorId(), "customer"), path + "/accept", null).statusCode(403);

    post(DevTokens.of("lead-1", "supervisor"), path + "/reassign", null)
        .statusCode(200)
        .body("operatorId", equalTo(other));
    InquiryAssigned reassigned =
        kafka.awaitEvent(
            InquiryAssigned.class,
            e -> e.inquiryId().equals(received.inquiryId()) && e.operatorId().equals(other));
    assertThat(reassigned.teamId()).isEqualTo("support");
    post(DevTokens.of(assigned.operatorId(), "operator"), path + "/accept", null).statusCode(403);
  }

  @Test
  void declinedInquiryGoesToSomebodyElse() {
    InquiryReceived received = EventFixtures.inquiryReceived().build();
    InquiryAssigned assigned = publishAndAwaitAssignment(received);
    post(
            DevTokens.of(assigned.operatorId(), "operator"),
            "/api/inquiries/" + received.inquiryId() + "/decline",
            null)
        .statusCode(200);
    InquiryAssigned next =
        kafka.awaitEvent(
            InquiryAssigned.class,
            e ->
                e.inquiryId().equals(received.inquiryId())
                    && !e.operatorId().equals(assigned.operatorId()));
    assertThat(next.operatorId()).startsWith("duty-");
  }

  @Test
  void returningCustomerGoesBackToTheirOperator() {
    String email = unique("returning") + "@example.com";
    InquiryReceived first = EventFixtures.inquiryReceived().customer("Ivan", email, null).build();
    InquiryAssigned firstAssigned = publishAndAwaitAssignment(first);
    // Load the previous operator more than the other so that least-loaded alone would not pick
    // them.
    for (int i = 0; i < 3; i++) {
      InquiryReceived filler = EventFixtures.inquiryReceived().build();
      InquiryAssigned a = publishAndAwaitAssignment(filler);
      if (!a.operatorId().equals(firstAssigned.operatorId())) {
        post(ADMIN, "/api/inquiries/" + filler.inquiryId() + "/resolve", null).statusCode(200);
      }
    }
    InquiryReceived second =
        EventFixtures.inquiryReceived()
            .customer("Ivan", email, null)
            .channel(Channel.EMAIL)
            .build();
    InquiryAssigned secondAssigned = publishAndAwaitAssignment(second);
    assertThat(secondAssigned.operatorId()).isEqualTo(firstAssigned.operatorId());
    assertThat(secondAssigned.reason()).isEqualTo("returning customer");
  }

  private InquiryStatusChanged awaitChange(
      InquiryReceived received, InquiryStatus previous, InquiryStatus current) {
    return kafka.awaitEvent(
        InquiryStatusChanged.class,
        e ->
            e.inquiryId().equals(received.inquiryId())
                && e.previous() == previous
                && e.current() == current);
  }

  private static CustomerReplied customerReplied(InquiryReceived received) {
    return new CustomerReplied(
        EventIds.next(),
        received.inquiryId(),
        Instant.now(),
        CustomerReplied.SCHEMA_VERSION,
        received.channel(),
        "It broke again",
        false,
        List.of(),
        "reply-" + received.inquiryId(),
        false);
  }
}
