package io.switchboard.routing.forwarding;

/**
 * Why an assignment moves on. The name starts the {@code InquiryForwarded} reason text; the tag is
 * the {@code reason} of the reassignments metric.
 */
public enum ForwardReason {
  NOT_ACCEPTED("not-accepted"),
  NOT_ANSWERED("not-answered"),
  SLA_ESCALATION("sla-escalation");

  private final String metricTag;

  ForwardReason(String metricTag) {
    this.metricTag = metricTag;
  }

  public String metricTag() {
    return metricTag;
  }

  /** The event's reason text: the code first, so consumers can match it, then the detail. */
  public String describe(String detail) {
    return name() + ": " + detail;
  }
}
