package io.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a service's OpenAPI document must say about every operation for integrators to use it
 * without reading code: a summary, an example for every request body, and at least one documented
 * refusal (4xx). Each problem names the operation ({@code PUT /sla/policy}).
 */
public final class OpenApiAudit {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private OpenApiAudit() {}

  public static List<String> problems(String openApiJson) {
    try {
      return problems(new ObjectMapper().readTree(openApiJson));
    } catch (IOException e) {
      throw new UncheckedIOException("the OpenAPI document is not JSON", e);
    }
  }

  public static List<String> problems(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    if (doc.path("paths").isEmpty()) {
      problems.add("the document has no paths");
    }
    for (var path : doc.path("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          String name = operation.getKey().toUpperCase() + " " + path.getKey();
          check(name, operation.getValue(), problems);
        }
      }
    }
    return problems;
  }

  private static void check(String name, JsonNode operation, List<String> problems) {
    if (operation.path("summary").asText().isBlank()) {
      problems.add(name + ": no summary");
    }
    for (var media : operation.path("requestBody").path("content").properties()) {
      JsonNode content = media.getValue();
      if (!content.has("example") && content.path("examples").isEmpty()) {
        problems.add(name + ": request body " + media.getKey() + " has no example");
      }
    }
    boolean refusal = false;
    for (var response : operation.path("responses").properties()) {
      refusal |= response.getKey().startsWith("4");
    }
    if (!refusal) {
      problems.add(name + ": no 4xx response documented");
    }
  }
}
