package io.switchboard.routing.forwarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryForwarded;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Accepted but unanswered chats move on after a one-second answer timeout (e-mails five seconds);
 * the accept timeout is an hour so that only the answer timeout can forward here.
 */
@QuarkusTest
@TestProfile(AnswerTimeoutTest.ShortAnswerTimeout.class)
@WithTestResource(SwitchboardTestResource.class)
class AnswerTimeoutTest extends RoutingTestBase {

  public static class ShortAnswerTimeout implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "switchboard.routing.directory-file", "src/test/resources/forwarding-directory.yaml",
          "switchboard.routing.default-team", "fwd",
          "switchboard.routing.forwarding.accept-timeout.CHAT", "1h",
          "switchboard.routing.forwarding.answer-timeout.CHAT", "1s",
          // Room for the operator-replied event to cross the broker before the time is up.
          "switchboard.routing.forwarding.answer-timeout.EMAIL", "5s",
          "switchboard.routing.forwarding.check-interval", "1s");
    }
  }

  @Test
  void acceptedChatWithoutReplyMovesToTheNextOperator() {
    InquiryReceived received = chat();
    InquiryAssigned first = publishAndAwaitAssignment(received);
    accept(received, first.operatorId());

    InquiryForwarded forwarded = awaitForward(received, 1);
    assertThat(forwarded.fromOperatorId()).isEqualTo(first.operatorId());
    assertThat(forwarded.toOperatorId()).isNotEqualTo(first.operatorId()).startsWith("fwd-");
    assertThat(forwarded.toSupervisor()).isFalse();
    assertThat(forwarded.reason()).isEqualTo("NOT_ANSWERED: no reply within PT1S");
    // The new operator has to accept it first: it waits as assigned, not as accepted.
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/inquiries/{id}", received.inquiryId())
        .then()
        .statusCode(200)
        .body("status", equalTo("ASSIGNED"))
        .body("operatorId", equalTo(forwarded.toOperatorId()));
    assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
        .containsPattern(
            "switchboard_routing_reassignments_total\\{[^}]*reason=\"NOT_ANSWERED\"[^}]*\\} [1-9]");
  }

  @Test
  void aReplyThroughTheApiOrFromIngestStopsTheAnswerTimeout() {
    InquiryReceived viaApi = email();
    InquiryReceived viaIngest = email();
    InquiryReceived unanswered = email();
    String apiOperator = publishAndAwaitAssignment(viaApi).operatorId();
    String ingestOperator = publishAndAwaitAssignment(viaIngest).operatorId();
    String unansweredOperator = publishAndAwaitAssignment(unanswered).operatorId();

    accept(viaApi, apiOperator);
    post(DevTokens.of(apiOperator, "operator"), path(viaApi) + "/replies", null)
        .statusCode(200)
        .body("status", equalTo("WAITING_ON_CUSTOMER"));
    accept(viaIngest, ingestOperator);
    kafka.publish(
        new OperatorReplied(
            EventIds.next(),
            viaIngest.inquiryId(),
            Instant.now(),
            OperatorReplied.SCHEMA_VERSION,
            Channel.EMAIL,
            ingestOperator,
            "support@example.com",
            "mail-reply-1"));
    awaitStatus(viaIngest, "WAITING_ON_CUSTOMER");
    // Accepted last: once its answer timeout has forwarded it, the other two were due as well.
    accept(unanswered, unansweredOperator);

    awaitForward(unanswered, 1);
    assertThat(
            kafka.eventsSoFar(
                InquiryForwarded.class,
                e ->
                    e.inquiryId().equals(viaApi.inquiryId())
                        || e.inquiryId().equals(viaIngest.inquiryId())))
        .isEmpty();
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/inquiries/{id}", viaIngest.inquiryId())
        .then()
        .body("status", equalTo("WAITING_ON_CUSTOMER"))
        .body("operatorId", equalTo(ingestOperator));
  }

  private static void awaitStatus(InquiryReceived received, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(ADMIN)
                    .get("/api/inquiries/{id}", received.inquiryId())
                    .then()
                    .body("status", equalTo(status)));
  }

  @Test
  void afterTheLastLevelAnUnansweredChatGoesToTheSupervisor() {
    InquiryReceived received = chat();
    String operator = publishAndAwaitAssignment(received).operatorId();
    accept(received, operator);
    // levels = 2: two operator forwards, each accepted and left unanswered, then the supervisor.
    for (int level = 1; level <= 2; level++) {
      InquiryForwarded forwarded = awaitForward(received, level);
      assertThat(forwarded.toSupervisor()).isFalse();
      operator = forwarded.toOperatorId();
      accept(received, operator);
    }
    InquiryForwarded supervisor = awaitForward(received, 3);
    assertThat(supervisor.fromOperatorId()).isEqualTo(operator);
    assertThat(supervisor.toOperatorId()).isEqualTo("fwd-lead");
    assertThat(supervisor.toSupervisor()).isTrue();
    assertThat(supervisor.reason()).startsWith("NOT_ANSWERED:");
  }

  private static InquiryReceived chat() {
    return EventFixtures.inquiryReceived().channel(Channel.CHAT).build();
  }

  private static InquiryReceived email() {
    return EventFixtures.inquiryReceived().channel(Channel.EMAIL).build();
  }

  private static String path(InquiryReceived received) {
    return "/api/inquiries/" + received.inquiryId();
  }

  private static void accept(InquiryReceived received, String operatorId) {
    post(DevTokens.of(operatorId, "operator"), path(received) + "/accept", null)
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"));
  }

  private InquiryForwarded awaitForward(InquiryReceived received, int level) {
    return kafka.awaitEvent(
        InquiryForwarded.class,
        e -> e.inquiryId().equals(received.inquiryId()) && e.level() == level);
  }
}
