package io.switchboard.sla.clock;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code inquiries.inbound}: receipts start the clocks, replies stop and restart them. */
@ApplicationScoped
public class SlaInboundConsumer implements EventConsumer {
  private final ClockLifecycle clocks;

  public SlaInboundConsumer(ClockLifecycle clocks) {
    this.clocks = clocks;
  }

  @Override
  public String name() {
    return "inquiries-inbound";
  }

  @Override
  public Uni<Void> apply(InquiryEvent event) {
    return clocks.apply(event);
  }
}
