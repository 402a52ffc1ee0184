package io.switchboard.notification.acknowledgement;

import static io.switchboard.notification.ProvidersResource.providers;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.notification.GreenMailResource;
import io.switchboard.notification.ProvidersResource;
import io.switchboard.notification.QuarkusTestBase;
import io.switchboard.notification.TestInquiries;
import io.switchboard.testing.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

/** Acknowledgements on Telegram, site chat and SMS, sent to real local HTTP servers. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(ProvidersResource.class)
class ChannelAcknowledgementTest extends QuarkusTestBase {

  @Test
  void telegramInRussianAnswersTheCustomersMessage() throws Exception {
    String chatId = "9" + Math.abs(uniqueId().hashCode());
    InquiryReceived received =
        TestInquiries.from(
            Channel.TELEGRAM,
            new Customer(null, "Анна", null, null),
            "ru",
            new ReplyAddress(Channel.TELEGRAM, chatId, "4711"));

    kafka.publish(received);

    String body = awaitDelivered("\"" + chatId + "\"").getFirst();
    assertThat(body)
        .contains("Здравствуйте, Анна! Мы получили ваше обращение " + received.ticket())
        .contains("\"message_id\":4711");
    var request = providers().requestsContaining(chatId).getFirst();
    assertThat(request.path())
        .isEqualTo("/telegram/bot" + ProvidersResource.BOT_TOKEN + "/sendMessage");
    assertThat(request.idempotencyKey()).isEqualTo(received.inquiryId() + ":ack:0");
    AcknowledgementSent sent =
        kafka.awaitEvent(
            AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(sent.channel()).isEqualTo(Channel.TELEGRAM);
    assertThat(sent.recipient()).doesNotContain(chatId);
  }

  @Test
  void telegramInEnglish() {
    String chatId = "8" + Math.abs(uniqueId().hashCode());
    InquiryReceived received =
        TestInquiries.from(
            Channel.TELEGRAM,
            new Customer(null, "Bob", null, null),
            "en",
            new ReplyAddress(Channel.TELEGRAM, chatId, null));

    kafka.publish(received);

    assertThat(awaitDelivered("\"" + chatId + "\"").getFirst())
        .contains("Hello Bob! We received your inquiry " + received.ticket())
        .doesNotContain("message_id");
  }

  @Test
  void siteChatThroughTheProvidersWebhookInBothLanguages() {
    String russianSession = "session-" + uniqueId();
    String englishSession = "session-" + uniqueId();
    InquiryReceived russian =
        TestInquiries.from(
            Channel.CHAT,
            new Customer(null, "Иван", null, null),
            "ru",
            new ReplyAddress(Channel.CHAT, russianSession, null));
    InquiryReceived english =
        TestInquiries.from(
            Channel.CHAT,
            new Customer(null, "", null, null),
            "en",
            new ReplyAddress(Channel.CHAT, englishSession, null));

    kafka.publish(russian);
    kafka.publish(english);

    assertThat(awaitDelivered(russianSession).getFirst())
        .contains("Здравствуйте, Иван! Мы получили ваше обращение " + russian.ticket());
    assertThat(awaitDelivered(englishSession).getFirst())
        .contains("Hello! We received your inquiry " + english.ticket());
    assertThat(providers().requestsContaining(russianSession).getFirst().path())
        .isEqualTo("/chat/messages");
  }

  @Test
  void aCallIsAcknowledgedBySmsThroughTheGateway() throws Exception {
    String phone = uniquePhone();
    InquiryReceived call =
        TestInquiries.from(
            Channel.PHONE,
            new Customer(null, "Иван", null, phone),
            "ru",
            new ReplyAddress(Channel.PHONE, phone, null));

    kafka.publish(call);

    assertThat(awaitDelivered(phone).getFirst())
        .contains("\"to\":\"" + phone + "\"")
        .contains("Мы получили ваше обращение " + call.ticket());
    var request = providers().requestsContaining(phone).getFirst();
    assertThat(request.path()).isEqualTo("/sms/send");
    assertThat(request.authorization()).isEqualTo("Bearer " + ProvidersResource.SMS_KEY);
    AcknowledgementSent sent =
        kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(call.inquiryId()));
    assertThat(sent.channel()).isEqualTo(Channel.PHONE);
    assertThat(sent.recipient()).doesNotContain(phone.substring(2, 9));
    assertThat(ledgerStatus(call)).isEqualTo("SENT");
  }

  @Test
  void aFormWithOnlyAPhoneIsAcknowledgedBySmsInEnglish() {
    String phone = uniquePhone();
    InquiryReceived form =
        TestInquiries.from(
            Channel.WEB_FORM,
            new Customer(null, "Bob", null, phone),
            "en",
            new ReplyAddress(Channel.WEB_FORM, phone, null));

    kafka.publish(form);

    assertThat(awaitDelivered(phone).getFirst())
        .contains("Hello Bob! We received your inquiry " + form.ticket());
  }
}
