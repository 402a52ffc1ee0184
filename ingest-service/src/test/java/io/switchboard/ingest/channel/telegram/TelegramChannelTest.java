package io.switchboard.ingest.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.Topics;
import io.switchboard.ingest.channel.Samples;
import io.switchboard.ingest.channel.Webhooks;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /channels/telegram} on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class TelegramChannelTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void aChatOpensAnInquiryAndItsNextMessageRepliesInIt() {
    String inquiryId =
        Webhooks.telegram(Webhooks.TELEGRAM_SECRET, Samples.text("telegram/message-text.json"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    InquiryReceived received =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(received.channel()).isEqualTo(Channel.TELEGRAM);
    assertThat(received.customer().name()).isEqualTo("Дмитрий Орлов");
    assertThat(received.replyAddress().address()).isEqualTo("987654321");

    Webhooks.telegram(Webhooks.TELEGRAM_SECRET, Samples.text("telegram/message-photo-contact.json"))
        .statusCode(202)
        .body("inquiryId", equalTo(inquiryId));
    CustomerReplied reply =
        kafka.awaitEvent(CustomerReplied.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(reply.text()).isEqualTo("Вот фото накладной");
    assertThat(reply.attachments())
        .containsExactly(new Attachment("photo.jpg", "image/jpeg", 58211));

    Webhooks.telegram(Webhooks.TELEGRAM_SECRET, Samples.text("telegram/message-text.json"))
        .statusCode(202)
        .body("inquiryId", equalTo(inquiryId));
  }

  @Test
  void aChatWritingAgainAfterItsInquiryWasClosedOpensANewOne() {
    long chat =
        100_000 + Math.abs(java.util.UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    String first =
        Webhooks.telegram(Webhooks.TELEGRAM_SECRET, textUpdate(chat, 1, "Не приходит код"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    Webhooks.telegram(Webhooks.TELEGRAM_SECRET, textUpdate(chat, 2, "Всё ещё не приходит"))
        .statusCode(202)
        .body("inquiryId", equalTo(first));

    var closed =
        kafka.publish(
            new InquiryStatusChanged(
                EventIds.next(),
                first,
                Instant.now(),
                InquiryStatusChanged.SCHEMA_VERSION,
                InquiryStatus.RESOLVED,
                InquiryStatus.CLOSED,
                "duty-1",
                "resolved and confirmed",
                false));
    kafka.awaitConsumed("ingest-service", kafka.topic(Topics.INQUIRIES_LIFECYCLE), closed);

    String second =
        Webhooks.telegram(Webhooks.TELEGRAM_SECRET, textUpdate(chat, 3, "Теперь другой вопрос"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    assertThat(second).isNotEqualTo(first);
    assertThat(kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(second)).text())
        .isEqualTo("Теперь другой вопрос");
  }

  private static String textUpdate(long chat, int messageId, String text) {
    return """
        {"update_id": %d, "message": {"message_id": %d, "date": 1795440000,
         "from": {"id": %d, "first_name": "Ирина"}, "chat": {"id": %d, "type": "private"},
         "text": "%s"}}
        """
        .formatted(chat * 10 + messageId, messageId, chat, chat, text);
  }

  @Test
  void updatesWithoutANewMessageAreAcknowledgedAndIgnored() {
    Webhooks.telegram(Webhooks.TELEGRAM_SECRET, Samples.text("telegram/edited-message.json"))
        .statusCode(204);
  }

  @Test
  void aMissingOrWrongSecretTokenIsUnauthorized() {
    String body = Samples.text("telegram/message-text.json").replace("987654321", "111");
    Webhooks.telegram(null, body)
        .statusCode(401)
        .contentType("application/problem+json")
        .body("title", equalTo("Invalid secret token"));
    Webhooks.telegram("guess", body)
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("X-Telegram-Bot-Api-Secret-Token"))
        .body("detail", not(containsString("X-Api-Key")));
    Webhooks.telegram(Webhooks.TELEGRAM_SECRET, "{\"update_id\": \"one\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("update_id"));
    assertThat(
            kafka.eventsSoFar(InquiryReceived.class, e -> e.replyAddress().address().equals("111")))
        .isEmpty();
  }
}
