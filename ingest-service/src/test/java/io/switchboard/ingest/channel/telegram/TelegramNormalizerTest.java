package io.switchboard.ingest.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.ingest.channel.Samples;
import io.switchboard.ingest.problem.FieldError;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TelegramNormalizerTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static TelegramUpdate update(String sample) throws Exception {
    return JSON.readValue(Samples.bytes("telegram/" + sample), TelegramUpdate.class);
  }

  @Test
  void aTextMessageBecomesAnInquiryAnsweredInTheSameChat() throws Exception {
    var message = update("message-text.json").message();
    assertThat(TelegramNormalizer.validate(message)).isEmpty();
    var event =
        TelegramNormalizer.received(
            message, TelegramNormalizer.customer(message, "RU"), NOW, 1000, new Random(1));
    assertThat(event.channel()).isEqualTo(Channel.TELEGRAM);
    assertThat(event.kind()).isEqualTo(InquiryKind.MESSAGE);
    assertThat(event.customer().name()).isEqualTo("Дмитрий Орлов");
    assertThat(event.customer().phone()).isNull();
    assertThat(event.text()).startsWith("Добрый день! Курьер");
    assertThat(event.language()).isEqualTo("ru");
    assertThat(event.sourceMessageId()).isEqualTo("987654321:5121");
    assertThat(event.replyAddress().address()).isEqualTo("987654321");
    assertThat(event.replyAddress().threadRef()).isEqualTo("5121");
  }

  @Test
  void aPhotoKeepsItsLargestSizeAndTheCaptionAndTheOwnSharedContactGivesThePhone()
      throws Exception {
    var message = update("message-photo-contact.json").message();
    assertThat(TelegramNormalizer.attachments(message))
        .containsExactly(new Attachment("photo.jpg", "image/jpeg", 58211));
    assertThat(TelegramNormalizer.text(message)).isEqualTo("Вот фото накладной");
    assertThat(TelegramNormalizer.customer(message, "RU").phone()).isEqualTo("+79161234567");
  }

  @Test
  void somebodyElsesContactIsNotTheCustomersPhone() {
    var message =
        new TelegramUpdate.Message(
            1L,
            new TelegramUpdate.User(5L, false, "A", null, null, "en"),
            new TelegramUpdate.Chat(5L, "private"),
            0L,
            null,
            null,
            null,
            null,
            new TelegramUpdate.Contact("79161234567", "B", 6L));
    assertThat(TelegramNormalizer.customer(message, "RU").phone()).isNull();
  }

  @Test
  void aMessageWithNothingToReadIsRefused() {
    var message =
        new TelegramUpdate.Message(
            1L, null, new TelegramUpdate.Chat(5L, "private"), 0L, " ", null, null, null, null);
    assertThat(TelegramNormalizer.validate(message))
        .extracting(FieldError::field)
        .containsExactly("message.text");
  }
}
