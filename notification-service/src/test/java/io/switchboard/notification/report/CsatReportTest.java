package io.switchboard.notification.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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
import io.switchboard.notification.GreenMailResource;
import io.switchboard.notification.ProvidersResource;
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
 * The CSAT report over ratings and contacts written straight into the store with known scores and
 * times. Each test reports on its own day of 2024, which no other test rates in.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(ProvidersResource.class)
class CsatReportTest {
  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
  private static final String SUPERVISOR = DevTokens.of("sofia", "supervisor");

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @Test
  void figuresPerChannelPerOperatorAndInTotal() throws SQLException {
    Instant day = Instant.parse("2024-05-20T09:00:00Z");
    rating("CHAT", "anna", 5, day);
    rating("CHAT", "anna", 4, day);
    rating("CHAT", "anna", 3, day);
    rating("CHAT", "boris", 5, day);
    rating("CHAT", "boris", 1, day);
    rating("EMAIL", "anna", 4, day);
    rating("EMAIL", "anna", 4, day);
    rating("EMAIL", "anna", 2, day);
    rating("EMAIL", null, 5, day);
    rating("CHAT", "anna", 1, Instant.parse("2024-05-21T00:00:00Z"));

    given()
        .config(DOUBLES)
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "2024-05-20")
        .queryParam("to", "2024-05-20")
        .when()
        .get("/reports/csat")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("channels.key", contains("CHAT", "EMAIL"))
        .body("channels[0].responses", is(5))
        .body("channels[0].averageScore", is(3.6))
        .body("channels[0].csatPercent", is(60.0))
        .body("channels[0].distribution.values()", contains(1, 0, 1, 1, 2))
        .body("channels[1].responses", is(4))
        .body("channels[1].averageScore", is(3.75))
        .body("channels[1].csatPercent", is(75.0))
        .body("channels[1].distribution.values()", contains(0, 1, 0, 2, 1))
        .body("operators.key", contains("anna", "boris", null))
        .body("operators[0].responses", is(6))
        .body("operators[0].averageScore", is(3.67))
        .body("operators[0].csatPercent", is(66.67))
        .body("operators[0].distribution.values()", contains(0, 1, 1, 3, 1))
        .body("operators[1].averageScore", is(3.0))
        .body("operators[1].csatPercent", is(50.0))
        .body("operators[2].responses", is(1))
        .body("operators[2].averageScore", is(5.0))
        .body("total.key", nullValue())
        .body("total.responses", is(9))
        .body("total.averageScore", is(3.67))
        .body("total.csatPercent", is(66.67))
        .body("total.distribution.values()", contains(1, 1, 1, 3, 3));
  }

  @Test
  void csvQuotesAnOperatorIdWithCommaAndQuotes() throws SQLException {
    Instant day = Instant.parse("2024-06-03T15:00:00Z");
    rating("TELEGRAM", "duty \"night\", 2", 4, day);
    rating("TELEGRAM", "duty \"night\", 2", 5, day);

    String csv =
        given()
            .auth()
            .oauth2(DevTokens.of("ada", "admin"))
            .accept("text/csv")
            .queryParam("from", "2024-06-03")
            .queryParam("to", "2024-06-03")
            .when()
            .get("/reports/csat")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .extract()
            .asString();

    assertThat(csv.split("\r\n", -1))
        .containsExactly(
            "group,key,responses,average_score,csat_pct,score_1,score_2,score_3,score_4,score_5",
            "channel,TELEGRAM,2,4.5,100.0,0,0,0,1,1",
            "operator,\"duty \"\"night\"\", 2\",2,4.5,100.0,0,0,0,1,1",
            "total,,2,4.5,100.0,0,0,0,1,1",
            "");
  }

  @Test
  void theZoneDecidesWhichDayARatingBelongsTo() throws SQLException {
    // 22:30 UTC on 1 July 2024 is 01:30 on 2 July in Moscow.
    rating("PHONE", "vera", 2, Instant.parse("2024-07-01T22:30:00Z"));

    given()
        .config(DOUBLES)
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "2024-07-02")
        .queryParam("to", "2024-07-02")
        .queryParam("zone", "Europe/Moscow")
        .when()
        .get("/reports/csat")
        .then()
        .statusCode(200)
        .body("total.responses", is(1))
        .body("total.csatPercent", is(0.0));
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "2024-07-02")
        .queryParam("to", "2024-07-02")
        .when()
        .get("/reports/csat")
        .then()
        .statusCode(200)
        .body("total.responses", is(0))
        .body("total.averageScore", nullValue())
        .body("channels", hasSize(0));
  }

  @Test
  void onlySupervisorsAndAdminsSeeReports() {
    given()
        .queryParam("from", "2024-08-01")
        .queryParam("to", "2024-08-02")
        .when()
        .get("/reports/csat")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(DevTokens.of("oleg", "operator"))
        .queryParam("from", "2024-08-01")
        .queryParam("to", "2024-08-02")
        .when()
        .get("/reports/csat")
        .then()
        .statusCode(403);
  }

  @Test
  void badParametersAreProblems() {
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "2024-08-02")
        .queryParam("to", "2024-08-01")
        .when()
        .get("/reports/csat")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("to"));
    given()
        .auth()
        .oauth2(SUPERVISOR)
        .queryParam("from", "2024-08-01")
        .when()
        .get("/reports/csat")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("to"));
  }

  @Test
  void openApiDescribesTheReportWithExamples() {
    String report = "paths.'/reports/csat'.get.";
    given()
        .accept("application/json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(report + "summary", is("CSAT report per channel and per operator"))
        .body(report + "parameters.name", containsInAnyOrder("from", "to", "zone"))
        .body(
            report + "responses.'200'.content.'text/csv'.examples.march.value",
            startsWith("group,key,responses"))
        .body(
            report
                + "responses.'200'.content.'application/json'.examples.march.value.total.responses",
            is(5));
  }

  private void rating(String channel, String operatorId, int score, Instant receivedAt)
      throws SQLException {
    UUID inquiryId = UUID.randomUUID();
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
        PreparedStatement contact =
            db.prepareStatement(
                "insert into notification.customer_contact (inquiry_id, ticket, name, language,"
                    + " channel, medium, address, created_at)"
                    + " values (?, ?, '', 'en', ?, 'EMAIL', 'report@example.com', ?)");
        PreparedStatement operator =
            db.prepareStatement(
                "insert into notification.inquiry_operator (inquiry_id, operator_id, assigned_at)"
                    + " values (?, ?, ?)");
        PreparedStatement rating =
            db.prepareStatement(
                "insert into notification.csat_rating (inquiry_id, score, received_at)"
                    + " values (?, ?, ?)")) {
      contact.setObject(1, inquiryId);
      contact.setString(2, "T-" + inquiryId.toString().substring(0, 8));
      contact.setString(3, channel);
      contact.setTimestamp(4, Timestamp.from(receivedAt.minusSeconds(3600)));
      contact.executeUpdate();
      operator.setObject(1, inquiryId);
      operator.setString(2, operatorId);
      operator.setTimestamp(3, Timestamp.from(receivedAt.minusSeconds(3000)));
      operator.executeUpdate();
      rating.setObject(1, inquiryId);
      rating.setInt(2, score);
      rating.setTimestamp(3, Timestamp.from(receivedAt));
      rating.executeUpdate();
    }
  }
}
