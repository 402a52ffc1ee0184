package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiAuditTest {
  private static final String COMPLETE =
      """
      {"paths": {"/reports/sla": {"get": {"summary": "SLA compliance",
        "responses": {"200": {}, "400": {}}}},
        "/sla/policy": {"put": {"summary": "Replace",
          "requestBody": {"content": {"application/json": {"examples": {"a": {"value": {}}}}}},
          "responses": {"200": {}, "400": {}}}}}}
      """;

  @Test
  void aCompleteDocumentPasses() {
    assertThat(OpenApiAudit.problems(COMPLETE)).isEmpty();
  }

  @Test
  void eachGapNamesItsOperation() {
    String gaps =
        """
        {"paths": {"/reports/sla": {"get": {"responses": {"200": {}}},
          "parameters": []},
          "/sla/policy": {"put": {"summary": "Replace",
            "requestBody": {"content": {"application/json": {"schema": {}}}},
            "responses": {"404": {}}}}}}
        """;
    assertThat(OpenApiAudit.problems(gaps))
        .containsExactlyInAnyOrder(
            "GET /reports/sla: no summary",
            "GET /reports/sla: no 4xx response documented",
            "PUT /sla/policy: request body application/json has no example");
  }

  @Test
  void aDocumentWithoutPathsFails() {
    assertThat(OpenApiAudit.problems("{\"paths\": {}}"))
        .containsExactly("the document has no paths");
  }
}
