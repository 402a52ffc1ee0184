package io.switchboard.sla.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy API, and a change moving the pending deadlines, on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class PolicyResourceTest {
  private static final String ADMIN = DevTokens.of("ada", "admin");
  private static final String TEN_MINUTE_CHATS =
      """
      {"rules": [
        {"name": "chat", "clock": "FIRST_RESPONSE", "channels": ["CHAT"], "target": "PT10M"},
        {"name": "first", "clock": "FIRST_RESPONSE", "target": "PT1H", "calendar": "office",
         "cap": "PT24H"},
        {"name": "next", "clock": "NEXT_RESPONSE", "target": "PT1H"},
        {"name": "resolution", "clock": "RESOLUTION", "target": "PT16H", "calendar": "office"}
      ]}
      """;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String dbUser;

  private KafkaTestClient kafka;
  private String original;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
    original =
        given().auth().oauth2(ADMIN).get("/sla/policy").then().statusCode(200).extract().asString();
  }

  @AfterEach
  void restore() {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(original)
        .put("/sla/policy")
        .then()
        .statusCode(200);
    kafka.close();
  }

  @Test
  void policyReadsAsIsoDurations() {
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/sla/policy")
        .then()
        .statusCode(200)
        .body("rules.find { it.name == 'first-response-chat' }.target", is("PT2M"))
        .body("rules.find { it.name == 'first-response' }.calendar", is("office"))
        .body("calendars", hasItem("24/7"));
  }

  @Test
  void changedTargetMovesTheDeadlineOfARunningClock() throws SQLException {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.CHAT).build();
    String id = received.inquiryId();
    kafka.publish(received);
    ClockStarted started = kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(id));
    assertThat(started.dueAt()).isEqualTo(received.occurredAt().plus(Duration.ofMinutes(2)));

    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(TEN_MINUTE_CHATS)
        .put("/sla/policy")
        .then()
        .statusCode(200)
        .body("inquiriesRetargeted", greaterThanOrEqualTo(1));

    Instant due = received.occurredAt().plus(Duration.ofMinutes(10));
    assertThat(clockDue(id)).isEqualTo(due);
    assertThat(
            count(
                "select count(*) from sla.sla_timer t join sla.sla_clock c on c.id = t.clock_id"
                    + " where c.inquiry_id = ?::uuid and c.kind = 'FIRST_RESPONSE'"
                    + " and t.kind = 'BREACH' and t.fired_at is null and t.due_at = ?::timestamptz",
                id,
                due.toString()))
        .isEqualTo(1);

    InquiryReceived later = EventFixtures.inquiryReceived().channel(Channel.CHAT).build();
    kafka.publish(later);
    ClockStarted laterStarted =
        kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(later.inquiryId()));
    assertThat(laterStarted.targetSeconds()).isEqualTo(600);
  }

  @Test
  void policyWithoutACatchAllOrWithAnUnknownCalendarIsRefused() {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(
            """
            {"rules": [{"name": "chat", "clock": "FIRST_RESPONSE", "channels": ["CHAT"],
                        "target": "PT2M"}]}
            """)
        .put("/sla/policy")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("FIRST_RESPONSE"));
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(TEN_MINUTE_CHATS.replace("\"calendar\": \"office\",", "\"calendar\": \"mars\","))
        .put("/sla/policy")
        .then()
        .statusCode(400)
        .body("detail", containsString("mars"));
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/sla/policy")
        .then()
        .body("rules.find { it.name == 'first-response-chat' }.target", is("PT2M"));
  }

  @Test
  void onlyAnAdminReplacesThePolicyAndSupervisorsReadIt() {
    given().get("/sla/policy").then().statusCode(401);
    given()
        .auth()
        .oauth2(DevTokens.of("duty-1", "operator"))
        .get("/sla/policy")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(DevTokens.of("sofia", "supervisor"))
        .get("/sla/policy")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(DevTokens.of("sofia", "supervisor"))
        .contentType("application/json")
        .body(TEN_MINUTE_CHATS)
        .put("/sla/policy")
        .then()
        .statusCode(403);
  }

  @Test
  void policyStoredByAnotherInstanceComesIntoForceHere() throws SQLException {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(TEN_MINUTE_CHATS)
        .put("/sla/policy")
        .then()
        .statusCode(200);
    String stored = storedRules();
    assertThat(stored).contains("PT10M");

    // Another instance stores a newer version: this one follows without a call of its own.
    try (Connection connection = database();
        var statement =
            connection.prepareStatement(
                "update sla.sla_policy set rules = ?, version = version + 1000 where id = 1")) {
      statement.setString(1, stored.replace("PT10M", "PT7M"));
      statement.executeUpdate();
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(ADMIN)
                    .get("/sla/policy")
                    .then()
                    .body("rules.find { it.name == 'chat' }.target", is("PT7M")));
  }

  private String storedRules() throws SQLException {
    try (Connection connection = database();
        var statement = connection.prepareStatement("select rules from sla.sla_policy")) {
      ResultSet row = statement.executeQuery();
      row.next();
      return row.getString(1);
    }
  }

  private Instant clockDue(String inquiryId) throws SQLException {
    try (Connection connection = database();
        var statement =
            connection.prepareStatement(
                "select due_at from sla.sla_clock where inquiry_id = ?::uuid"
                    + " and kind = 'FIRST_RESPONSE'")) {
      statement.setString(1, inquiryId);
      ResultSet row = statement.executeQuery();
      row.next();
      return row.getTimestamp(1).toInstant();
    }
  }

  private long count(String sql, String... parameters) throws SQLException {
    try (Connection connection = database();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      ResultSet rows = statement.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, dbUser, "");
  }
}
