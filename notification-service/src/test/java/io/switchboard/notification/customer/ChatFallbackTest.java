package io.switchboard.notification.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.CustomerNotified;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.contracts.Topics;
import io.switchboard.notification.GreenMailResource;
import io.switchboard.notification.ProvidersResource;
import io.switchboard.notification.QuarkusTestBase;
import io.switchboard.notification.TestInquiries;
import io.switchboard.testing.SwitchboardTestResource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A chat nobody answered in time is invited to continue in a messenger. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(ProvidersResource.class)
class ChatFallbackTest extends QuarkusTestBase {

  @Test
  void aBreachedChatGetsTheMessengerInvitationOnce() {
    String session = "session-" + uniqueId();
    InquiryReceived chat =
        TestInquiries.from(
            Channel.CHAT,
            new Customer(null, "Иван", null, null),
            "ru",
            new ReplyAddress(Channel.CHAT, session, null));
    kafka.publish(chat);
    kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(chat.inquiryId()));
    SlaBreached breached = breached(chat);

    kafka.publish(breached);
    var again = kafka.publish(breached);

    CustomerNotified notified =
        kafka.awaitEvent(
            CustomerNotified.class,
            e ->
                e.inquiryId().equals(chat.inquiryId())
                    && e.kind() == NotificationKind.CHAT_FALLBACK);
    assertThat(notified.medium()).isEqualTo(DeliveryMedium.CHAT);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.SLA_EVENTS), again);
    assertThat(ProvidersResource.providers().deliveredContaining(session))
        .filteredOn(body -> body.contains("t.me/switchboard_support"))
        .singleElement()
        .asString()
        .contains("Иван, извините")
        .contains(chat.ticket());
  }

  private static SlaBreached breached(InquiryReceived chat) {
    return new SlaBreached(
        EventIds.next(),
        chat.inquiryId(),
        Instant.now(),
        SlaBreached.SCHEMA_VERSION,
        ClockKind.FIRST_RESPONSE,
        Channel.CHAT,
        Priority.P2,
        chat.occurredAt().plusSeconds(120),
        null);
  }
}
