package io.switchboard.ingest.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.testing.OpenApiAudit;
import io.switchboard.testing.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

/** Every endpoint is documented well enough to be called from /q/openapi alone. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class OpenApiDocumentTest {

  @Test
  void everyOperationHasSummaryRequestExampleAndARefusal() {
    String json =
        given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    assertThat(OpenApiAudit.problems(json)).as("gaps in ingest-service's OpenAPI").isEmpty();
  }

  @Test
  void channelsDeclareHowTheyAuthenticateAndRefusalsAreProblemDetails() {
    JsonPath doc = given().when().get("/q/openapi?format=json").then().extract().jsonPath();
    assertThat(doc.getMap("components.securitySchemes").keySet())
        .contains("apiKey", "hmacSignature", "telegramSecretToken");
    assertThat(doc.getString("components.securitySchemes.hmacSignature.name"))
        .isEqualTo("X-Signature");
    assertThat(doc.getList("paths.'/inquiries'.post.security.apiKey")).isNotEmpty();
    assertThat(doc.getList("paths.'/channels/chat'.post.security.hmacSignature")).isNotEmpty();
    assertThat(
            doc.getInt(
                "paths.'/channels/chat'.post.responses.'401'.content.'application/problem+json'"
                    + ".examples.problem.value.status"))
        .isEqualTo(401);
  }
}
