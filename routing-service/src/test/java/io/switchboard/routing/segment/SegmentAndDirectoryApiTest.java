package io.switchboard.routing.segment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Priority;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segments feed priority; the directory admin API checks roles and input. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class SegmentAndDirectoryApiTest extends RoutingTestBase {

  @Test
  void keyAccountSegmentRaisesPriorityAndTheRulesAreRecorded() {
    String email = unique("key") + "@example.com";
    given()
        .auth()
        .oauth2(DevTokens.of("lead-1", "supervisor"))
        .contentType(ContentType.JSON)
        .body(Map.of("segment", "key-account"))
        .put("/api/customers/{id}/segment", email)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(DevTokens.of("duty-1", "operator"))
        .contentType(ContentType.JSON)
        .body(Map.of("segment", "regular"))
        .put("/api/customers/{id}/segment", email)
        .then()
        .statusCode(403);

    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .customer("Olga", email, null)
            .text("Checkout", "Оплата не работает", "ru")
            .build();
    kafka.publish(received);
    InquiryPrioritized prioritized =
        kafka.awaitEvent(InquiryPrioritized.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(prioritized.priority()).isEqualTo(Priority.P1);
    assertThat(prioritized.segment()).isEqualTo("key-account");
    assertThat(prioritized.matchedRules())
        .containsExactly("key-account-outage", "outage", "key-account");
    assertThat(prioritized.teamId()).isEqualTo("support");
    InquiryAssigned assigned =
        kafka.awaitEvent(InquiryAssigned.class, e -> e.inquiryId().equals(received.inquiryId()));
    given()
        .auth()
        .oauth2(DevTokens.of(assigned.operatorId(), "operator"))
        .get("/api/inquiries/{id}", received.inquiryId())
        .then()
        .statusCode(200)
        .body("priority", equalTo("P1"))
        .body("matchedRules", hasItem("key-account-outage"));
  }

  @Test
  void directoryIsReadableBySupervisorsAndWritableByAdminsOnly() {
    given()
        .auth()
        .oauth2(DevTokens.of("lead-1", "supervisor"))
        .get("/api/admin/directory")
        .then()
        .statusCode(200)
        .body("operators.id", hasItem("duty-1"))
        .body("teams.id", hasItem("support"));
    given()
        .auth()
        .oauth2(DevTokens.of("duty-1", "operator"))
        .get("/api/admin/directory")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(DevTokens.of("lead-1", "supervisor"))
        .contentType(ContentType.JSON)
        .body(Map.of("team", "support"))
        .put("/api/admin/operators/{id}", "x-1")
        .then()
        .statusCode(403);
  }

  @Test
  void invalidOperatorIsRefusedWithTheReason() {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("team", "support", "schedule", Map.of("timeZone", "Mars/Olympus")))
        .put("/api/admin/operators/{id}", unique("bad"))
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("team", "no-such-team"))
        .put("/api/admin/operators/{id}", unique("lost"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("Unknown team no-such-team"));
  }

  @Test
  void operatorWithShiftsAndSkillsRoundTripsThroughTheApi() {
    String id = unique("split");
    Map<String, Object> body =
        Map.of(
            "team",
            "support",
            "languages",
            java.util.List.of("ru"),
            "channels",
            java.util.List.of("CHAT", "EMAIL"),
            "capacity",
            Map.of("CHAT", 3, "PHONE", 1, "EMAIL", 10),
            "schedule",
            Map.of(
                "timeZone",
                "Europe/Moscow",
                "shifts",
                java.util.List.of(
                    Map.of("days", java.util.List.of("MONDAY"), "start", "09:00", "end", "13:00"),
                    Map.of("days", java.util.List.of("MONDAY"), "start", "22:00", "end", "06:00")),
                "holidays",
                java.util.List.of("2026-12-31")));
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/admin/operators/{id}", id)
        .then()
        .statusCode(200);
    String json =
        given()
            .auth()
            .oauth2(ADMIN)
            .get("/api/admin/directory")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(json).contains(id).contains("Europe/Moscow").contains("2026-12-31");
  }
}
