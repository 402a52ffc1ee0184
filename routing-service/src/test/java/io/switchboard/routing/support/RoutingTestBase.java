package io.switchboard.routing.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.KafkaTestClient;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Kafka client, tokens and API shortcuts shared by the tests on the real broker and database. */
public abstract class RoutingTestBase {
  protected static final String ADMIN = DevTokens.of("admin-1", "admin", "supervisor");

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  protected KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected InquiryAssigned publishAndAwaitAssignment(InquiryReceived received) {
    kafka.publish(received);
    return kafka.awaitEvent(InquiryAssigned.class, e -> e.inquiryId().equals(received.inquiryId()));
  }

  protected static void createTeam(String team) {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", team, "routingMode", "LEAST_LOADED"))
        .put("/api/admin/teams/{id}", team)
        .then()
        .statusCode(200);
  }

  /** An operator that has to go online to be available, with one chat slot. */
  protected static void createOperator(String operator, String team) {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "team",
                team,
                "name",
                operator,
                "email",
                operator + "@switchboard.local",
                "capacity",
                Map.of("default", 5, "CHAT", 1),
                "schedule",
                Map.of("alwaysOn", true)))
        .put("/api/admin/operators/{id}", operator)
        .then()
        .statusCode(200);
  }

  protected static ValidatableResponse post(String token, String path, Object body) {
    var request = given().auth().oauth2(token).contentType(ContentType.JSON);
    if (body != null) {
      request = request.body(body);
    }
    return request.post(path).then();
  }
}
