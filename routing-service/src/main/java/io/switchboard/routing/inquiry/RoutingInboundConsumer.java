package io.switchboard.routing.inquiry;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code inquiries.inbound}: new inquiries are routed, replies move them on. */
@ApplicationScoped
public class RoutingInboundConsumer implements EventConsumer {
  private final InquiryRouter router;

  public RoutingInboundConsumer(InquiryRouter router) {
    this.router = router;
  }

  @Override
  public String name() {
    return "inquiries-inbound";
  }

  @Override
  public boolean wants(InquiryEvent event) {
    return InquiryRouter.handles(event);
  }

  @Override
  public Uni<Void> apply(InquiryEvent event) {
    return router.applyAll(List.of(event));
  }

  // The batch's teams are locked up front, all at once and in id order, not event by event.
  @Override
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    return router.applyAll(events);
  }
}
