package io.switchboard.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
    assertThat(OpenApiAudit.problems(json)).as("gaps in notification-service's OpenAPI").isEmpty();
  }
}
