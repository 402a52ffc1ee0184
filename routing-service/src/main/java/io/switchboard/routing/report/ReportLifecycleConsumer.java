package io.switchboard.routing.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code inquiries.lifecycle} for the reports: routing's own assignments, acceptances, forwards,
 * resolutions and operators' replies (status changes with operatorReplied, the only trace of an
 * answer recorded through {@code POST /api/inquiries/{id}/replies}), read back in a consumer group
 * of their own so that reporting never delays routing.
 */
@ApplicationScoped
public class ReportLifecycleConsumer implements EventConsumer {
  private final AssignmentHistory history;

  public ReportLifecycleConsumer(AssignmentHistory history) {
    this.history = history;
  }

  @Override
  public String name() {
    return "report-lifecycle";
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
