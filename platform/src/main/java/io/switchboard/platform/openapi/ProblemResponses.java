package io.switchboard.platform.openapi;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents every refusal a service declares (4xx, 5xx) as RFC 9457 {@code
 * application/problem+json} with the shared {@code Problem} schema and an example built from the
 * response's own description, so each endpoint states only its status codes and why. For services
 * whose refusals are all problem details: {@code
 * mp.openapi.filter=io.switchboard.platform.openapi.ProblemResponses}.
 */
public class ProblemResponses implements OASFilter {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String SCHEMA = "Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema(SCHEMA, problemSchema());
    if (openAPI.getPaths() == null) {
      return;
    }
    openAPI.getPaths().getPathItems().values().stream()
        .flatMap(path -> path.getOperations().values().stream())
        .filter(operation -> operation.getResponses() != null)
        .forEach(
            operation -> operation.getResponses().getAPIResponses().forEach(this::describeRefusal));
  }

  private void describeRefusal(String code, APIResponse response) {
    if (!code.matches("[45]\\d\\d")
        || (response.getContent() != null && !response.getContent().getMediaTypes().isEmpty())) {
      return;
    }
    int status = Integer.parseInt(code);
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "about:blank");
    example.put("title", HttpResponseStatus.valueOf(status).reasonPhrase());
    example.put("status", status);
    example.put("detail", response.getDescription());
    response.setContent(
        OASFactory.createContent()
            .addMediaType(
                MEDIA_TYPE,
                OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMA))
                    .addExample(
                        "problem", OASFactory.createExample().summary(code).value(example))));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .addType(SchemaType.OBJECT)
        .description("RFC 9457 problem details")
        .addProperty("type", string("A URI naming the problem type; about:blank for plain HTTP"))
        .addProperty("title", string("Short, human-readable summary"))
        .addProperty(
            "status",
            OASFactory.createSchema().addType(SchemaType.INTEGER).description("HTTP status"))
        .addProperty("detail", string("What went wrong with this request"))
        .addProperty("instance", string("The request path"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(SchemaType.ARRAY)
                .description("The fields that are wrong, when the request had invalid fields")
                .items(
                    OASFactory.createSchema()
                        .addType(SchemaType.OBJECT)
                        .addProperty("field", string("The field"))
                        .addProperty("reason", string("Why it is wrong"))));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
  }
}
