package io.switchboard.routing.teamrule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Team and topic rules on the real broker and database. */
@QuarkusTest
@TestProfile(TeamRoutingTest.Desks.class)
@WithTestResource(SwitchboardTestResource.class)
class TeamRoutingTest extends RoutingTestBase {

  public static class Desks implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "switchboard.routing.directory-file", "src/test/resources/team-directory.yaml",
          "switchboard.routing.team-rules-file", "src/test/resources/team-rules-test.yaml",
          "switchboard.routing.default-team", "general-desk");
    }
  }

  @Test
  void aMatchingRuleSendsToItsTeamAndOnlyOperatorsWithTheTopicGetIt() {
    for (int i = 0; i < 3; i++) {
      InquiryReceived received =
          EventFixtures.inquiryReceived()
              .channel(Channel.EMAIL)
              .text("Оплата", "Списали деньги, а заказа нет", "ru")
              .build();
      InquiryAssigned assigned = publishAndAwaitAssignment(received);
      // Least loaded would alternate; the topic keeps the delivery operator out every time.
      assertThat(assigned.teamId()).isEqualTo("billing-desk");
      assertThat(assigned.operatorId()).isEqualTo("bill-expert");
      InquiryPrioritized prioritized =
          kafka.awaitEvent(
              InquiryPrioritized.class, e -> e.inquiryId().equals(received.inquiryId()));
      assertThat(prioritized.teamId()).isEqualTo("billing-desk");
      assertThat(prioritized.topic()).isEqualTo("billing");
      assertThat(prioritized.teamRule()).isEqualTo("money");
      given()
          .auth()
          .oauth2(ADMIN)
          .get("/api/inquiries/{id}", received.inquiryId())
          .then()
          .statusCode(200)
          .body("topic", equalTo("billing"))
          .body("teamRule", equalTo("money"))
          .body("teamId", equalTo("billing-desk"));
    }
  }

  @Test
  void noMatchGoesToTheDefaultTeamAndAnUnknownTeamFallsBackToIt() {
    InquiryReceived plain =
        EventFixtures.inquiryReceived()
            .channel(Channel.EMAIL)
            .text("Вопрос", "Как добавить фото?", "ru")
            .build();
    assertThat(publishAndAwaitAssignment(plain).operatorId()).isEqualTo("general-1");
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/inquiries/{id}", plain.inquiryId())
        .then()
        .body("teamRule", equalTo(null))
        .body("topic", equalTo(null));

    InquiryReceived lost =
        EventFixtures.inquiryReceived()
            .channel(Channel.CHAT)
            .text(null, "Hello, a question about my account", "en")
            .build();
    assertThat(publishAndAwaitAssignment(lost).teamId()).isEqualTo("general-desk");
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/inquiries/{id}", lost.inquiryId())
        .then()
        .body("teamRule", equalTo("english-chat-to-nowhere (unknown team no-such-team)"));
  }
}
