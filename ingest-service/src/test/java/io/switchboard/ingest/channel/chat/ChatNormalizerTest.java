package io.switchboard.ingest.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.ingest.problem.FieldError;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChatNormalizerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void aVisitorMessageBecomesAnInquiryAnsweredInTheSession() {
    var message =
        new ChatMessage(
            "s-1",
            "m-1",
            null,
            null,
            new ChatMessage.Visitor(" Анна ", "Anna@Example.com", "8 916 123-45-67"),
            "Здравствуйте, не проходит оплата");
    assertThat(ChatNormalizer.validate(message, "RU")).isEmpty();
    var customer = ChatNormalizer.visitor(message, "RU");
    assertThat(customer.name()).isEqualTo("Анна");
    assertThat(customer.email()).isEqualTo("anna@example.com");
    assertThat(customer.phone()).isEqualTo("+79161234567");
    var event = ChatNormalizer.received(message, customer, NOW, 1000, new Random(1));
    assertThat(event.channel()).isEqualTo(Channel.CHAT);
    assertThat(event.language()).isEqualTo("ru");
    assertThat(event.replyAddress().address()).isEqualTo("s-1");
    assertThat(ChatNormalizer.sourceKey(message)).isEqualTo("CHAT:s-1:m-1");
  }

  @Test
  void everyProblemIsNamed() {
    var message =
        new ChatMessage(" ", "m\n1", "bot", null, new ChatMessage.Visitor(null, "nope", "12"), "");
    assertThat(ChatNormalizer.validate(message, "RU"))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "sessionId", "messageId", "author", "text", "visitor.email", "visitor.phone");
  }
}
