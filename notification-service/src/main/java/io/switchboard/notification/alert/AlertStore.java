package io.switchboard.notification.alert;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Recipients and held alerts, each call its own session. */
@ApplicationScoped
public class AlertStore {

  /** The operator, or their supervisor; null when not registered. */
  @WithSession
  public Uni<Recipient> recipient(String operatorId, boolean supervisor) {
    Uni<Recipient> operator = Recipient.findById(operatorId);
    if (!supervisor) {
      return operator;
    }
    return operator.chain(
        found ->
            found == null || found.supervisorId == null
                ? Uni.createFrom().nullItem()
                : Recipient.<Recipient>findById(found.supervisorId));
  }

  /** Keeps the first hold: a redelivered event does not hold it twice. */
  @WithTransaction
  public Uni<Void> hold(String notificationId, AlertPlan plan, String recipientId) {
    return HeldAlert.<HeldAlert>findById(notificationId)
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              HeldAlert held = new HeldAlert();
              held.notificationId = notificationId;
              held.inquiryId = UUID.fromString(plan.inquiryId());
              held.recipientId = recipientId;
              held.kind = plan.kind();
              held.level = plan.level();
              held.subject = plan.subject();
              held.text = plan.text();
              held.heldAt = Instant.now();
              return held.persist().replaceWithVoid();
            });
  }

  @WithSession
  public Uni<List<HeldAlert>> held() {
    return HeldAlert.listAll();
  }

  @WithTransaction
  public Uni<Void> release(String notificationId) {
    return HeldAlert.deleteById(notificationId).replaceWithVoid();
  }
}
