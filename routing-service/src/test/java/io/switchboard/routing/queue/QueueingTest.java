package io.switchboard.routing.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryQueued;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.Priority;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queueing and capacity release on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class QueueingTest extends RoutingTestBase {

  @Test
  void queuedInquiriesWaitUntilCapacityFreesAndGoMostUrgentFirst() {
    String team = unique("night");
    String operator = unique("op");
    String token = DevTokens.of(operator, "operator");
    createTeam(team);
    createOperator(operator, team);

    // Nobody present: the first chat waits in the team's queue.
    InquiryReceived first = chat("Question", "How do I change my e-mail?");
    publishAndAwaitAssignment(first);
    transfer(first, team);
    InquiryQueued queued =
        kafka.awaitEvent(InquiryQueued.class, e -> e.inquiryId().equals(first.inquiryId()));
    assertThat(queued.teamId()).isEqualTo(team);
    assertThat(queued.reason()).isEqualTo("nobody present and on shift");

    // The operator comes online: the queue hands the chat out at once.
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("presence", "ONLINE"))
        .put("/api/operators/me/presence")
        .then()
        .statusCode(200);
    InquiryAssigned toOperator =
        kafka.awaitEvent(
            InquiryAssigned.class,
            e -> e.inquiryId().equals(first.inquiryId()) && e.teamId().equals(team));
    assertThat(toOperator.operatorId()).isEqualTo(operator);

    // Their single chat slot is taken: a question, then a money problem, both wait.
    InquiryReceived question = chat("Question", "Where is my invoice?");
    InquiryReceived money = chat("Оплата", "Списали деньги дважды");
    publishAndAwaitAssignment(question);
    publishAndAwaitAssignment(money);
    transfer(question, team);
    transfer(money, team);
    InquiryQueued full =
        kafka.awaitEvent(InquiryQueued.class, e -> e.inquiryId().equals(money.inquiryId()));
    assertThat(full.reason()).isEqualTo("everyone eligible is at capacity on CHAT");
    assertThat(full.priority()).isEqualTo(Priority.P1);
    kafka.awaitEvent(InquiryQueued.class, e -> e.inquiryId().equals(question.inquiryId()));

    // Resolving frees the slot: the money problem goes first although it arrived later.
    post(token, "/api/inquiries/" + first.inquiryId() + "/resolve", null).statusCode(200);
    InquiryAssigned next =
        kafka.awaitEvent(
            InquiryAssigned.class,
            e -> e.inquiryId().equals(money.inquiryId()) && e.teamId().equals(team));
    assertThat(next.operatorId()).isEqualTo(operator);
    InquiryStatusChanged change =
        kafka.awaitEvent(
            InquiryStatusChanged.class,
            e ->
                e.inquiryId().equals(money.inquiryId())
                    && e.current() == InquiryStatus.ASSIGNED
                    && e.previous() == InquiryStatus.QUEUED);
    assertThat(change.actor()).isEqualTo("system");
    assertThat(
            kafka.eventsSoFar(
                InquiryAssigned.class,
                e -> e.inquiryId().equals(question.inquiryId()) && e.teamId().equals(team)))
        .isEmpty();
  }

  private static InquiryReceived chat(String subject, String text) {
    return EventFixtures.inquiryReceived().channel(Channel.CHAT).text(subject, text, "en").build();
  }

  private static void transfer(InquiryReceived inquiry, String team) {
    post(ADMIN, "/api/inquiries/" + inquiry.inquiryId() + "/transfer", Map.of("teamId", team))
        .statusCode(200);
  }
}
