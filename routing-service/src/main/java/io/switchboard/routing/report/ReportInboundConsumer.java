package io.switchboard.routing.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code inquiries.inbound} for the reports: the operators' replies, in the reports' consumer
 * group.
 */
@ApplicationScoped
public class ReportInboundConsumer implements EventConsumer {
  private final AssignmentHistory history;

  public ReportInboundConsumer(AssignmentHistory history) {
    this.history = history;
  }

  @Override
  public String name() {
    return "report-inbound";
  }

  @Override
  public boolean wants(InquiryEvent event) {
    return AssignmentHistory.records(event);
  }

  @Override
  public Uni<Void> apply(InquiryEvent event) {
    return history.recordAll(List.of(event));
  }

  @Override
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    return history.recordAll(events);
  }
}
