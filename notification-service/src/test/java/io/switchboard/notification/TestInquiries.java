package io.switchboard.notification;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.testing.EventFixtures;
import java.util.List;

/**
 * Inquiries from channels the shared fixture does not build: its reply address is e-mail or SMS.
 */
public final class TestInquiries {
  private TestInquiries() {}

  public static InquiryReceived from(
      Channel channel, Customer customer, String language, ReplyAddress replyAddress) {
    return from(channel, customer, language, replyAddress, InquiryKind.MESSAGE);
  }

  public static InquiryReceived from(
      Channel channel,
      Customer customer,
      String language,
      ReplyAddress replyAddress,
      InquiryKind kind) {
    InquiryReceived base =
        EventFixtures.inquiryReceived().channel(channel).text("Help", "Help me", language).build();
    return new InquiryReceived(
        base.eventId(),
        base.inquiryId(),
        base.occurredAt(),
        base.schemaVersion(),
        base.ticket(),
        channel,
        customer,
        base.subject(),
        base.text(),
        language,
        base.sourceMessageId(),
        false,
        kind,
        false,
        List.of(),
        replyAddress,
        null);
  }
}
