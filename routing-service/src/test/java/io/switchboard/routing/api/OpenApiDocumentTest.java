package io.switchboard.routing.api;

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
    assertThat(OpenApiAudit.problems(json)).as("gaps in routing-service's OpenAPI").isEmpty();
  }

  @Test
  void everyOperationNeedsTheBearerJwt() {
    JsonPath doc = given().when().get("/q/openapi?format=json").then().extract().jsonPath();
    assertThat(doc.getString("components.securitySchemes.bearerJwt.scheme")).isEqualTo("bearer");
    assertThat(doc.getList("paths.'/api/inquiries/{id}/accept'.post.security.bearerJwt"))
        .isNotNull();
    assertThat(doc.getMap("paths.'/api/admin/directory'.get.responses")).containsKeys("401", "403");
  }
}
