package io.switchboard.sla.clock;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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
    return clocks.applyAll(List.of(event));
  }

  @Override
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    return clocks.applyAll(events);
  }
}
