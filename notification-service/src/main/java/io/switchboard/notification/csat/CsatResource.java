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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
  @Operation(
      summary = "Rate an inquiry (JSON)",
      description = "Publishes csat.received. The token comes from the rating request's link.")
  @RequestBody(
      required = true,
      description = "The rating",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "request",
                      value =
                          "{\"token\":\"3q2-7Yw\",\"score\":5,\"comment\":\"Быстро и вежливо\"}")))
  @APIResponse(
      responseCode = "202",
      description = "Rated",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "202",
                      value =
                          "{\"inquiryId\":\"0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11\",\"score\":5}")))
  @APIResponse(responseCode = "400", description = "Score not 1..5, or a comment over the limit")
  @APIResponse(responseCode = "403", description = "The token does not match the inquiry")
  @APIResponse(responseCode = "404", description = "No such inquiry")
  @APIResponse(responseCode = "409", description = "Already rated")
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
  @Operation(
      summary = "Rate an inquiry from the rating page",
      description = "The page's form post; answers with a thank-you page.")
  @RequestBody(
      required = true,
      description = "The rating form",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_FORM_URLENCODED,
              examples =
                  @ExampleObject(name = "form", value = "token=3q2-7Yw&score=4&comment=Спасибо")))
  @APIResponse(responseCode = "200", description = "The thank-you page (text/html)")
  @APIResponse(responseCode = "400", description = "Score not 1..5, or a comment over the limit")
  @APIResponse(responseCode = "403", description = "The token does not match the inquiry")
  @APIResponse(responseCode = "404", description = "No such inquiry")
  @APIResponse(responseCode = "409", description = "Already rated")
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
  @Operation(
      summary = "The rating page",
      description = "The page the rating request links to, with its signed token.")
  @APIResponse(responseCode = "200", description = "The page (text/html)")
  @APIResponse(responseCode = "406", description = "The Accept header excludes text/html")
  public String page(@PathParam("inquiryId") String inquiryId, @QueryParam("token") String token) {
    return CsatPage.form(inquiryId, token);
  }
}
