package io.switchboard.sla.clock;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.contracts.Priority;
import java.time.Instant;
import java.util.List;

/** The upstream events the clocks follow, as ingest and routing would publish them. */
final class SlaEvents {
  private SlaEvents() {}

  static OperatorReplied operatorReplied(String inquiryId, Instant at) {
    return new OperatorReplied(
        EventIds.next(),
        inquiryId,
        at,
        OperatorReplied.SCHEMA_VERSION,
        Channel.CHAT,
        "op-1",
        "support@example.com",
        "m-" + EventIds.next());
  }

  static CustomerReplied customerReplied(String inquiryId, Instant at) {
    return new CustomerReplied(
        EventIds.next(),
        inquiryId,
        at,
        CustomerReplied.SCHEMA_VERSION,
        Channel.CHAT,
        "Still not working",
        false,
        List.of(),
        "m-" + EventIds.next(),
        false);
  }

  static InquiryStatusChanged statusChanged(
      String inquiryId, Instant at, InquiryStatus previous, InquiryStatus current) {
    return new InquiryStatusChanged(
        EventIds.next(),
        inquiryId,
        at,
        InquiryStatusChanged.SCHEMA_VERSION,
        previous,
        current,
        "op-1",
        "test",
        false);
  }

  static InquiryPrioritized prioritized(String inquiryId, Instant at, Priority priority) {
    return new InquiryPrioritized(
        EventIds.next(),
        inquiryId,
        at,
        InquiryPrioritized.SCHEMA_VERSION,
        priority,
        List.of("test"),
        "retail",
        "support",
        null,
        null);
  }

  static InquiryAssigned assigned(String inquiryId, Instant at, String operatorId) {
    return new InquiryAssigned(
        EventIds.next(),
        inquiryId,
        at,
        InquiryAssigned.SCHEMA_VERSION,
        "support",
        operatorId,
        null,
        "least busy");
  }
}
