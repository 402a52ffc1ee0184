package io.switchboard.notification.csat;

import io.smallrye.mutiny.Uni;
import io.switchboard.notification.metrics.NotificationMetrics;
import io.switchboard.notification.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * CSAT intake: the link in the rating request opens a small page whose form posts here, and clients
 * may post JSON. Refusals are {@code application/problem+json}.
 */
@Path("/csat/{inquiryId}")
public class CsatResource {
  private final CsatIntake intake;
  private final NotificationMetrics metrics;

  public CsatResource(CsatIntake intake, NotificationMetrics metrics) {
    this.intake = intake;
    this.metrics = metrics;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> rate(@PathParam("inquiryId") String inquiryId, CsatRequest request) {
    if (request == null) {
      throw Problem.invalid(
          "rating", List.of(new Problem.FieldError("body", "a rating is required")));
    }
    return intake
        .rate(inquiryId, request.token(), request.score(), request.comment())
        .invoke(metrics::rated)
        .map(
            received ->
                Response.accepted(Map.of("inquiryId", inquiryId, "score", received.score()))
                    .build());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Uni<String> rateFromPage(
      @PathParam("inquiryId") String inquiryId,
      @FormParam("token") String token,
      @FormParam("score") Integer score,
      @FormParam("comment") String comment) {
    return intake
        .rate(inquiryId, token, score, comment)
        .invoke(metrics::rated)
        .map(received -> CsatPage.thanks());
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page(@PathParam("inquiryId") String inquiryId, @QueryParam("token") String token) {
    return CsatPage.form(inquiryId, token);
  }
}
