package io.switchboard.routing.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryAccepted;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryForwarded;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.contracts.Priority;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The arrivals heat map over inquiries written into the inquiry table with known receipt times, and
 * the operators report over assignment events published to the broker. Each test reports on its own
 * days of 2024, which no other test writes inquiries or assignments in.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class RoutingReportTest extends RoutingTestBase {
  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
  private static final String SUPERVISOR = DevTokens.of("sofia", "supervisor");

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String dbUser;

  @Test
  void arrivalsPerWeekdayAndHourWithAndWithoutAChannel() throws SQLException {
    inquiry(Channel.CHAT, "2024-09-02T09:15:00Z");
    inquiry(Channel.CHAT, "2024-09-02T09:45:00Z");
    inquiry(Channel.EMAIL, "2024-09-02T09:30:00Z");
    inquiry(Channel.CHAT, "2024-09-04T14:00:00Z");
    inquiry(Channel.PHONE, "2024-09-08T23:59:59Z");
    inquiry(Channel.CHAT, "2024-09-09T00:00:00Z");

    arrivals(Map.of("from", "2024-09-02", "to", "2024-09-08"))
        .body("zone", is("UTC"))
        .body("channel", nullValue())
        .body("counts[0][9]", is(3))
        .body("counts[2][14]", is(1))
        .body("counts[6][23]", is(1))
        .body("weekdayTotals", contains(3, 0, 1, 0, 0, 0, 1))
        .body("hourTotals[9]", is(3))
        .body("hourTotals[14]", is(1))
        .body("hourTotals[23]", is(1))
        .body("total", is(5));
    arrivals(Map.of("from", "2024-09-02", "to", "2024-09-08", "channel", "CHAT"))
        .body("channel", is("CHAT"))
        .body("counts[0][9]", is(2))
        .body("counts[6][23]", is(0))
        .body("weekdayTotals", contains(2, 0, 1, 0, 0, 0, 0))
        .body("total", is(3));
  }

  @Test
  void theZoneMovesAnArrivalToAnotherWeekdayAndHour() throws SQLException {
    // Sunday 22:30 in UTC is Monday 01:30 in Moscow.
    inquiry(Channel.TELEGRAM, "2024-10-06T22:30:00Z");
    Map<String, String> period = Map.of("from", "2024-10-06T00:00:00Z", "to", "2024-10-08T00:00Z");

    arrivals(period).body("counts[6][22]", is(1)).body("counts[0][1]", is(0)).body("total", is(1));
    Map<String, String> moscow = new java.util.HashMap<>(period);
    moscow.put("zone", "Europe/Moscow");
    arrivals(moscow)
        .body("zone", is("Europe/Moscow"))
        .body("counts[6][22]", is(0))
        .body("counts[0][1]", is(1))
        .body("total", is(1));
  }

  @Test
  void arrivalsCsvHasOneLinePerWeekdayAndHour() throws SQLException {
    inquiry(Channel.PHONE, "2024-11-05T08:05:00Z");
    inquiry(Channel.PHONE, "2024-11-05T08:55:00Z");

    String csv =
        given()
            .auth()
            .oauth2(SUPERVISOR)
            .accept("text/csv")
            .queryParam("from", "2024-11-04")
            .queryParam("to", "2024-11-10")
            .when()
            .get("/reports/arrivals")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .extract()
            .asString();

    List<String> expected = new ArrayList<>(List.of("weekday,hour,count"));
    for (DayOfWeek day : DayOfWeek.values()) {
      for (int hour = 0; hour < 24; hour++) {
        int count = day == DayOfWeek.TUESDAY && hour == 8 ? 2 : 0;
        expected.add(day.name().substring(0, 3) + "," + hour + "," + count);
      }
    }
    expected.add("");
    assertThat(csv.split("\r\n", -1)).containsExactlyElementsOf(expected);
  }

  @Test
  void operatorsFiguresFromTheirAssignments() {
    String team = unique("reports");
    createTeam(team);
    String anna = unique("anna");
    String boris = unique("boris");
    operator(anna, "Petrova, Anna", team);
    operator(boris, "Boris", team);
    Instant t0 = Instant.parse("2024-09-16T10:00:00Z");
    List<String> inquiries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      inquiries.add(UUID.randomUUID().toString());
    }
    InquiryAssigned first = assigned(inquiries.get(0), team, anna, t0);
    kafka.publish(first);
    kafka.publish(first);
    for (String inquiry : inquiries.subList(1, 5)) {
      kafka.publish(assigned(inquiry, team, anna, t0));
    }
    for (String inquiry : inquiries.subList(0, 3)) {
      kafka.publish(new InquiryAccepted(UUID.randomUUID(), inquiry, t0.plusSeconds(10), 1, anna));
    }
    String forwarded = inquiries.get(4);
    kafka.publish(assigned(forwarded, team, boris, t0.plusSeconds(120)));
    kafka.publish(
        new InquiryForwarded(
            UUID.randomUUID(),
            forwarded,
            t0.plusSeconds(120),
            1,
            anna,
            boris,
            1,
            false,
            "not accepted within PT2M"));
    resolved(inquiries.get(0), t0.plusSeconds(600));
    resolved(inquiries.get(1), t0.plusSeconds(1200));
    // Replies come from ingest on another topic: sent once routing has recorded the assignments.
    awaitOperators("2024-09-16", response -> response.body("operators[0].assigned", is(5)));
    replied(inquiries.get(0), anna, t0.plusSeconds(30));
    replied(inquiries.get(1), anna, t0.plusSeconds(60));
    replied(inquiries.get(2), anna, t0.plusSeconds(90));
    replied(inquiries.get(3), anna, t0.plusSeconds(120));
    replied(forwarded, boris, t0.plusSeconds(150));

    awaitOperators(
        "2024-09-16",
        response ->
            response
                .body("operators.operatorId", contains(anna, boris))
                .body("operators[0].name", is("Petrova, Anna"))
                .body("operators[0].team", is(team))
                .body("operators[0].assigned", is(5))
                .body("operators[0].accepted", is(3))
                .body("operators[0].resolved", is(2))
                .body("operators[0].forwardedAway", is(1))
                .body("operators[0].firstReplyP50Seconds", is(75.0))
                .body("operators[0].firstReplyP90Seconds", is(111.0))
                .body("operators[0].resolutionP50Seconds", is(900.0))
                .body("operators[1].name", is("Boris"))
                .body("operators[1].assigned", is(1))
                .body("operators[1].accepted", is(0))
                .body("operators[1].resolved", is(0))
                .body("operators[1].forwardedAway", is(0))
                .body("operators[1].firstReplyP50Seconds", is(30.0))
                .body("operators[1].firstReplyP90Seconds", is(30.0))
                .body("operators[1].resolutionP50Seconds", nullValue()));
    String csv =
        given()
            .auth()
            .oauth2(SUPERVISOR)
            .accept("text/csv")
            .queryParam("from", "2024-09-16")
            .queryParam("to", "2024-09-16")
            .get("/reports/operators")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv.split("\r\n", -1))
        .containsExactly(
            "operator_id,name,team,assigned,accepted,resolved,forwarded_away,"
                + "first_reply_p50_seconds,first_reply_p90_seconds,resolution_p50_seconds",
            anna + ",\"Petrova, Anna\"," + team + ",5,3,2,1,75.0,111.0,900.0",
            boris + ",Boris," + team + ",1,0,0,0,30.0,30.0,",
            "");
  }

  @Test
  void answersRecordedThroughTheRepliesApiAreFirstReplies() {
    // POST /api/inquiries/{id}/replies (an answer by phone, say) reaches the report only as
    // routing's status change with operatorReplied; there is no OperatorReplied on
    // inquiries.inbound.
    String team = unique("reports");
    createTeam(team);
    String gleb = unique("gleb");
    operator(gleb, "Gleb", team);
    Instant t0 = Instant.parse("2024-09-17T10:00:00Z");
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    kafka.publish(assigned(first, team, gleb, t0));
    kafka.publish(assigned(second, team, gleb, t0));
    InquiryStatusChanged answered = repliedThroughApi(first, gleb, t0.plusSeconds(40));
    kafka.publish(answered);
    kafka.publish(answered);
    kafka.publish(repliedThroughApi(second, gleb, t0.plusSeconds(100)));

    awaitOperators(
        "2024-09-17",
        response ->
            response
                .body("operators.operatorId", contains(gleb))
                .body("operators[0].assigned", is(2))
                .body("operators[0].resolved", is(0))
                .body("operators[0].firstReplyP50Seconds", is(70.0))
                .body("operators[0].firstReplyP90Seconds", is(94.0)));
  }

  @Test
  void theSameReplySeenTwiceCountsAtItsEarlierTime() {
    // An e-mail answer is an OperatorReplied from ingest and, once routing has applied it, a status
    // change with operatorReplied stamped later; the two topics are read in any order.
    String team = unique("reports");
    createTeam(team);
    String vera = unique("vera");
    String wit = unique("wit");
    operator(vera, "Vera", team);
    operator(wit, "Wit", team);
    Instant t0 = Instant.parse("2024-09-18T10:00:00Z");
    String statusFirst = UUID.randomUUID().toString();
    String repliedFirst = UUID.randomUUID().toString();
    kafka.publish(assigned(statusFirst, team, vera, t0));
    kafka.publish(assigned(repliedFirst, team, wit, t0));

    // The status change first, then ingest's event with the earlier time.
    kafka.publish(repliedThroughApi(statusFirst, vera, t0.plusSeconds(90)));
    awaitOperators(
        "2024-09-18",
        response ->
            response
                .body("operators.operatorId", contains(vera, wit))
                .body("operators[0].firstReplyP50Seconds", is(90.0))
                .body("operators[1].assigned", is(1)));
    replied(statusFirst, vera, t0.plusSeconds(30));

    // Ingest's event first, then the later status change, then a resolution on the same topic
    // and inquiry as the status change: once the resolution shows, the status change was applied.
    replied(repliedFirst, wit, t0.plusSeconds(20));
    awaitOperators(
        "2024-09-18", response -> response.body("operators[1].firstReplyP50Seconds", is(20.0)));
    kafka.publish(repliedThroughApi(repliedFirst, wit, t0.plusSeconds(80)));
    resolved(repliedFirst, t0.plusSeconds(600));

    awaitOperators(
        "2024-09-18",
        response ->
            response
                .body("operators.operatorId", contains(vera, wit))
                .body("operators[0].firstReplyP50Seconds", is(30.0))
                .body("operators[0].firstReplyP90Seconds", is(30.0))
                .body("operators[1].resolved", is(1))
                .body("operators[1].firstReplyP50Seconds", is(20.0))
                .body("operators[1].firstReplyP90Seconds", is(20.0)));
  }

  @Test
  void aReplyReadBeforeItsAssignmentCountsForTheOperatorWhoHeldTheInquiryThen() throws Exception {
    // Ingest's OperatorReplied (inquiries.inbound) can be read before routing's own InquiryAssigned
    // (inquiries.lifecycle) of the operator who wrote it. Until that assignment is read the reply
    // falls in the previous operator's open assignment; it must not stay there.
    String team = unique("reports");
    createTeam(team);
    String dina = unique("dina");
    String egor = unique("egor");
    operator(dina, "Dina", team);
    operator(egor, "Egor", team);
    Instant t0 = Instant.parse("2024-09-19T10:00:00Z");
    String inquiry = UUID.randomUUID().toString();
    kafka.publish(assigned(inquiry, team, dina, t0));
    awaitOperators("2024-09-19", response -> response.body("operators[0].assigned", is(1)));

    replied(inquiry, egor, t0.plusSeconds(150));
    Awaitility.await("the reply recorded")
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .until(() -> repliesRecorded(inquiry) == 1);
    kafka.publish(assigned(inquiry, team, egor, t0.plusSeconds(120)));
    kafka.publish(
        new InquiryForwarded(
            UUID.randomUUID(),
            inquiry,
            t0.plusSeconds(120),
            1,
            dina,
            egor,
            1,
            false,
            "not accepted within PT2M"));

    awaitOperators(
        "2024-09-19",
        response ->
            response
                .body("operators.operatorId", contains(dina, egor))
                .body("operators[0].forwardedAway", is(1))
                .body("operators[0].firstReplyP50Seconds", nullValue())
                .body("operators[1].assigned", is(1))
                .body("operators[1].firstReplyP50Seconds", is(30.0)));
  }

  @Test
  void onlySupervisorsAndAdminsSeeReports() {
    for (String path : List.of("/reports/arrivals", "/reports/operators")) {
      given()
          .queryParam("from", "2024-12-01")
          .queryParam("to", "2024-12-02")
          .get(path)
          .then()
          .statusCode(401);
      given()
          .auth()
          .oauth2(DevTokens.of("oleg", "operator"))
          .queryParam("from", "2024-12-01")
          .queryParam("to", "2024-12-02")
          .get(path)
          .then()
          .statusCode(403);
    }
  }

  @Test
  void badParametersAreProblems() {
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "2024-12-01")
        .queryParam("to", "2024-12-02")
        .queryParam("channel", "PIGEON")
        .get("/reports/arrivals")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("channel"));
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("to", "2024-12-02")
        .queryParam("zone", "Europe/Atlantis")
        .get("/reports/operators")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("zone", "from"));
  }

  @Test
  void openApiDescribesBothReportsWithExamples() {
    given()
        .accept("application/json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(
            "paths.'/reports/arrivals'.get.summary",
            is("Arrivals heat map: inquiries received per weekday and hour"))
        .body(
            "paths.'/reports/arrivals'.get.parameters.name",
            containsInAnyOrder("from", "to", "zone", "channel"))
        .body(
            "paths.'/reports/arrivals'.get.responses.'200'.content.'text/csv'.examples.week.value",
            startsWith("weekday,hour,count"))
        .body("paths.'/reports/operators'.get.summary", is("Per-operator figures"))
        .body(
            "paths.'/reports/operators'.get.responses.'200'.content.'application/json'"
                + ".examples.march.value.operators[0].forwardedAway",
            is(1));
  }

  private ValidatableResponse arrivals(Map<String, String> parameters) {
    return given()
        .config(DOUBLES)
        .auth()
        .oauth2(SUPERVISOR)
        .queryParams(parameters)
        .when()
        .get("/reports/arrivals")
        .then()
        .statusCode(200)
        .contentType("application/json");
  }

  private static void awaitOperators(
      String day, java.util.function.Consumer<ValidatableResponse> expected) {
    Awaitility.await("the operators report")
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .untilAsserted(
            () ->
                expected.accept(
                    given()
                        .config(DOUBLES)
                        .auth()
                        .oauth2(SUPERVISOR)
                        .queryParam("from", day)
                        .queryParam("to", day)
                        .get("/reports/operators")
                        .then()
                        .statusCode(200)));
  }

  private static void operator(String id, String name, String team) {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "team",
                team,
                "name",
                name,
                "email",
                id + "@switchboard.local",
                "capacity",
                Map.of("default", 5),
                "schedule",
                Map.of("alwaysOn", true)))
        .put("/api/admin/operators/{id}", id)
        .then()
        .statusCode(200);
  }

  private static InquiryAssigned assigned(
      String inquiry, String team, String operator, Instant at) {
    return new InquiryAssigned(
        UUID.randomUUID(), inquiry, at, 1, team, operator, Priority.P3, "least loaded");
  }

  private void resolved(String inquiry, Instant at) {
    kafka.publish(
        new InquiryStatusChanged(
            UUID.randomUUID(),
            inquiry,
            at,
            1,
            InquiryStatus.ACCEPTED,
            InquiryStatus.RESOLVED,
            "operator",
            "resolved",
            false));
  }

  /** What routing publishes for POST /api/inquiries/{id}/replies on an accepted inquiry. */
  private static InquiryStatusChanged repliedThroughApi(
      String inquiry, String operator, Instant at) {
    return new InquiryStatusChanged(
        UUID.randomUUID(),
        inquiry,
        at,
        1,
        InquiryStatus.ACCEPTED,
        InquiryStatus.WAITING_ON_CUSTOMER,
        operator,
        "operator replied",
        true);
  }

  private void replied(String inquiry, String operator, Instant at) {
    kafka.publish(
        new OperatorReplied(
            UUID.randomUUID(),
            inquiry,
            at,
            1,
            Channel.CHAT,
            operator,
            operator + "@switchboard.local",
            "msg-" + UUID.randomUUID()));
  }

  private long repliesRecorded(String inquiry) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, "");
        PreparedStatement count =
            db.prepareStatement(
                "select count(*) from routing.report_reply where inquiry_id = cast(? as uuid)")) {
      count.setString(1, inquiry);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private void inquiry(Channel channel, String receivedAt) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, "");
        PreparedStatement insert =
            db.prepareStatement(
                "insert into routing.inquiry (id, ticket, channel, priority, status, received_at)"
                    + " values (?, ?, ?, 'P3', 'CLOSED', ?)")) {
      UUID id = UUID.randomUUID();
      insert.setObject(1, id);
      insert.setString(2, "T-" + id.toString().substring(0, 8));
      insert.setString(3, channel.name());
      insert.setTimestamp(4, Timestamp.from(Instant.parse(receivedAt)));
      insert.executeUpdate();
    }
  }
}
