package io.switchboard.sla.clock;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Priority;
import java.util.UUID;

/**
 * What the clocks need to know about an inquiry (a row of {@code sla_inquiry}): the policy's
 * criteria and whom to alert. Lifecycle events may come before the inquiry itself, so everything
 * but the id may still be unknown.
 */
public final class SlaInquiry {
  public final UUID inquiryId;
  public Channel channel;
  public Priority priority;
  public String segment;
  public String teamId;
  public String assigneeId;

  public SlaInquiry(UUID inquiryId) {
    this.inquiryId = inquiryId;
  }
}
