package io.switchboard.routing.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.switchboard.platform.retry.Conflicts;
import io.switchboard.routing.Locks;
import io.switchboard.routing.inquiry.Inquiry;
import io.switchboard.routing.lifecycle.Lifecycle.Action;
import io.switchboard.routing.lifecycle.LifecycleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The operator API. An operator acts only on inquiries assigned to them; supervisors and admins on
 * any. The token's subject is the operator id.
 */
@Path("/api/inquiries/{id}")
@RolesAllowed({"operator", "supervisor", "admin"})
@SecurityRequirement(name = "bearerJwt")
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify")
@APIResponse(
    responseCode = "403",
    description =
        "The token lacks the role, or an operator acts on an inquiry not assigned to them")
@APIResponse(
    responseCode = "200",
    description = "The inquiry (after the action, for an action)",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "inquiry", value = InquiryResource.EXAMPLE)))
@APIResponse(responseCode = "404", description = "No inquiry with this id")
@APIResponse(
    responseCode = "409",
    description = "The action does not apply in the inquiry's current state (actions only)")
public class InquiryResource {
  static final String EXAMPLE =
      """
      {"id":"0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11","ticket":"SB-2K7Q-4M","channel":"CHAT",
       "priority":"P1","matchedRules":["money-lost"],"segment":"regular","topic":"billing",
       "teamRule":"billing-words","status":"ACCEPTED","teamId":"billing","operatorId":"anna",
       "receivedAt":"2026-03-02T09:14:05Z","assignedAt":"2026-03-02T09:14:06Z"}""";

  private final LifecycleService lifecycle;
  private final Locks locks;

  public InquiryResource(LifecycleService lifecycle, Locks locks) {
    this.lifecycle = lifecycle;
    this.locks = locks;
  }

  public record TransferBody(String teamId) {}

  @GET
  @WithSession
  @Operation(
      summary = "Read an inquiry",
      description = "Its priority, the rules that set it, status, team and operator.")
  public Uni<InquiryView> get(@PathParam("id") UUID id, SecurityContext security) {
    return Inquiry.<Inquiry>findById(id).map(i -> InquiryView.of(allowed(found(i), security)));
  }

  @POST
  @Path("accept")
  @Operation(
      summary = "Accept an assigned inquiry",
      description = "The assignee takes the inquiry; stops the forwarding timer.")
  public Uni<InquiryView> accept(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.ACCEPT, actor(security)));
  }

  @POST
  @Path("decline")
  @Operation(
      summary = "Decline an assigned inquiry",
      description = "It goes to the next eligible operator or back to the queue.")
  public Uni<InquiryView> decline(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.decline(i, actor(security)));
  }

  @POST
  @Path("replies")
  @Operation(
      summary = "Record that I answered",
      description =
          "The operator answered the customer outside Switchboard; stops the first-response clock.")
  public Uni<InquiryView> reply(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.OPERATOR_REPLY, actor(security)));
  }

  @POST
  @Path("wait-on-customer")
  @Operation(
      summary = "Wait on the customer",
      description = "Pauses the SLA clocks until the customer writes again.")
  public Uni<InquiryView> waitOnCustomer(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.WAIT_ON_CUSTOMER, actor(security)));
  }

  @POST
  @Path("resolve")
  @Operation(
      summary = "Resolve",
      description = "The customer gets the resolution notice and a rating request.")
  public Uni<InquiryView> resolve(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.RESOLVE, actor(security)));
  }

  @POST
  @Path("close")
  @Operation(summary = "Close", description = "Ends the inquiry; a later message starts a new one.")
  public Uni<InquiryView> close(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.CLOSE, actor(security)));
  }

  @POST
  @Path("reassign")
  @RolesAllowed({"supervisor", "admin"})
  @Operation(
      summary = "Reassign (supervisor)",
      description = "Takes the inquiry from its operator and assigns it anew.")
  public Uni<InquiryView> reassign(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.reassign(i, actor(security)));
  }

  @POST
  @Path("transfer")
  @Operation(
      summary = "Transfer to another team",
      description = "The inquiry leaves its operator and is routed in the given team.")
  @RequestBody(
      required = true,
      description = "The team to move to",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "request", value = "{\"teamId\":\"billing\"}")))
  @APIResponse(responseCode = "400", description = "No teamId, or an unknown team")
  public Uni<InquiryView> transfer(
      @PathParam("id") UUID id, TransferBody body, SecurityContext security) {
    if (body == null || body.teamId() == null || body.teamId().isBlank()) {
      throw new BadRequestException("teamId is required");
    }
    return act(
        id, body.teamId(), security, i -> lifecycle.transfer(i, body.teamId(), actor(security)));
  }

  private Uni<InquiryView> act(
      UUID id, SecurityContext security, Function<Inquiry, Uni<Inquiry>> action) {
    return act(id, null, security, action);
  }

  /**
   * One transaction with the inquiry's team (and {@code otherTeam}) locked in id order before the
   * inquiry itself ({@link Locks}). A conflict the database still reports, or an inquiry that moved
   * team while being locked, runs it again from the start in a fresh session instead of answering
   * 500.
   */
  private Uni<InquiryView> act(
      UUID id, String otherTeam, SecurityContext security, Function<Inquiry, Uni<Inquiry>> action) {
    return Conflicts.retry(
        () ->
            Panache.withTransaction(
                () ->
                    locks
                        .inquiryWithTeams(id, otherTeam)
                        .chain(i -> action.apply(allowed(found(i), security)))
                        .map(InquiryView::of)));
  }

  private static Inquiry found(Inquiry inquiry) {
    if (inquiry == null) {
      throw new NotFoundException();
    }
    return inquiry;
  }

  private static Inquiry allowed(Inquiry inquiry, SecurityContext security) {
    boolean anyInquiry = security.isUserInRole("supervisor") || security.isUserInRole("admin");
    if (!anyInquiry && !actor(security).equals(inquiry.operatorId)) {
      throw new ForbiddenException("Not assigned to you");
    }
    return inquiry;
  }

  private static String actor(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }
}
