package io.switchboard.sla.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.report.Csv;
import io.switchboard.platform.report.ReportPeriod;
import io.switchboard.platform.report.ReportRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Unanswered and late shares, SLA compliance and response times per channel, from the clocks. */
@Path("/reports/sla")
@RolesAllowed({"supervisor", "admin"})
@Tag(name = "Reports")
public class SlaReportResource {
  static final String JSON_EXAMPLE =
      """
      {"from":"2026-03-01T00:00:00Z","to":"2026-04-01T00:00:00Z","zone":"UTC",
       "channels":[{"channel":"CHAT","inquiries":10,"answered":8,"unanswered":2,
         "unansweredShare":0.2,"answeredLate":1,"lateShare":0.1,
         "firstResponseCompliance":87.5,"resolutionCompliance":75.0,
         "firstResponseP50Seconds":75.0,"firstResponseP90Seconds":111.0,
         "resolutionP50Seconds":1800.0,"resolutionP90Seconds":5400.0}],
       "total":{"channel":"TOTAL","inquiries":10,"answered":8,"unanswered":2,
         "unansweredShare":0.2,"answeredLate":1,"lateShare":0.1,
         "firstResponseCompliance":87.5,"resolutionCompliance":75.0,
         "firstResponseP50Seconds":75.0,"firstResponseP90Seconds":111.0,
         "resolutionP50Seconds":1800.0,"resolutionP90Seconds":5400.0}}
      """;
  static final String CSV_EXAMPLE =
      """
      channel,inquiries,answered,unanswered,unanswered_share,answered_late,late_share,\
      first_response_compliance_pct,resolution_compliance_pct,first_response_p50_seconds,\
      first_response_p90_seconds,resolution_p50_seconds,resolution_p90_seconds
      CHAT,10,8,2,0.2,1,0.1,87.5,75.0,75.0,111.0,1800.0,5400.0
      TOTAL,10,8,2,0.2,1,0.1,87.5,75.0,75.0,111.0,1800.0,5400.0
      """;

  private final SlaReportRepository repository;

  public SlaReportResource(SlaReportRepository repository) {
    this.repository = repository;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
  @Operation(
      summary = "SLA report per channel",
      description =
          "Inquiries whose first-response clock started in the period, per channel and in total:"
              + " answered, unanswered (clock still running or paused) and their share, answered"
              + " late (stopped after the target) and their share, compliance (met / stopped, in"
              + " percent) of the first-response and resolution clocks, and the p50/p90 of their"
              + " counted seconds (business time where the rule has a calendar). JSON by default,"
              + " CSV with Accept: text/csv.")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SlaReport.class),
            examples = @ExampleObject(name = "march", value = JSON_EXAMPLE)),
        @Content(
            mediaType = Csv.MEDIA_TYPE,
            examples = @ExampleObject(name = "march", value = CSV_EXAMPLE))
      })
  @APIResponse(
      responseCode = "400",
      description = "from/to missing, not ISO, or from after to; zone unknown",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(responseCode = "403", description = "Neither supervisor nor admin")
  public Uni<Response> report(@BeanParam ReportRequest request) {
    ReportPeriod period = request.period();
    return repository
        .figures(period)
        .map(figures -> SlaReport.of(period, figures))
        .map(report -> request.respond(report, report::csv));
  }
}
