package io.switchboard.ingest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.switchboard.ingest.limits.ChannelPaths;
import io.switchboard.ingest.metrics.IngestMetrics;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal leaves as {@code application/problem+json}, counted by channel and reason. */
public class ProblemMappers {
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final IngestMetrics metrics;

  public ProblemMappers(IngestMetrics metrics) {
    this.metrics = metrics;
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    count(uri, e.reason());
    Response.ResponseBuilder response =
        Response.status(e.status())
            .type(PROBLEM_JSON)
            .entity(body(e.status(), e.title(), e.getMessage(), e.errors()));
    if (e.retryAfterSeconds() > 0) {
      response.header("Retry-After", e.retryAfterSeconds());
    }
    return response.build();
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    return problem(JsonProblems.of(e), uri);
  }

  // Named on its own: Quarkus maps this subtype to a bare 400 itself, and the most specific mapper
  // wins over unreadableJson.
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    return problem(JsonProblems.of(e), uri);
  }

  @ServerExceptionMapper
  public Response httpError(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException unreadable) {
      return unreadableJson(unreadable, uri);
    }
    int status = e.getResponse().getStatus();
    count(uri, "http-" + status);
    String title = e.getResponse().getStatusInfo().getReasonPhrase();
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(body(status, title, e.getMessage(), List.of()))
        .build();
  }

  // Whatever no other mapper knows still leaves as a problem; the cause goes to the log only.
  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    ProblemException problem = ProblemException.unexpected(e);
    if (problem.status() == 503) {
      LOG.warnf("Dependency unavailable on %s: %s", uri.getPath(), e.toString());
    } else {
      LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
    }
    return problem(problem, uri);
  }

  private void count(UriInfo uri, String reason) {
    metrics.rejected(
        ChannelPaths.channelOf(uri.getPath()).map(Enum::name).orElse("unknown"), reason);
  }

  private static Map<String, Object> body(
      int status, String title, String detail, List<FieldError> errors) {
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
