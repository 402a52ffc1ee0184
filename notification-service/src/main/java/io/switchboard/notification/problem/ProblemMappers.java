package io.switchboard.notification.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal leaves as {@code application/problem+json}. */
public class ProblemMappers {
  public static final String PROBLEM_JSON = "application/problem+json";

  @ServerExceptionMapper
  public Response problem(Problem e) {
    return Response.status(e.status())
        .type(PROBLEM_JSON)
        .entity(body(e.status(), e.title(), e.getMessage(), e.errors()))
        .build();
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e) {
    return Response.status(400)
        .type(PROBLEM_JSON)
        .entity(
            body(
                400,
                "Malformed request body",
                "The body is not valid JSON: " + e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", "malformed JSON"))))
        .build();
  }

  @ServerExceptionMapper
  public Response httpError(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException unreadable) {
      return unreadableJson(unreadable);
    }
    int status = e.getResponse().getStatus();
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(
            body(
                status,
                e.getResponse().getStatusInfo().getReasonPhrase(),
                e.getMessage(),
                List.of()))
        .build();
  }

  private static Map<String, Object> body(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    return body;
  }
}
