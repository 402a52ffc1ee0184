package io.switchboard.ingest.channel.webform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.switchboard.ingest.intake.IntakeStatus;
import io.switchboard.ingest.intake.IntakeSweeper;
import io.switchboard.ingest.intake.StoredIntake;
import io.switchboard.ingest.intake.SweepTally;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.PrometheusScrape;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With no broker to acknowledge, a channel hears 503 and Retry-After, never 202, and the intake row
 * says so: REFUSED, which the sweeper never publishes.
 */
@QuarkusTest
@TestProfile(BrokerDownTest.NoBroker.class)
class BrokerDownTest {

  public static class NoBroker implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(
              SwitchboardTestResource.class,
              Map.of(SwitchboardTestResource.KAFKA, SwitchboardTestResource.UNREACHABLE)));
    }
  }

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String databaseUser;

  @Inject IntakeSweeper sweeper;

  private StoredIntake stored;

  @BeforeEach
  void connect() {
    stored = new StoredIntake(jdbcUrl, databaseUser);
  }

  @Test
  void answers503WithRetryAfterAndLeavesTheRowRefused() {
    String key = "k-down-" + UUID.randomUUID();
    String form = WebFormIntakeTest.form("down@example.com", "Is anyone there?");
    WebFormIntakeTest.post(form, key)
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("5"))
        .body("status", equalTo(503));
    StoredIntake.Row refused = stored.row("WEB_FORM:" + key).orElseThrow();
    assertThat(refused.status()).isEqualTo(IntakeStatus.REFUSED);

    // The retry reopens the same row, publishes the same stored inquiry, and is refused again.
    WebFormIntakeTest.post(form, key).statusCode(503);
    assertThat(stored.row("WEB_FORM:" + key)).contains(refused);
  }

  @Test
  void whenTheDatabaseFailsTooTheClientStillHears503AndTheRowStaysPending() {
    // The residual case: the 503 cannot be recorded, so the sweeper will publish the row once the
    // broker is back. A retry with the same key then answers 202 with the same inquiry.
    String key = "k-both-down-" + UUID.randomUUID();
    stored.failWhen("fail_mark_refused", "WEB_FORM:" + key, "new.status = 'REFUSED'");
    try {
      WebFormIntakeTest.post(WebFormIntakeTest.form("both@example.com", "Anyone?"), key)
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", equalTo("5"));
    } finally {
      stored.heal("fail_mark_refused");
    }
    assertThat(stored.status("WEB_FORM:" + key)).contains(IntakeStatus.PENDING);
  }

  @Test
  void aSweeperRoundWithoutABrokerLeavesItsRowsPendingForTheNextRound() throws Throwable {
    double failedBefore = swept("failed");
    var event = EventFixtures.inquiryReceived().text("Down", "crashed while down", "en").build();
    String key = "WEB_FORM:swept-down-" + event.inquiryId();
    stored.insert(key, IntakeStatus.PENDING, Duration.ofMinutes(5), event, "hash");

    // Whichever round holds the row (this one or the periodic one) fails it and survives.
    SweepTally tally = VertxContextSupport.subscribeAndAwait(sweeper::sweep);
    Awaitility.await("a failed sweep counted")
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> swept("failed") > failedBefore);

    assertThat(tally.published()).isZero();
    assertThat(stored.status(key)).contains(IntakeStatus.PENDING);
  }

  private static double swept(String outcome) {
    return PrometheusScrape.parse(given().get("/q/metrics").then().extract().asString())
        .sum("switchboard_ingest_intake_swept_total", Map.of("outcome", outcome));
  }
}
