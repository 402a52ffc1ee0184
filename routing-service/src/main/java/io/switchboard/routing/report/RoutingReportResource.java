package io.switchboard.routing.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.platform.report.Csv;
import io.switchboard.platform.report.InvalidReportRequest;
import io.switchboard.platform.report.ReportPeriod;
import io.switchboard.platform.report.ReportRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Supervisor reports from routing's store: when inquiries arrive, and how operators do. */
@Path("/reports")
@RolesAllowed({"supervisor", "admin"})
@Tag(name = "Reports")
public class RoutingReportResource {
  static final String ARRIVALS_JSON =
      """
      {"from":"2026-03-02T00:00:00Z","to":"2026-03-09T00:00:00Z","zone":"Europe/Moscow",
       "channel":"CHAT","weekdays":["MON","TUE","WED","THU","FRI","SAT","SUN"],
       "counts":[[0,0,0,0,0,0,0,0,0,3,5,2,0,0,0,0,0,0,0,0,0,0,0,0],"... 6 more rows of 24"],
       "weekdayTotals":[10,0,0,0,0,0,0],
       "hourTotals":[0,0,0,0,0,0,0,0,0,3,5,2,0,0,0,0,0,0,0,0,0,0,0,0],
       "total":10}
      """;
  static final String ARRIVALS_CSV =
      """
      weekday,hour,count
      MON,0,0
      MON,9,3
      MON,10,5
      SUN,23,0
      """;
  static final String OPERATORS_JSON =
      """
      {"from":"2026-03-01T00:00:00Z","to":"2026-04-01T00:00:00Z","zone":"UTC",
       "operators":[{"operatorId":"anna","name":"Petrova, Anna","team":"support",
         "assigned":5,"accepted":3,"resolved":2,"forwardedAway":1,
         "firstReplyP50Seconds":75.0,"firstReplyP90Seconds":111.0,
         "resolutionP50Seconds":900.0}]}
      """;
  static final String OPERATORS_CSV =
      """
      operator_id,name,team,assigned,accepted,resolved,forwarded_away,first_reply_p50_seconds,\
      first_reply_p90_seconds,resolution_p50_seconds
      anna,"Petrova, Anna",support,5,3,2,1,75.0,111.0,900.0
      """;

  private final ArrivalsRepository arrivals;
  private final OperatorsRepository operators;

  public RoutingReportResource(ArrivalsRepository arrivals, OperatorsRepository operators) {
    this.arrivals = arrivals;
    this.operators = operators;
  }

  @GET
  @Path("/arrivals")
  @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
  @Operation(
      summary = "Arrivals heat map: inquiries received per weekday and hour",
      description =
          "Counts the inquiries received in the period by weekday (MON..SUN) and hour (0..23) of"
              + " the zone, for staffing. JSON gives a 7×24 matrix with totals per weekday, per"
              + " hour and overall; CSV (Accept: text/csv) gives all 168 rows weekday,hour,count.")
  @APIResponse(
      responseCode = "200",
      description = "The heat map",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArrivalsReport.class),
            examples = @ExampleObject(name = "week", value = ARRIVALS_JSON)),
        @Content(
            mediaType = Csv.MEDIA_TYPE,
            examples = @ExampleObject(name = "week", value = ARRIVALS_CSV))
      })
  @APIResponse(
      responseCode = "400",
      description = "from/to missing, not ISO, or from after to; zone or channel unknown",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(responseCode = "403", description = "Neither supervisor nor admin")
  public Uni<Response> arrivals(
      @BeanParam ReportRequest request,
      @Parameter(
              description = "Only this channel's inquiries; all channels when missing",
              schema = @Schema(type = SchemaType.STRING, implementation = Channel.class),
              example = "CHAT")
          @QueryParam("channel")
          String channel) {
    ReportPeriod period = request.period();
    Channel only = channel(channel);
    return arrivals
        .cells(period, only)
        .map(cells -> ArrivalsReport.of(period, only == null ? null : only.name(), cells))
        .map(report -> request.respond(report, report::csv));
  }

  @GET
  @Path("/operators")
  @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
  @Operation(
      summary = "Per-operator figures",
      description =
          "For each operator assigned an inquiry in the period: assignments, how many they"
              + " accepted and resolved, how many were forwarded away from them (not accepted or"
              + " not answered in time), the median and p90 seconds from assignment to their first"
              + " reply (by e-mail or chat, or recorded through POST /api/inquiries/{id}/replies)"
              + " and the median seconds from assignment to resolution.")
  @APIResponse(
      responseCode = "200",
      description = "The operators' figures",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OperatorsReport.class),
            examples = @ExampleObject(name = "march", value = OPERATORS_JSON)),
        @Content(
            mediaType = Csv.MEDIA_TYPE,
            examples = @ExampleObject(name = "march", value = OPERATORS_CSV))
      })
  @APIResponse(
      responseCode = "400",
      description = "from/to missing, not ISO, or from after to; zone unknown",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(responseCode = "403", description = "Neither supervisor nor admin")
  public Uni<Response> operators(@BeanParam ReportRequest request) {
    ReportPeriod period = request.period();
    return operators
        .figures(period)
        .map(figures -> OperatorsReport.of(period, figures))
        .map(report -> request.respond(report, report::csv));
  }

  private static Channel channel(String channel) {
    if (channel == null || channel.isBlank()) {
      return null;
    }
    try {
      return Channel.valueOf(channel.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidReportRequest(
          List.of(new InvalidReportRequest.FieldError("channel", "not a channel")));
    }
  }
}
