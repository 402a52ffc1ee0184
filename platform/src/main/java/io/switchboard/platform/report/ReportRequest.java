package io.switchboard.platform.report;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every supervisor report takes from its request ({@code @BeanParam}): the period, the zone
 * its days are read in, and the form the client accepts.
 */
public class ReportRequest {
  @Parameter(
      description = "Start: an ISO date (midnight in zone) or instant, inclusive",
      required = true,
      example = "2026-03-01")
  @QueryParam("from")
  String from;

  @Parameter(
      description = "End: an ISO date (that whole day included) or instant, exclusive",
      required = true,
      example = "2026-03-31")
  @QueryParam("to")
  String to;

  @Parameter(
      description = "IANA zone of the dates, weekdays and hours; UTC by default",
      example = "Europe/Moscow")
  @QueryParam("zone")
  String zone;

  @HeaderParam(HttpHeaders.ACCEPT)
  String accept;

  /** The period asked for; {@link InvalidReportRequest} names each bad parameter. */
  public ReportPeriod period() {
    return ReportPeriod.parse(from, to, zone);
  }

  /** The report as JSON, or as CSV when the client prefers {@code text/csv}. */
  public Response respond(Object report, Supplier<String> csv) {
    return ReportFormat.preferred(accept) == ReportFormat.CSV
        ? Response.ok(csv.get(), Csv.MEDIA_TYPE).build()
        : Response.ok(report, MediaType.APPLICATION_JSON).build();
  }
}
