package io.switchboard.ingest.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.EventType;
import io.switchboard.testing.SwitchboardTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Integrators fetch the Kafka contract from the running service, without credentials. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class AsyncApiResourceTest {
  private static final Path SOURCE =
      Path.of(System.getProperty("sbtest.root", ".."))
          .resolve("contracts/src/main/resources/asyncapi/switchboard.asyncapi.yaml");

  @Test
  void servesTheContractsDocumentAsWritten() throws Exception {
    String served =
        given()
            .when()
            .get("/asyncapi")
            .then()
            .statusCode(200)
            .contentType("application/yaml")
            .extract()
            .asString();
    assertThat(served).isEqualTo(Files.readString(SOURCE));
  }

  @Test
  void servesTheSameDocumentAsJsonListingEveryTopicAndEventType() throws Exception {
    String served =
        given()
            .when()
            .get("/asyncapi.json")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .asString();
    JsonNode json = new ObjectMapper().readTree(served);
    assertThat(json).isEqualTo(new ObjectMapper(new YAMLFactory()).readTree(SOURCE.toFile()));

    Set<String> addresses = new HashSet<>();
    json.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
    assertThat(addresses)
        .containsAll(Arrays.stream(EventType.values()).map(EventType::topic).toList())
        .contains("inquiries.lifecycle.ingest.dlq", "inquiries.inbound.routing.dlq");
    Set<String> messageNames = new HashSet<>();
    json.path("components")
        .path("messages")
        .forEach(m -> messageNames.add(m.path("name").asText()));
    assertThat(messageNames)
        .containsAll(Arrays.stream(EventType.values()).map(EventType::ceType).toList());
  }

  @Test
  void servesThePayloadSchemasTheDocumentRefersTo() {
    given()
        .when()
        .get("/schemas/inquiry-received.v1.json")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("properties.schemaVersion.const", equalTo(1));
  }

  @Test
  void anUnknownOrTraversingSchemaNameIsNotFound() {
    given()
        .when()
        .get("/schemas/no-such-event.v1.json")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/schemas/..%2Fswitchboard.asyncapi.yaml")
        .then()
        .statusCode(404);
  }
}
