package io.switchboard.sla.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The SLA report over clocks written straight into sla_clock with known timestamps and seconds.
 * Each test reports on its own day of 2024, which no other test writes clocks in.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class SlaReportTest {
  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
  private static final String SUPERVISOR = DevTokens.of("sofia", "supervisor");

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String dbUser;

  private enum State {
    RUNNING,
    PAUSED,
    MET,
    LATE
  }

  @Test
  void countsSharesComplianceAndPercentilesPerChannelAndInTotal() throws SQLException {
    Instant day = Instant.parse("2024-01-10T08:00:00Z");
    long[] chatSeconds = {30, 60, 90, 120, 150, 180, 210, 240};
    for (int i = 0; i < chatSeconds.length; i++) {
      clock(
          "FIRST_RESPONSE",
          "CHAT",
          day.plusSeconds(60L * i),
          chatSeconds[i] <= 120 ? State.MET : State.LATE,
          chatSeconds[i]);
    }
    clock("FIRST_RESPONSE", "CHAT", day.plusSeconds(3600), State.RUNNING, 0);
    clock("FIRST_RESPONSE", "CHAT", day.plusSeconds(3660), State.PAUSED, 40);
    for (long seconds : new long[] {30, 60, 90, 120}) {
      clock("FIRST_RESPONSE", "EMAIL", day.plusSeconds(seconds), State.MET, seconds);
    }
    clock("RESOLUTION", "EMAIL", day, State.MET, 600);
    clock("RESOLUTION", "EMAIL", day, State.MET, 1200);
    clock("RESOLUTION", "EMAIL", day, State.LATE, 3600);
    clock("RESOLUTION", "EMAIL", day, State.RUNNING, 100);
    // Outside the report: a next-response clock, and clocks just before and at the end.
    clock("NEXT_RESPONSE", "CHAT", day, State.LATE, 500);
    clock("FIRST_RESPONSE", "CHAT", Instant.parse("2024-01-09T23:59:59Z"), State.RUNNING, 0);
    clock("FIRST_RESPONSE", "EMAIL", Instant.parse("2024-01-11T00:00:00Z"), State.LATE, 999);

    ValidatableResponse report =
        given()
            .config(DOUBLES)
            .auth()
            .oauth2(SUPERVISOR)
            .queryParam("from", "2024-01-10")
            .queryParam("to", "2024-01-10")
            .when()
            .get("/reports/sla")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("from", is("2024-01-10T00:00:00Z"))
            .body("to", is("2024-01-11T00:00:00Z"))
            .body("zone", is("UTC"))
            .body("channels.channel", containsInAnyOrder("CHAT", "EMAIL"));

    String chat = "channels.find { it.channel == 'CHAT' }.";
    report
        .body(chat + "inquiries", is(10))
        .body(chat + "answered", is(8))
        .body(chat + "unanswered", is(2))
        .body(chat + "unansweredShare", is(0.2))
        .body(chat + "answeredLate", is(4))
        .body(chat + "lateShare", is(0.4))
        .body(chat + "firstResponseCompliance", is(50.0))
        .body(chat + "resolutionCompliance", nullValue())
        .body(chat + "firstResponseP50Seconds", is(135.0))
        .body(chat + "firstResponseP90Seconds", is(219.0))
        .body(chat + "resolutionP50Seconds", nullValue());
    String email = "channels.find { it.channel == 'EMAIL' }.";
    report
        .body(email + "inquiries", is(4))
        .body(email + "unanswered", is(0))
        .body(email + "unansweredShare", is(0.0))
        .body(email + "lateShare", is(0.0))
        .body(email + "firstResponseCompliance", is(100.0))
        .body(email + "resolutionCompliance", is(66.67))
        .body(email + "firstResponseP50Seconds", is(75.0))
        .body(email + "firstResponseP90Seconds", is(111.0))
        .body(email + "resolutionP50Seconds", is(1200.0))
        .body(email + "resolutionP90Seconds", is(3120.0));
    report
        .body("total.channel", is("TOTAL"))
        .body("total.inquiries", is(14))
        .body("total.answered", is(12))
        .body("total.unansweredShare", is(0.1429))
        .body("total.answeredLate", is(4))
        .body("total.lateShare", is(0.2857))
        .body("total.firstResponseCompliance", is(66.67))
        .body("total.resolutionCompliance", is(66.67))
        .body("total.firstResponseP50Seconds", is(105.0))
        .body("total.firstResponseP90Seconds", is(207.0));
  }

  @Test
  void csvHasAHeaderAChannelRowAndTheTotal() throws SQLException {
    Instant day = Instant.parse("2024-02-14T12:00:00Z");
    clock("FIRST_RESPONSE", "PHONE", day, State.MET, 10);
    clock("FIRST_RESPONSE", "PHONE", day, State.LATE, 1000);
    clock("FIRST_RESPONSE", "PHONE", day, State.RUNNING, 0);
    clock("RESOLUTION", "PHONE", day, State.MET, 300);

    String csv =
        given()
            .auth()
            .oauth2(DevTokens.of("ada", "admin"))
            .accept("text/csv")
            .queryParam("from", "2024-02-14T00:00:00Z")
            .queryParam("to", "2024-02-15T00:00:00Z")
            .when()
            .get("/reports/sla")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .extract()
            .asString();

    assertThat(csv.split("\r\n", -1))
        .containsExactly(
            "channel,inquiries,answered,unanswered,unanswered_share,answered_late,late_share,"
                + "first_response_compliance_pct,resolution_compliance_pct,"
                + "first_response_p50_seconds,first_response_p90_seconds,"
                + "resolution_p50_seconds,resolution_p90_seconds",
            "PHONE,3,2,1,0.3333,1,0.3333,50.0,100.0,505.0,901.0,300.0,300.0",
            "TOTAL,3,2,1,0.3333,1,0.3333,50.0,100.0,505.0,901.0,300.0,300.0",
            "");
  }

  @Test
  void datesAreDaysOfTheRequestedZone() throws SQLException {
    // 16:00 UTC on 4 March 2024 is already 5 March in Tokyo.
    clock("FIRST_RESPONSE", "TELEGRAM", Instant.parse("2024-03-04T16:00:00Z"), State.MET, 20);

    given()
        .config(DOUBLES)
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "2024-03-05")
        .queryParam("to", "2024-03-05")
        .queryParam("zone", "Asia/Tokyo")
        .when()
        .get("/reports/sla")
        .then()
        .statusCode(200)
        .body("from", is("2024-03-04T15:00:00Z"))
        .body("zone", is("Asia/Tokyo"))
        .body("total.inquiries", is(1))
        .body("channels.channel", containsInAnyOrder("TELEGRAM"));
    given()
        .config(DOUBLES)
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "2024-03-05")
        .queryParam("to", "2024-03-05")
        .when()
        .get("/reports/sla")
        .then()
        .statusCode(200)
        .body("total.inquiries", is(0))
        .body("total.unansweredShare", nullValue())
        .body("channels", hasSize(0));
  }

  @Test
  void onlySupervisorsAndAdminsSeeReports() {
    given()
        .queryParam("from", "2024-04-01")
        .queryParam("to", "2024-04-02")
        .when()
        .get("/reports/sla")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(DevTokens.of("oleg", "operator"))
        .queryParam("from", "2024-04-01")
        .queryParam("to", "2024-04-02")
        .when()
        .get("/reports/sla")
        .then()
        .statusCode(403);
  }

  @Test
  void badParametersAreProblems() {
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("to", "2024-04-01")
        .queryParam("zone", "Mars/Olympus")
        .when()
        .get("/reports/sla")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", is(400))
        .body("errors.field", containsInAnyOrder("zone", "from"));
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "2024-04-02")
        .queryParam("to", "2024-04-01")
        .when()
        .get("/reports/sla")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", is("to"));
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "April")
        .queryParam("to", "2024-04-01")
        .when()
        .get("/reports/sla")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", is("from"));
  }

  @Test
  void openApiDescribesTheReportWithExamples() {
    String report = "paths.'/reports/sla'.get.";
    given()
        .accept("application/json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(report + "summary", is("SLA report per channel"))
        .body(report + "parameters.name", containsInAnyOrder("from", "to", "zone"))
        .body(
            report + "responses.'200'.content.'text/csv'.examples.march.value",
            startsWith("channel,inquiries,answered"))
        .body(
            report
                + "responses.'200'.content.'application/json'.examples.march.value.total.channel",
            is("TOTAL"));
  }

  private void clock(String kind, String channel, Instant startedAt, State state, long counted)
      throws SQLException {
    long target = kind.equals("RESOLUTION") ? 1800 : 120;
    boolean stopped = state == State.MET || state == State.LATE;
    try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, "");
        PreparedStatement insert =
            db.prepareStatement(
                "insert into sla.sla_clock (id, inquiry_id, kind, channel, started_at, due_at,"
                    + " target_seconds, status, run_started_at, counted_seconds, wall_seconds,"
                    + " paused_at, stopped_at, met) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?)")) {
      Instant end = startedAt.plusSeconds(counted);
      insert.setObject(1, UUID.randomUUID());
      insert.setObject(2, UUID.randomUUID());
      insert.setString(3, kind);
      insert.setString(4, channel);
      insert.setTimestamp(5, Timestamp.from(startedAt));
      insert.setTimestamp(6, Timestamp.from(startedAt.plusSeconds(target)));
      insert.setLong(7, target);
      insert.setString(8, stopped ? "STOPPED" : state.name());
      insert.setTimestamp(9, Timestamp.from(startedAt));
      insert.setLong(10, counted);
      insert.setLong(11, counted);
      insert.setTimestamp(12, state == State.PAUSED ? Timestamp.from(end) : null);
      insert.setTimestamp(13, stopped ? Timestamp.from(end) : null);
      insert.setObject(14, stopped ? state == State.MET : null, java.sql.Types.BOOLEAN);
      insert.executeUpdate();
    }
  }
}
