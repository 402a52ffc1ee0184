package io.switchboard.routing.lifecycle;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Publishes every lifecycle move with the state before and after, in the caller's transaction. */
@ApplicationScoped
public class StatusChanges {
  private final Outbox outbox;

  public StatusChanges(Outbox outbox) {
    this.outbox = outbox;
  }

  public Uni<Void> record(Inquiry inquiry, InquiryStatus previous, String actor, String reason) {
    if (previous == inquiry.status) {
      return Uni.createFrom().voidItem();
    }
    return outbox.stage(
        new InquiryStatusChanged(
            EventIds.next(),
            inquiry.id.toString(),
            Instant.now(),
            InquiryStatusChanged.SCHEMA_VERSION,
            previous,
            inquiry.status,
            actor,
            reason));
  }
}
