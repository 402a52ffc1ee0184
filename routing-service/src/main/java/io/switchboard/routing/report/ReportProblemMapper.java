package io.switchboard.routing.report;

import io.switchboard.platform.report.InvalidReportRequest;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad report parameters answer 400 as RFC 9457 problem+json, naming each parameter. */
public class ReportProblemMapper {
  @ServerExceptionMapper
  public Response invalid(InvalidReportRequest e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", "Invalid report request");
    body.put("status", 400);
    body.put("detail", e.getMessage());
    body.put("errors", e.errors());
    return Response.status(400).type("application/problem+json").entity(body).build();
  }
}
