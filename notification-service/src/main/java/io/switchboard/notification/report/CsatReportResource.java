package io.switchboard.notification.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.notification.problem.Problem;
import io.switchboard.platform.report.Csv;
import io.switchboard.platform.report.InvalidReportRequest;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer ratings per channel and per operator, from the ratings this service took. */
@Path("/reports/csat")
@RolesAllowed({"supervisor", "admin"})
@SecurityRequirement(name = "bearerJwt")
@Tag(name = "Reports")
public class CsatReportResource {
  static final String JSON_EXAMPLE =
      """
      {"from":"2026-03-01T00:00:00Z","to":"2026-04-01T00:00:00Z","zone":"UTC",
       "channels":[{"key":"CHAT","responses":5,"averageScore":3.6,"csatPercent":60.0,
         "distribution":{"1":1,"2":0,"3":1,"4":1,"5":2}}],
       "operators":[{"key":"anna","responses":5,"averageScore":3.6,"csatPercent":60.0,
         "distribution":{"1":1,"2":0,"3":1,"4":1,"5":2}}],
       "total":{"key":null,"responses":5,"averageScore":3.6,"csatPercent":60.0,
         "distribution":{"1":1,"2":0,"3":1,"4":1,"5":2}}}
      """;
  static final String CSV_EXAMPLE =
      """
      group,key,responses,average_score,csat_pct,score_1,score_2,score_3,score_4,score_5
      channel,CHAT,5,3.6,60.0,1,0,1,1,2
      operator,anna,5,3.6,60.0,1,0,1,1,2
      total,,5,3.6,60.0,1,0,1,1,2
      """;

  private final CsatReportRepository repository;

  public CsatReportResource(CsatReportRepository repository) {
    this.repository = repository;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
  @Operation(
      summary = "CSAT report per channel and per operator",
      description =
          "Ratings received in the period: responses, average score (2 decimals), CSAT (share of"
              + " scores 4 and 5, in percent) and the distribution of scores 1 to 5, per channel,"
              + " per operator the inquiry was assigned to (null key: none) and in total. JSON by"
              + " default, CSV with Accept: text/csv.")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CsatReport.class),
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
    ReportPeriod period = period(request);
    return repository
        .figures(period)
        .map(figures -> CsatReport.of(period, figures))
        .map(report -> request.respond(report, report::csv));
  }

  private static ReportPeriod period(ReportRequest request) {
    try {
      return request.period();
    } catch (InvalidReportRequest e) {
      throw Problem.invalid(
          "report request",
          e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
    }
  }
}
