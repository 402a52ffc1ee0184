package io.switchboard.routing.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.inquiry.Inquiry;
import io.switchboard.routing.lifecycle.Lifecycle.Action;
import io.switchboard.routing.lifecycle.LifecycleService;
import io.switchboard.routing.retry.TransientFailures;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import java.util.function.Function;

/**
 * The operator API. An operator acts only on inquiries assigned to them; supervisors and admins on
 * any. The token's subject is the operator id.
 */
@Path("/api/inquiries/{id}")
@RolesAllowed({"operator", "supervisor", "admin"})
public class InquiryResource {
  private final LifecycleService lifecycle;

  public InquiryResource(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  public record TransferBody(String teamId) {}

  @GET
  @WithSession
  public Uni<InquiryView> get(@PathParam("id") UUID id, SecurityContext security) {
    return Inquiry.<Inquiry>findById(id).map(i -> InquiryView.of(allowed(found(i), security)));
  }

  @POST
  @Path("accept")
  public Uni<InquiryView> accept(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.ACCEPT, actor(security)));
  }

  @POST
  @Path("decline")
  public Uni<InquiryView> decline(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.decline(i, actor(security)));
  }

  @POST
  @Path("replies")
  public Uni<InquiryView> reply(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.OPERATOR_REPLY, actor(security)));
  }

  @POST
  @Path("wait-on-customer")
  public Uni<InquiryView> waitOnCustomer(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.WAIT_ON_CUSTOMER, actor(security)));
  }

  @POST
  @Path("resolve")
  public Uni<InquiryView> resolve(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.RESOLVE, actor(security)));
  }

  @POST
  @Path("close")
  public Uni<InquiryView> close(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.act(i, Action.CLOSE, actor(security)));
  }

  @POST
  @Path("reassign")
  @RolesAllowed({"supervisor", "admin"})
  public Uni<InquiryView> reassign(@PathParam("id") UUID id, SecurityContext security) {
    return act(id, security, i -> lifecycle.reassign(i, actor(security)));
  }

  @POST
  @Path("transfer")
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
   * inquiry itself, the order the queue drain takes too. A deadlock or serialization failure the
   * database still breaks is retried from the start in a fresh session instead of answering 500.
   */
  private Uni<InquiryView> act(
      UUID id, String otherTeam, SecurityContext security, Function<Inquiry, Uni<Inquiry>> action) {
    return Panache.withTransaction(
            () ->
                lifecycle
                    .lockedWithTeams(id, otherTeam)
                    .chain(i -> action.apply(allowed(found(i), security)))
                    .map(InquiryView::of))
        .onFailure(TransientFailures::isTransient)
        .retry()
        .atMost(TransientFailures.ATTEMPTS);
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
