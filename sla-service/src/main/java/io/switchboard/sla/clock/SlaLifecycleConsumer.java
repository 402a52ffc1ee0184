package io.switchboard.sla.clock;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code inquiries.lifecycle}: priority and team retarget the clocks, the assignee is who answers,
 * status changes pause, resume and stop them.
 */
@ApplicationScoped
public class SlaLifecycleConsumer implements EventConsumer {
  private final ClockLifecycle clocks;

  public SlaLifecycleConsumer(ClockLifecycle clocks) {
    this.clocks = clocks;
  }

  @Override
  public String name() {
    return "inquiries-lifecycle";
  }

  @Override
  public boolean wants(InquiryEvent event) {
    return event instanceof InquiryPrioritized
        || event instanceof InquiryAssigned
        || event instanceof InquiryStatusChanged;
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
