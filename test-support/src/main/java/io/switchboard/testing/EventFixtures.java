package io.switchboard.testing;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builders of valid events with sensible defaults; tests change only what they are about. */
public final class EventFixtures {
  private EventFixtures() {}

  public static InquiryReceivedBuilder inquiryReceived() {
    return new InquiryReceivedBuilder();
  }

  public static final class InquiryReceivedBuilder {
    private String inquiryId = UUID.randomUUID().toString();
    private Instant occurredAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    private Channel channel = Channel.WEB_FORM;
    private String name = "Anna Petrova";
    private String email = "anna." + inquiryId.substring(0, 8) + "@example.com";
    private String phone;
    private String subject = "Cannot add a picture";
    private String text = "How do I add a picture to my profile?";
    private String language = "en";
    private boolean automatic;

    public InquiryReceivedBuilder inquiryId(String inquiryId) {
      this.inquiryId = inquiryId;
      return this;
    }

    public InquiryReceivedBuilder occurredAt(Instant occurredAt) {
      this.occurredAt = occurredAt;
      return this;
    }

    public InquiryReceivedBuilder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    public InquiryReceivedBuilder customer(String name, String email, String phone) {
      this.name = name;
      this.email = email;
      this.phone = phone;
      return this;
    }

    public InquiryReceivedBuilder text(String subject, String text, String language) {
      this.subject = subject;
      this.text = text;
      this.language = language;
      return this;
    }

    public InquiryReceivedBuilder automatic(boolean automatic) {
      this.automatic = automatic;
      return this;
    }

    public InquiryReceived build() {
      return new InquiryReceived(
          EventIds.next(),
          inquiryId,
          occurredAt,
          InquiryReceived.SCHEMA_VERSION,
          "SB-" + inquiryId.replace("-", "").substring(0, 12).toUpperCase(),
          channel,
          new Customer(null, name, email, phone),
          subject,
          text,
          language,
          "test-" + inquiryId,
          automatic,
          InquiryKind.MESSAGE,
          false,
          List.of(),
          email != null
              ? new ReplyAddress(Channel.EMAIL, email, null)
              : new ReplyAddress(Channel.PHONE, phone, null),
          null);
    }
  }
}
