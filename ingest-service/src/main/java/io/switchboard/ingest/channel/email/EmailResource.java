package io.switchboard.ingest.channel.email;

import io.smallrye.mutiny.Uni;
import io.switchboard.ingest.intake.Accepted;
import io.switchboard.ingest.security.ApiKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The e-mail channel: {@code POST /channels/email} with a raw RFC 5322 message, as an MTA pipe or a
 * mail provider's inbound hook delivers it.
 */
@Path("/channels/email")
public class EmailResource {
  public static final String MEDIA_TYPE = "message/rfc822";
  private static final String CHANNEL = "email";

  private final ApiKeys apiKeys;
  private final EmailIntake emails;

  public EmailResource(ApiKeys apiKeys, EmailIntake emails) {
    this.apiKeys = apiKeys;
    this.emails = emails;
  }

  @POST
  @Consumes(MEDIA_TYPE)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Take in a raw e-mail (RFC 5322)",
      description =
          "From an MTA pipe or a provider's inbound hook. In-Reply-To/References or [SB-…] in the"
              + " subject continue an inquiry; mail from a support address is an operator's reply.")
  @SecurityRequirement(name = "apiKey")
  @RequestBody(
      required = true,
      description = "The message as the MTA received it",
      content =
          @Content(
              mediaType = MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "mail",
                      value =
                          "From: Anna <anna@example.com>\r\nTo: support@switchboard.local\r\n"
                              + "Subject: Payment failed\r\nMessage-ID: <m1@example.com>\r\n"
                              + "\r\nI was charged twice.\r\n")))
  @APIResponse(
      responseCode = "202",
      description = "A new inquiry, or a reply in a known one; acknowledged by the broker",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "accepted", value = Accepted.EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Unreadable message, no sender or no text")
  @APIResponse(responseCode = "401", description = "Missing or wrong X-Api-Key")
  @APIResponse(
      responseCode = "422",
      description = "Mail from a support address that continues no known inquiry")
  @APIResponse(
      responseCode = "503",
      description = "Broker or database unavailable; retry after Retry-After")
  public Uni<Response> receive(@HeaderParam(ApiKeys.HEADER) String apiKey, byte[] raw) {
    long started = System.nanoTime();
    apiKeys.verify(CHANNEL, apiKey);
    return emails.receive(raw, started);
  }
}
