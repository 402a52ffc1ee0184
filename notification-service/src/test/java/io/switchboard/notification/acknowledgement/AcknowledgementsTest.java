package io.switchboard.notification.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.notification.TestInquiries;
import io.switchboard.notification.delivery.QueuedDelivery;
import io.switchboard.notification.template.MessageTemplates;
import io.switchboard.testing.EventFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {
  private static final Duration WAIT = Duration.ofSeconds(3);

  @Test
  void anAcknowledgementWaitsForTheDueTimeUnlessItIsKnown() {
    InquiryReceived inquiry =
        EventFixtures.inquiryReceived().customer("Anna", "anna@example.com", null).build();
    AcknowledgementRoute route = Acknowledgements.routeOf(inquiry).orElseThrow();

    QueuedDelivery waiting = Acknowledgements.plan(inquiry, route, false, WAIT);
    QueuedDelivery now = Acknowledgements.plan(inquiry, route, true, WAIT);

    assertThat(waiting.dueAt()).isEqualTo(inquiry.occurredAt().plus(WAIT));
    assertThat(now.dueAt()).isNull();
    assertThat(now.id()).isEqualTo(inquiry.inquiryId() + ":ack:0");
    assertThat(now.template()).isEqualTo(MessageTemplates.Name.ACKNOWLEDGEMENT);
    assertThat(now.medium()).isEqualTo(DeliveryMedium.EMAIL);
    assertThat(now.recipient()).isEqualTo("a***@example.com");
    assertThat(now.data())
        .containsEntry("name", "Anna")
        .containsEntry("ticket", inquiry.ticket())
        .containsEntry("channel", inquiry.channel().name());
  }

  @Test
  void machineWrittenMailAndBouncesAreNeverAcknowledged() {
    InquiryReceived automatic =
        EventFixtures.inquiryReceived()
            .customer(null, "mailer@example.com", null)
            .automatic(true)
            .build();
    InquiryReceived bounce =
        withBounceOf(
            TestInquiries.from(
                Channel.EMAIL,
                new Customer(null, "", "mailer-daemon@example.com", null),
                "en",
                new ReplyAddress(Channel.EMAIL, "mailer-daemon@example.com", null)),
            "<x.ack.0@switchboard>");

    assertThat(Acknowledgements.routeOf(automatic)).isEmpty();
    assertThat(Acknowledgements.routeOf(bounce)).isEmpty();
  }

  @Test
  void atMostTheLimitPerAddressWithinABatch() {
    InquiryReceived first =
        EventFixtures.inquiryReceived().customer("Anna", "anna@example.com", null).build();
    InquiryReceived again =
        EventFixtures.inquiryReceived().customer("Anna", "ANNA@example.com ", null).build();
    InquiryReceived third =
        EventFixtures.inquiryReceived().customer("Anna", "anna@example.com", null).build();
    InquiryReceived other =
        EventFixtures.inquiryReceived().customer("Bob", "bob@example.com", null).build();

    List<QueuedDelivery> acks =
        Acknowledgements.atMostPerAddress(
            List.of(plan(first), plan(again), plan(third), plan(other)), 2);

    assertThat(acks)
        .extracting(QueuedDelivery::suppressed)
        .containsExactly(false, false, true, false);
  }

  private static QueuedDelivery plan(InquiryReceived inquiry) {
    return Acknowledgements.plan(
        inquiry, Acknowledgements.routeOf(inquiry).orElseThrow(), true, WAIT);
  }

  private static InquiryReceived withBounceOf(InquiryReceived base, String bounceOf) {
    return new InquiryReceived(
        base.eventId(),
        base.inquiryId(),
        base.occurredAt(),
        base.schemaVersion(),
        base.ticket(),
        base.channel(),
        base.customer(),
        base.subject(),
        base.text(),
        base.language(),
        base.sourceMessageId(),
        false,
        base.kind(),
        false,
        List.of(),
        base.replyAddress(),
        bounceOf);
  }
}
